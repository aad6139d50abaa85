using CertKit.Action.Decision;
using CertKit.Action.Events;
using CertKit.Action.Programs;
using CertKit.Action.Reporting;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// Reads the event and turns it into what the decision is asked (the refs and versions to compare) and where it was
/// made (the report's context). An event the Action does not act on ends the run.
/// </summary>
internal sealed class EventStep : IActionStep
{
    public Task RunAsync(ActionRun run)
    {
        var core = run.Core;
        var inputs = run.Inputs;
        run.Event = EventReader.Read(core.GetEnvironment);
        if (run.Event is IgnoredEvent ignored)
        {
            run.IgnoredBecause = ignored.Reason;
            return Task.CompletedTask;
        }

        run.Repository = core.GetEnvironment("GITHUB_REPOSITORY") ?? inputs.TargetRepository.ToString();
        run.ServerUrl = core.GetEnvironment("GITHUB_SERVER_URL") is { Length: > 0 } server ? server : "https://github.com";
        var policyFile = run.PolicyFilePath;
        var (certified, certifiedSource) = inputs.CertifiedVersion is { } named
            ? (named, "certified-version input")
            : CertifiedSetting.FromPolicyFile(policyFile, run.WorkspacePath);
        var request = new DecisionRequest
        {
            Policy = ProgramRegistry.ResolvePolicy(inputs.Program, policyFile, run.WorkspacePath),
            RepositoryPath = run.WorkspacePath,
            HeadRef = "HEAD",
            Version = inputs.Version,
            PreviousVersion = inputs.PreviousVersion,
            TagPattern = inputs.TagPattern,
            Evidence = inputs.Evidence,
            CertifiedVersion = certified,
            CertifiedSource = certifiedSource,
        };
        (run.Request, run.Context) = Plan(run, request);
        return Task.CompletedTask;
    }

    private static (DecisionRequest Request, ReportContext Context) Plan(ActionRun run, DecisionRequest request)
    {
        switch (run.Event)
        {
            case PullRequestEvent pullRequest:
                // The title comes from whoever opened the pull request: no workflow command in it may run.
                run.Core.InfoUntrusted($"Pull request #{pullRequest.Number}: {pullRequest.Title} ({pullRequest.HeadRef} -> {pullRequest.BaseRef})");
                return (request with { BaseRef = pullRequest.BaseSha, HeadRef = pullRequest.HeadSha },
                    new ReportContext(run.Repository, $"pull request #{pullRequest.Number}",
                        ReportContext.BuildCompareUrl(run.ServerUrl, run.Repository, pullRequest.BaseSha, pullRequest.HeadSha)));
            case ReleaseEvent release:
                if (release.ReleaseName is { Length: > 0 } name && name != release.Tag)
                {
                    run.Core.InfoUntrusted($"Release {release.Tag}: {name}");
                }

                return (request with { HeadRef = release.Sha ?? $"refs/tags/{release.Tag}" },
                    new ReportContext(run.Repository, release.EventName == EventReader.Push ? $"tag {release.Tag}" : $"release {release.Tag}", null));
            case WorkflowDispatchEvent dispatch:
                return (request with
                {
                    HeadRef = dispatch.Sha ?? "HEAD",
                    Version = request.Version ?? dispatch.Input("version"),
                    PreviousVersion = request.PreviousVersion ?? dispatch.Input("previous-version"),
                }, new ReportContext(run.Repository, "manual run", null));
            default:
                throw new InvalidOperationException($"unexpected event {run.Event}");
        }
    }
}
