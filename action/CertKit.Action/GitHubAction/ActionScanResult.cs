using CertKit.Action.Scanning;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// What <c>scan: true</c> found: the whole report (for SARIF and the log), and the findings this run reports — on a
/// pull request only those on lines the pull request changed, otherwise all of them.
/// </summary>
internal sealed record ActionScanResult(ScanReport Report, IReadOnlyList<Finding> Reported, string? ChangedSince)
{
    /// <summary>The whole repository's scan before the baseline was applied, when the scan covered it (the readiness checks reuse it); null for a scope-limited scan.</summary>
    public ScanReport? FullScan { get; init; }

    /// <summary>Whether only the projects and files the pull request changes were analysed (then <see cref="ScanReport.Findings"/> are the reported ones).</summary>
    public bool ScopedToChanges { get; init; }

    /// <summary>Whether <see cref="Reported"/> is restricted to the lines a pull request changed.</summary>
    public bool OnChangedLinesOnly => ChangedSince is not null;

    /// <summary>The findings that <c>fail-on: findings</c> counts: warnings and errors (notes never fail, as in <c>certkit scan</c>).</summary>
    public int FailingCount => Reported.Count(f => f.Level is FindingLevel.Warning or FindingLevel.Error);

    public string Title(string ruleId) => Report.Rules.FirstOrDefault(r => r.Id == ruleId)?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ruleId;

    public string? HelpLink(string ruleId) => Report.Rules.FirstOrDefault(r => r.Id == ruleId)?.HelpLinkUri is { Length: > 0 } link ? link : null;

    /// <summary>Reported findings per rule, by rule id.</summary>
    public IReadOnlyList<(string RuleId, int Count)> CountsPerRule() =>
        Reported.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
}
