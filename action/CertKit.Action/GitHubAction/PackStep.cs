using CertKit.Action.Cli;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Programs;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The Action's <c>pack</c> step: when a re-certification request is filed, the evidence pack (<see cref="EvidencePack"/>,
/// as <c>certkit pack</c> writes it) goes to the <c>pack</c> folder in the workspace, built from what the run already
/// computed (the decision, the scan, the checks, the inventory) and from the run's one view for whatever it did not; the
/// <c>pack-dir</c> output names the folder, for <c>actions/upload-artifact</c> (empty when no pack was written).
/// </summary>
internal sealed class PackStep : IActionStep
{
    public const string Output = "pack-dir";

    public async Task RunAsync(ActionRun run)
    {
        var (core, inputs) = (run.Core, run.Inputs);
        if (inputs.Pack is null)
        {
            return;
        }

        if (!run.FilesIssue)
        {
            core.Info("No evidence pack: it is written with a re-certification request (certkit pack writes one at any time).");
            core.SetOutput(Output, string.Empty);
            return;
        }

        try
        {
            run.PackFolder = await core.GroupAsync("CertKit evidence pack", () => WriteAsync(run)).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            throw new CertKitException($"certkit pack: {exception.Message}", exception);
        }
    }

    private static async Task<string> WriteAsync(ActionRun run)
    {
        var (core, inputs, decision) = (run.Core, run.Inputs, run.RequireDecision());
        var view = await ScanStep.OpenViewAsync(run).ConfigureAwait(false);
        var cancellationToken = CancellationToken.None;
        var folder = inputs.Pack!;
        var target = Path.GetFullPath(folder, view.Directory);
        EvidencePack.RequireOutput(target);

        // The run's whole-repository scan serves the checks and the findings; a pull request's scoped scan would not.
        var wholeScan = run.Scan is { ScopedToChanges: false } scan ? scan.Report : null;
        var context = CheckContext.Open(view, wholeScan is null ? null : _ => Task.FromResult(wholeScan));
        var staleness = StalenessRule.Default;
        var readiness = run.Readiness ?? await ReadinessRunner.RunAsync(
            ProgramRegistry.ResolveReadiness(inputs.Program, run.PolicyFilePath, view.Directory),
            context,
            cancellationToken,
            staleness).ConfigureAwait(false);
        var findings = wholeScan ?? await context.ScanAsync(cancellationToken).ConfigureAwait(false);
        var (commit, uncommitted) = PackCommand.GitState(view);
        var parts = EvidencePack.Build(new EvidencePackInput
        {
            Program = decision.Program,
            ProgramName = decision.ProgramName,
            Definition = ProgramRegistry.Find(decision.Program),
            Workspace = view,
            Readiness = readiness,
            Scan = findings,
            Endpoints = run.Inventory ?? EndpointInventory.Scan(view, cancellationToken),
            Decision = decision,
            Staleness = staleness,
            Created = DateTimeOffset.UtcNow,
            Commit = commit,
            UncommittedChanges = uncommitted,
        });
        EvidencePack.Write(parts, target);
        core.Info($"Evidence pack ({parts.Count} files) written to {folder} and {folder.TrimEnd('/', '\\')}.zip");
        core.SetOutput(Output, folder);
        return folder;
    }

    /// <summary>The issue's pointer to the pack: the workflow run whose artifacts hold it (GitHub keeps run artifacts, not issue attachments).</summary>
    public static string IssueSection(string folder, string? serverUrl, string? repository, string? runId)
    {
        var run = runId is { Length: > 0 } && repository is { Length: > 0 }
            ? $"[workflow run {runId}]({(serverUrl is { Length: > 0 } ? serverUrl : "https://github.com")}/{repository}/actions/runs/{runId})"
            : "the workflow run";
        return $"### Evidence pack\n\nThe evidence pack for the submission (`{folder}`: readiness, the decision and the changes since the compared version, "
            + $"the endpoint inventory, OAuth scopes, findings with the SARIF, coverage, the program's sources; index in its `README.md`) was written by {run}; "
            + "download it from the run's artifacts (the reusable workflow uploads it) and attach it to the submission.\n";
    }
}
