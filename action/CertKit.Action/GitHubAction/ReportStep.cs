using CertKit.Action.Events;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;
using CertKit.Action.Versioning;
using CertKit.Action.Runtime;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The run's report, written whenever a decision was made, even when a later step failed (the decision stands): the
/// breaking-change and scan annotations, the job summary, and why the step fails under <c>fail-on</c>
/// (<see cref="ActionRun.Failure"/>, one sentence per reason).
/// </summary>
internal static class ReportStep
{
    public static void Write(ActionRun run)
    {
        var (core, inputs, decision) = (run.Core, run.Inputs, run.RequireDecision());
        run.Failure = FailureMessage(run);
        if (inputs.FailOnBump && decision.BumpUnderstated)
        {
            EvidenceReporting.AnnotateBreakingChanges(core, decision);
        }

        if (run.Scan is not null)
        {
            // After everything else that annotates, so the caps count every annotation of the step; one error slot
            // stays free when the step is about to fail, for the line that says why.
            ScanAnnotations.Emit(core, run.Scan, reserveError: !run.Completed || run.Failure is not null);
        }

        if (string.IsNullOrEmpty(core.GetEnvironment(JobSummary.SummaryEnvironmentVariable)))
        {
            return;
        }

        DecisionReport.AddToSummary(core.Summary, decision, run.Context, run.FollowUp);
        if (run.Scan is not null)
        {
            ScanSummary.AddToSummary(core.Summary, run.Scan);
        }

        if (run.Readiness is not null)
        {
            core.Summary.AddRaw(ReadinessWriters.Markdown(run.Readiness), addEol: true);
        }

        core.Summary.Write();
    }

    /// <summary>Why the step fails under <c>fail-on</c> (one sentence per reason, one <c>::error::</c> line), or null.</summary>
    private static string? FailureMessage(ActionRun run)
    {
        var (inputs, decision) = (run.Inputs, run.RequireDecision());
        var reasons = new List<string>();
        if (inputs.FailOnRecertification && decision.RecertificationRequired)
        {
            reasons.Add($"{decision.ProgramName} re-certification is required for {DecisionReport.Shown(decision.Version)} (fail-on: recertification).");
        }

        if (inputs.FailOnFindings && run.Scan is { FailingCount: > 0 } failing)
        {
            var count = failing.FailingCount;
            var where = run.Event is PullRequestEvent pullRequest ? $" on lines changed by pull request #{pullRequest.Number}" : string.Empty;
            reasons.Add($"certkit scan: {count} finding{(count == 1 ? "" : "s")}{where} (fail-on: findings).");
        }

        if (inputs.FailOnBump && decision.BumpUnderstated)
        {
            reasons.Add($"The declared bump ({decision.Bump.ToName()}) of {DecisionReport.Shown(decision.Version)} is lower than the one the changes imply ({decision.ImpliedBump?.ToName()}) (fail-on: bump).");
        }

        if (inputs.FailOnReadiness && run.Readiness is not null && ReadinessStep.FailedIds(run.Readiness) is { Count: > 0 } failed)
        {
            reasons.Add($"certkit check: {failed.Count} failed check{(failed.Count == 1 ? "" : "s")}: {string.Join(", ", failed)} (fail-on: readiness).");
        }

        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }
}
