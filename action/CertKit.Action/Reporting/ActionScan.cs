using CertKit.Action.Runtime;
using CertKit.Action.Sarif;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Reporting;

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

/// <summary>The action's scan step: <c>certkit scan</c>'s scanner, in process, over the workspace.</summary>
internal static class ActionScan
{
    public static async Task<ActionScanResult> RunAsync(ActionsCore core, string workspace, string? changedSince, string? sarifFile, CancellationToken cancellationToken) =>
        await RunAsync(core, await OpenAsync(workspace, sarifFile, null, cancellationToken).ConfigureAwait(false), changedSince, sarifFile, null, wholeRepository: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The one view of the workspace the Action's steps share: the SARIF file of an earlier run and the baseline are not the repository's code.</summary>
    /// <param name="packFolder">The evidence pack's folder (the <c>pack</c> input): an earlier run's pack is not code either.</param>
    public static Task<RepositoryWorkspace> OpenAsync(string workspace, string? sarifFile, string? baselineFile, CancellationToken cancellationToken, string? packFolder = null)
    {
        var exclude = new[] { sarifFile, baselineFile, packFolder is null ? null : packFolder.TrimEnd('/', '\\') + "/**", packFolder is null ? null : packFolder.TrimEnd('/', '\\') + ".zip" }
            .Where(file => file is not null)
            .Select(file => Path.GetRelativePath(workspace, Path.GetFullPath(file!, workspace)).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("../", StringComparison.Ordinal))
            .ToArray();
        return RepositoryWorkspace.OpenAsync(workspace, new WorkspaceOptions(Exclude: exclude), cancellationToken);
    }

    /// <param name="wholeRepository">Scan every project even on a pull request (the readiness checks need the whole repository's findings: one analysis serves both).</param>
    public static async Task<ActionScanResult> RunAsync(ActionsCore core, RepositoryWorkspace view, string? changedSince, string? sarifFile, string? baselineFile, bool wholeRepository, CancellationToken cancellationToken)
    {
        var workspace = view.Directory;
        var baseline = baselineFile is null ? null : ScanBaseline.Read(Path.GetFullPath(baselineFile, workspace));

        // A pull request analyses only the projects and files it changes, unless a SARIF file is wanted (code scanning
        // compares it with the base branch's) or the checks run too: both need the whole repository.
        var scoped = changedSince is not null && sarifFile is null && !wholeRepository;
        var runnerTemp = core.GetEnvironment("RUNNER_TEMP");
        var cacheDirectory = string.IsNullOrEmpty(runnerTemp) ? null : Path.Combine(runnerTemp, "certkit-scan-cache");
        ScanReport report;
        try
        {
            report = await new RepositoryScanner()
                .ScanAsync(view, new ScanSettings(workspace, BaseRef: scoped ? changedSince : null, CacheDirectory: cacheDirectory), new ScanTimings(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CertKitException exception) when (scoped && exception.Message.StartsWith("--base", StringComparison.Ordinal))
        {
            throw NoBaseCommit(exception);
        }

        var fullScan = scoped ? null : report;
        if (baseline is not null)
        {
            report = baseline.Apply(report, baselineFile!);
        }

        IReadOnlyList<Finding> reported = report.Findings;
        if (changedSince is not null && !scoped)
        {
            ChangedLines changed;
            try
            {
                changed = await ChangedLines.ReadAsync(report.SourceRoot, changedSince, cancellationToken).ConfigureAwait(false);
            }
            catch (CertKitException exception)
            {
                throw NoBaseCommit(exception);
            }

            reported = report.Findings.Where(f => changed.Contains(f.Path, f.Line)).ToList();
        }

        // The log gets the whole report; its lines quote repository content, so no workflow command in them may run.
        var log = new StringWriter { NewLine = "\n" };
        TextReport.Write(report, log);
        core.InfoUntrusted(log.ToString().TrimEnd('\n'));
        if (scoped)
        {
            core.Info($"{reported.Count} findings on lines changed since {changedSince}; only the projects and files the pull request changes were analysed.");
        }
        else if (changedSince is not null)
        {
            core.Info($"{reported.Count} of the {report.Findings.Count} findings are on lines changed since {changedSince}.");
        }

        if (sarifFile is not null)
        {
            var path = Path.GetFullPath(sarifFile, workspace);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            SarifWriter.Write(report, path);
            core.Info($"SARIF written to {sarifFile}");
        }

        return new ActionScanResult(report, reported, changedSince) { ScopedToChanges = scoped, FullScan = fullScan };
    }

    private static CertKitException NoBaseCommit(CertKitException exception)
    {
        var problem = exception.Message.StartsWith("--base: ", StringComparison.Ordinal) ? exception.Message["--base: ".Length..] : exception.Message;
        return new CertKitException($"cannot tell which lines the pull request changed ({problem}); check out the repository with `fetch-depth: 0`.");
    }

    /// <summary>The scan's outputs: <c>findings</c> (the reported count) and <c>sarif-file</c> (empty when none was written).</summary>
    public static void WriteOutputs(ActionsCore core, ActionScanResult result, string? sarifFile)
    {
        core.SetOutput("findings", result.Reported.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        core.SetOutput("sarif-file", sarifFile ?? string.Empty);
    }
}
