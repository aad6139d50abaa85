using CertKit.Action.Readiness;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// <c>check: true</c>: the program's readiness checks over the run's one view of the workspace (the same as
/// <c>certkit check</c>), reading the scan's findings when the scan covered the whole repository; logged one line per check,
/// with the <c>ready</c> and <c>failed-checks</c> outputs.
/// </summary>
internal sealed class ReadinessStep : IActionStep
{
    public async Task RunAsync(ActionRun run)
    {
        if (!run.Inputs.Check)
        {
            return;
        }

        var view = await ScanStep.OpenViewAsync(run).ConfigureAwait(false);
        try
        {
            run.Readiness = await run.Core.GroupAsync("CertKit readiness", () => CheckAsync(run, view)).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            throw new CertKitException($"certkit check: {exception.Message}", exception);
        }
    }

    private static async Task<ReadinessReport> CheckAsync(ActionRun run, Workspace.RepositoryWorkspace view)
    {
        var (core, inputs) = (run.Core, run.Inputs);
        var fullScan = run.Scan?.FullScan;
        var context = CheckContext.Open(view, fullScan is null ? null : _ => Task.FromResult(fullScan));
        var resolved = Programs.ProgramRegistry.ResolveReadiness(inputs.Program, run.PolicyFilePath, context.Root);
        var report = await ReadinessRunner.RunAsync(resolved, context, CancellationToken.None).ConfigureAwait(false);
        core.Info($"{report.ProgramName}: {ReadinessWriters.Headline(report)}");
        foreach (var check in report.Checks)
        {
            core.Info($"  {ReadinessWriters.StatusWord(check.Status),-6} {check.Id}: {check.Evidence.FirstOrDefault() ?? string.Empty}");
        }

        core.SetOutput("ready", report.Ready);
        core.SetOutput("failed-checks", string.Join(",", FailedIds(report)));
        return report;
    }

    public static IReadOnlyList<string> FailedIds(ReadinessReport report) =>
        [.. report.Checks.Where(check => check.Status == CheckStatus.Failed).Select(check => check.Id)];
}
