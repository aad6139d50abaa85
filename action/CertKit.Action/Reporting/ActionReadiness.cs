using CertKit.Action.Readiness;
using CertKit.Action.Runtime;

namespace CertKit.Action.Reporting;

/// <summary>
/// The action's <c>check: true</c> step: the program's readiness checks over the workspace (the same as <c>certkit check</c>),
/// logged one line per check, with the <c>ready</c> and <c>failed-checks</c> outputs.
/// </summary>
internal static class ActionReadiness
{
    public static async Task<ReadinessReport> RunAsync(ActionsCore core, string workspace, string program, string? policyFile, CancellationToken cancellationToken)
    {
        var context = await CheckContext.OpenAsync(workspace, cancellationToken).ConfigureAwait(false);
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
