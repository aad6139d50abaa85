namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// A check that is the scan's verdict on some CertKit rules (<c>hardcoded-values</c>: CK1001–CK1003, <c>production-code</c>:
/// CK3xxx, …): failed with each finding as evidence, passed with what was scanned. The scan runs once for all of them.
/// </summary>
internal sealed class ScanFindingsCheck(string id, string requirement, params string[] ruleIds) : IReadinessCheck
{
    /// <summary>At most this many findings are listed per check; the rest are counted (certkit scan lists them all).</summary>
    public const int MaxListed = 20;

    public string Id => id;

    public string Requirement => requirement;

    public IReadOnlyList<string> RuleIds => ruleIds;

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var report = await context.ScanAsync(cancellationToken).ConfigureAwait(false);
        var findings = report.Findings.Where(finding => ruleIds.Contains(finding.RuleId, StringComparer.Ordinal)).ToList();
        var rules = string.Join(", ", ruleIds);
        var warnings = report.AnalyzerFailures.Select(failure => "an analyzer failed, so findings may be missing: " + failure).ToList();
        if (findings.Count == 0)
        {
            return CheckOutcome.Passed([$"certkit scan: no {rules} finding in {report.FilesAnalyzed} file(s)"], warnings);
        }

        var evidence = findings.Take(MaxListed).Select(finding => $"{finding.Path}:{finding.Line}: {finding.RuleId} {finding.Message}").ToList();
        if (findings.Count > MaxListed)
        {
            evidence.Add($"… and {findings.Count - MaxListed} more (certkit scan lists them all)");
        }

        return CheckOutcome.Failed(evidence, warnings);
    }
}
