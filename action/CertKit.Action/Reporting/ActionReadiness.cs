using CertKit.Action.Readiness;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Reporting;

/// <summary>
/// The action's <c>check: true</c> step: the program's readiness checks over the workspace (the same as <c>certkit check</c>),
/// logged one line per check, with the <c>ready</c> and <c>failed-checks</c> outputs.
/// </summary>
internal static class ActionReadiness
{
    /// <param name="scan">The Action's scan of the whole repository, when it ran one: the checks read its findings instead of scanning again.</param>
    public static async Task<ReadinessReport> RunAsync(ActionsCore core, RepositoryWorkspace view, ScanReport? scan, string program, string? policyFile, CancellationToken cancellationToken)
    {
        var workspace = view.Directory;
        var context = CheckContext.Open(view, scan is null ? null : _ => Task.FromResult(scan));
        var resolved = Programs.ProgramRegistry.ResolveReadiness(program, policyFile is null ? null : Path.Combine(workspace, policyFile), context.Root);
        var report = await ReadinessRunner.RunAsync(resolved, context, cancellationToken).ConfigureAwait(false);
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
