using CertKit.Action.Events;
using CertKit.Action.GitHub;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;
using Octokit;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// Tells GitHub: on a pull request the one comment later runs update; on a release or manual run that needs it, the
/// re-certification issue, exactly once (later runs update it). Sets the issue outputs.
/// </summary>
internal sealed class PublishStep : IActionStep
{
    private const string PullRequestsWrite = "pull-requests: write";

    public async Task RunAsync(ActionRun run)
    {
        switch (run.Event)
        {
            case PullRequestEvent pullRequest:
                run.FollowUp.Add(await CommentAsync(run, pullRequest).ConfigureAwait(false));
                break;
            case ReleaseEvent or WorkflowDispatchEvent when run.FilesIssue:
                var issue = await FileIssueAsync(run).ConfigureAwait(false);
                run.Issue = issue;
                run.FollowUp.Add($"Re-certification request: #{issue.Number} in {run.Inputs.TargetRepository} ({Describe(issue.Outcome)}) {issue.Url}");
                break;
            default:
                run.FollowUp.Add("No re-certification request filed: none is required.");
                break;
        }

        DecisionReport.WriteIssueOutputs(run.Core, run.Issue?.Number, run.Issue?.Url);
    }

    private static async Task<string> CommentAsync(ActionRun run, PullRequestEvent pullRequest)
    {
        var (core, inputs, decision) = (run.Core, run.Inputs, run.RequireDecision());
        if (!inputs.CommentOnPullRequest)
        {
            return "No pull request comment (comment-on-pr: false).";
        }

        const string fallback = "the decision is in this job summary instead";
        if (pullRequest.TokenIsReadOnly)
        {
            core.Notice($"certkit: pull request #{pullRequest.Number} comes from a fork, whose token is read-only: no comment; {fallback}.");
            return "No pull request comment: a fork's token is read-only.";
        }

        if (inputs.GitHubToken.Length == 0)
        {
            core.Notice($"certkit: github-token is empty: no comment on pull request #{pullRequest.Number}; {fallback}.");
            return "No pull request comment: no token.";
        }

        var repository = RepositoryName.Parse(pullRequest.BaseRepository ?? core.GetEnvironment("GITHUB_REPOSITORY") ?? string.Empty, "the pull request's repository");
        var comments = new IssueComments(GitHubClients.For(run), core, RetryOptions.FromEnvironment(core.GetEnvironment));
        try
        {
            var result = await comments.UpsertAsync(repository, pullRequest.Number, DecisionReport.PullRequestMarker(decision),
                DecisionReport.PullRequestComment(decision, run.Context, run.Readiness is null ? null : ReadinessWriters.Markdown(run.Readiness)), PullRequestsWrite).ConfigureAwait(false);
            core.Info($"Pull request comment {result.Outcome.ToString().ToLowerInvariant()}: {result.Url}");
            return $"Pull request comment {result.Outcome.ToString().ToLowerInvariant()}: {result.Url}";
        }
        catch (ApiException exception) when (GitHubErrors.IsPermissionDenied(exception))
        {
            core.Notice($"certkit: the token may not comment on pull request #{pullRequest.Number} (403; it needs `permissions: {PullRequestsWrite}`); {fallback}.");
            return "No pull request comment: the token is read-only.";
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, $"comment on pull request #{pullRequest.Number}", repository, PullRequestsWrite);
        }
    }

    private static async Task<IssueResult> FileIssueAsync(ActionRun run)
    {
        var (core, inputs, decision, context) = (run.Core, run.Inputs, run.RequireDecision(), run.Context);
        if (inputs.GitHubToken.Length == 0)
        {
            throw new Runtime.ActionInputException("github-token is empty: it is needed to open the re-certification issue.");
        }

        var issues = new RecertificationIssues(GitHubClients.For(run), core, RetryOptions.FromEnvironment(core.GetEnvironment));
        var request = new RecertificationIssueRequest(
            inputs.TargetRepository,
            DecisionReport.IssueMarker(decision, context.Repository),
            DecisionReport.IssueTitle(decision, context.Repository),
            DecisionReport.IssueBody(decision, context, run.Scan is null ? null : ScanSummary.IssueSection(run.Scan), EvidenceStep.IssueSection(run),
                run.Readiness is null ? null : CertificationChecklists.ReadinessChecklist(run.Readiness),
                run.PackFolder is null ? null : PackStep.IssueSection(run.PackFolder, core.GetEnvironment("GITHUB_SERVER_URL"), core.GetEnvironment("GITHUB_REPOSITORY"), core.GetEnvironment("GITHUB_RUN_ID"))),
            inputs.Labels,
            inputs.Assignees,
            inputs.ClosedIssue,
            DecisionReport.ClosedIssueComment(decision, context.Trigger));
        return await core.GroupAsync($"Re-certification request in {inputs.TargetRepository}", () => issues.FileAsync(request)).ConfigureAwait(false);
    }

    private static string Describe(IssueOutcome outcome) => outcome switch
    {
        IssueOutcome.Created => "opened",
        IssueOutcome.Updated => "updated",
        IssueOutcome.Unchanged => "already up to date",
        IssueOutcome.LeftClosed => "closed, left closed",
        IssueOutcome.Reopened => "reopened",
        _ => outcome.ToString(),
    };
}
