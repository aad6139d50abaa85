using CertKit.Action.Decision;
using CertKit.Action.Reporting;
using CertKit.Action.Versioning;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// Decides (the engine of <c>certkit decide</c>, refusing a downgrade the same way), judged against the certified version
/// when the re-certification issues name one, logs the verdict and sets the decision's outputs.
/// </summary>
internal sealed class DecisionStep : IActionStep
{
    public async Task RunAsync(ActionRun run)
    {
        var core = run.Core;
        run.Decision = await core.GroupAsync($"Decision ({run.Inputs.Program}, {run.Context.Trigger})", async () =>
        {
            var decided = DecisionEngine.DecideRelease(run.Request);
            if (CertifiedBaselineLookup.ShouldLookUp(run, decided) && await CertifiedBaselineLookup.LookUpAsync(run).ConfigureAwait(false) is { } certified)
            {
                run.Request = certified;
                decided = DecisionEngine.DecideRelease(certified);
            }

            core.Info($"{decided.ProgramName}: {DecisionReport.Shown(decided.PreviousVersion)} -> {DecisionReport.Shown(decided.Version)} ({decided.Bump.ToName()}), re-certification {DecisionReport.RequiredText(decided)}.");
            if (decided.Certified is { Statement: { } baseline })
            {
                core.Info($"  baseline: {baseline}");
            }

            foreach (var reason in decided.Reasons)
            {
                core.Info($"  - {reason}");
            }

            foreach (var warning in decided.Warnings)
            {
                core.Warning(warning);
            }

            return decided;
        }).ConfigureAwait(false);
        if (run.Context.CompareUrl is null && run.Event is not Events.PullRequestEvent)
        {
            run.Context = run.Context with
            {
                CompareUrl = ReportContext.ReleaseCompareUrl(run.ServerUrl, run.Repository, (run.Event as Events.ReleaseEvent)?.Tag, run.Inputs.TagPattern, run.Decision),
            };
        }

        DecisionReport.WriteDecisionOutputs(core, run.Decision);
    }
}
