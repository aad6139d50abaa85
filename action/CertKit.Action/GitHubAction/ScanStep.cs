using CertKit.Action.Runtime;
using CertKit.Action.Sarif;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// <c>scan: true</c>: <c>certkit scan</c>'s scanner, in process, over the run's one view of the workspace; logs the report,
/// writes the SARIF file and sets the <c>findings</c> and <c>sarif-file</c> outputs.
/// </summary>
internal sealed class ScanStep : IActionStep
{
    public async Task RunAsync(ActionRun run)
    {
        if (!run.Inputs.Scan)
        {
            return;
        }

        var inputs = run.Inputs;
        // On a pull request only the lines it changes are reported: the base is the pull request's base commit.
        var changedSince = (run.Event as Events.PullRequestEvent)?.BaseSha;
        var view = await OpenViewAsync(run).ConfigureAwait(false);
        try
        {
            run.Scan = await run.Core.GroupAsync("CertKit scan", () => RunAsync(run.Core, view, changedSince, inputs.SarifFile, inputs.Baseline, wholeRepository: inputs.Check, CancellationToken.None))
                .ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            // The scan's user errors (no base commit, a folder git refuses) say which step they come from, and name the
            // Action's input rather than the command line's option.
            var message = exception.Message.StartsWith("--baseline: ", StringComparison.Ordinal) ? "the baseline input: " + exception.Message["--baseline: ".Length..] : exception.Message;
            throw new CertKitException($"certkit scan: {message}", exception);
        }

        run.Core.SetOutput("findings", run.Scan.Reported.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        run.Core.SetOutput("sarif-file", inputs.SarifFile ?? string.Empty);
    }

    /// <summary>The run's one view of the workspace, opened by the first step that reads the code and shared by the rest.</summary>
    public static async Task<RepositoryWorkspace> OpenViewAsync(ActionRun run) =>
        run.View ??= await OpenAsync(run.WorkspacePath, run.Inputs.SarifFile, run.Inputs.Baseline, CancellationToken.None, run.Inputs.Pack).ConfigureAwait(false);

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
}
