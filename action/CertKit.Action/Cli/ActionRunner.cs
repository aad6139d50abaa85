using CertKit.Action.Events;
using CertKit.Action.GitHub;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;
using Octokit;

namespace CertKit.Action.Cli;

/// <summary>
/// The action's pipeline: mask the token, read the inputs and the event, decide, report (summary, outputs), then on
/// a pull request comment once, and on a release that needs it file the re-certification request once. With
/// <c>scan: true</c> it also scans the workspace and reports the findings (annotations, summary, issue body); with
/// <c>check: true</c> it runs the program's readiness checks (summary, PR comment, the issue's pre-ticked checklist).
/// Every failure ends as one <c>::error::</c> line and exit code 1; events it does not act on end with a notice and 0.
/// </summary>
public sealed class ActionRunner(ActionsCore core, IDecisionSource decisions)
{
    private const string PullRequestsWrite = "pull-requests: write";

    public async Task<int> RunAsync()
    {
        try
        {
            // First thing: the runner masks the token in every later log line.
            var token = ActionInputs.ReadAndMaskToken(core);
            var inputs = ActionInputs.Read(core, token);
            var actionEvent = EventReader.Read(core.GetEnvironment);
            if (actionEvent is IgnoredEvent ignored)
            {
                core.Notice($"certkit: {ignored.Reason}");
                return 0;
            }

            var repository = core.GetEnvironment("GITHUB_REPOSITORY") ?? inputs.TargetRepository.ToString();
            var serverUrl = core.GetEnvironment("GITHUB_SERVER_URL") is { Length: > 0 } server ? server : "https://github.com";
            var (request, context) = Plan(actionEvent, inputs, repository, serverUrl);
            request = ActionCertifiedBaseline.ApplyInput(inputs, request);

            var decision = await core.GroupAsync($"Decision ({inputs.Program}, {context.Trigger})", async () =>
            {
                var decided = Decide(request);
                if (ActionCertifiedBaseline.ShouldLookUp(inputs, request, decided)
                    && await ActionCertifiedBaseline.LookUpAsync(core, inputs, request, repository, () => Client(inputs)).ConfigureAwait(false) is { } certified)
                {
                    decided = Decide(certified);
                }

                core.Info($"{decided.ProgramName}: {decided.PreviousVersion ?? "none"} -> {decided.Version} ({decided.Bump}), re-certification {DecisionReport.RequiredText(decided)}.");
                if (decided.Baseline is { } baseline)
                {
                    core.Info($"  baseline: {baseline}");
                }

                foreach (var reason in decided.Reasons)
                {
                    core.Info($"  - {reason}");
                }

                return decided;
            }).ConfigureAwait(false);
            context = context with { CompareUrl = context.CompareUrl ?? ReleaseCompareUrl(actionEvent, inputs, serverUrl, repository, decision) };
            DecisionReport.WriteDecisionOutputs(core, decision);
            ActionScanResult? scan = null;
            ReadinessReport? readiness = null;
            string? failure = null;
            var followUp = new List<string>();
            var followedUp = false;
            try
            {
                // One view of the repository for every step that reads it (scan, readiness): listed and classified once.
                var filesRequest = actionEvent is ReleaseEvent or WorkflowDispatchEvent && decision.RecertificationRequired;
                RepositoryWorkspace? view = inputs.Scan || inputs.Check || (inputs.Pack is not null && filesRequest)
                    ? await ActionScan.OpenAsync(Workspace(), inputs.SarifFile, inputs.Baseline, CancellationToken.None, inputs.Pack).ConfigureAwait(false)
                    : null;
                if (inputs.Scan)
                {
                    // On a pull request only the lines it changes are reported: the base is the pull request's base commit.
                    var changedSince = (actionEvent as PullRequestEvent)?.BaseSha;
                    try
                    {
                        scan = await core.GroupAsync("CertKit scan", () => ActionScan.RunAsync(core, view!, changedSince, inputs.SarifFile, inputs.Baseline, wholeRepository: inputs.Check, CancellationToken.None))
                            .ConfigureAwait(false);
                    }
                    catch (CertKitException exception)
                    {
                        // The scan's user errors (no base commit, a folder git refuses) say which step they come from.
                        throw new CertKitException($"certkit scan: {exception.Message}", exception);
                    }

                    ActionScan.WriteOutputs(core, scan, inputs.SarifFile);
                }

                var inventory = await ActionEndpoints.InventoryAsync(core, inputs, decision, Workspace(), forIssue: actionEvent is ReleaseEvent or WorkflowDispatchEvent && decision.RecertificationRequired).ConfigureAwait(false);
                if (inputs.Check)
                {
                    try
                    {
                        readiness = await core.GroupAsync("CertKit readiness", () => ActionReadiness.RunAsync(core, view!, scan?.FullScan, inputs.Program, inputs.PolicyFile, CancellationToken.None))
                            .ConfigureAwait(false);
                    }
                    catch (CertKitException exception)
                    {
                        throw new CertKitException($"certkit check: {exception.Message}", exception);
                    }
                }

                // How often the expensive facts were computed (each should be once per run; a test holds the Action to it).
                if (view is not null)
                {
                    core.Debug($"certkit: repository workspace opened {RepositoryWorkspace.OpenCount} time(s); {RepositoryScanner.ProjectAnalyses} C# project analysis(es)");
                }

                failure = FailureMessage(inputs, decision, scan, actionEvent, readiness);
                IssueResult? issue = null;
                switch (actionEvent)
                {
                    case PullRequestEvent pullRequest:
                        followUp.Add(await CommentAsync(pullRequest, inputs, decision, context, readiness).ConfigureAwait(false));
                        break;
                    case ReleaseEvent or WorkflowDispatchEvent when decision.RecertificationRequired:
                        string? pack = null;
                        if (inputs.Pack is not null)
                        {
                            try
                            {
                                pack = await core.GroupAsync("CertKit evidence pack", () => ActionPack.WriteAsync(core, inputs, decision, view!, scan, readiness, inventory, CancellationToken.None)).ConfigureAwait(false);
                            }
                            catch (CertKitException exception)
                            {
                                throw new CertKitException($"certkit pack: {exception.Message}", exception);
                            }
                        }

                        issue = await FileIssueAsync(inputs, decision, context, scan, inventory, readiness, pack).ConfigureAwait(false);
                        followUp.Add($"Re-certification request: #{issue.Number} in {inputs.TargetRepository} ({Describe(issue.Outcome)}) {issue.Url}");
                        break;
                    default:
                        followUp.Add("No re-certification request filed: none is required.");
                        if (inputs.Pack is not null)
                        {
                            core.Info("No evidence pack: it is written with a re-certification request (certkit pack writes one at any time).");
                        }

                        break;
                }

                DecisionReport.WriteIssueOutputs(core, issue?.Number, issue?.Url);
                if (inputs.Pack is not null && issue is null)
                {
                    core.SetOutput(ActionPack.Output, string.Empty);
                }

                followedUp = true;
            }
            finally
            {
                if (inputs.FailOnBump && decision.BumpUnderstated)
                {
                    EvidenceReporting.AnnotateBreakingChanges(core, decision);
                }

                if (scan is not null)
                {
                    // After everything else that annotates, so the caps count every annotation of the step; one error
                    // slot stays free when the step is about to fail, for the line that says why.
                    ScanAnnotations.Emit(core, scan, reserveError: !followedUp || failure is not null);
                }

                // The summary is written even when GitHub or the scan failed: the decision stands.
                if (!string.IsNullOrEmpty(core.GetEnvironment(JobSummary.SummaryEnvironmentVariable)))
                {
                    DecisionReport.AddToSummary(core.Summary, decision, context, followUp);
                    if (scan is not null)
                    {
                        ScanSummary.AddToSummary(core.Summary, scan);
                    }

                    if (readiness is not null)
                    {
                        core.Summary.AddRaw(ReadinessWriters.Markdown(readiness), addEol: true);
                    }

                    core.Summary.Write();
                }
            }

            if (failure is not null)
            {
                core.SetFailed(failure);
            }

            return core.ExitCode;
        }
        catch (Exception exception) when (exception is ActionInputException or DecisionFailedException or GitHubOperationException or CertKitException)
        {
            core.SetFailed(exception.Message);
            return core.ExitCode;
        }
        catch (Exception exception) when (TransientFailure.Is(exception))
        {
            var apiUrl = GitHubClientFactory.BaseAddress(core.GetEnvironment("GITHUB_API_URL"));
            core.SetFailed($"could not reach the GitHub API at {apiUrl}: {OneLine(TransientFailure.Describe(exception))}; re-run the job.");
            return core.ExitCode;
        }
        catch (Exception exception)
        {
            // A bug: one annotation for the run's page, the stack trace on stderr for the log.
            core.SetFailed($"certkit action failed unexpectedly: {exception.GetType().Name}: {OneLine(exception.Message)}");
            Console.Error.WriteLine(exception);
            return core.ExitCode;
        }
    }

    private ActionDecision Decide(ActionDecisionRequest request)
    {
        var decision = decisions.Decide(request);
        if (decision.Bump == "downgrade")
        {
            throw new DecisionFailedException(
                $"version {decision.Version} is lower than the previous version {decision.PreviousVersion}: a downgrade cannot be released; check the version or set previous-version.");
        }

        return decision;
    }

    private (ActionDecisionRequest Request, ReportContext Context) Plan(ActionEvent actionEvent, ActionInputs inputs, string repository, string serverUrl)
    {
        var request = new ActionDecisionRequest(inputs.Program, inputs.PolicyFile, Workspace(), null, "HEAD", inputs.Version, inputs.PreviousVersion, inputs.TagPattern)
        {
            Evidence = inputs.Evidence,
        };
        switch (actionEvent)
        {
            case PullRequestEvent pullRequest:
                // The title comes from whoever opened the pull request: no workflow command in it may run.
                core.InfoUntrusted($"Pull request #{pullRequest.Number}: {pullRequest.Title} ({pullRequest.HeadRef} -> {pullRequest.BaseRef})");
                return (request with { BaseRef = pullRequest.BaseSha, HeadRef = pullRequest.HeadSha },
                    new ReportContext(repository, $"pull request #{pullRequest.Number}",
                        ReportContext.BuildCompareUrl(serverUrl, repository, pullRequest.BaseSha, pullRequest.HeadSha)));
            case ReleaseEvent release:
                if (release.ReleaseName is { Length: > 0 } name && name != release.Tag)
                {
                    core.InfoUntrusted($"Release {release.Tag}: {name}");
                }

                return (request with { HeadRef = release.Sha ?? $"refs/tags/{release.Tag}" },
                    new ReportContext(repository, release.EventName == EventReader.Push ? $"tag {release.Tag}" : $"release {release.Tag}", null));
            case WorkflowDispatchEvent dispatch:
                return (request with
                {
                    HeadRef = dispatch.Sha ?? "HEAD",
                    Version = request.Version ?? dispatch.Input("version"),
                    PreviousVersion = request.PreviousVersion ?? dispatch.Input("previous-version"),
                }, new ReportContext(repository, "manual run", null));
            default:
                throw new InvalidOperationException($"unexpected event {actionEvent}");
        }
    }

    private string Workspace() =>
        core.GetEnvironment("GITHUB_WORKSPACE") is { Length: > 0 } path ? path : Directory.GetCurrentDirectory();

    /// <summary>Why the step fails under <c>fail-on</c> (one sentence per reason, one <c>::error::</c> line), or null.</summary>
    private static string? FailureMessage(ActionInputs inputs, ActionDecision decision, ActionScanResult? scan, ActionEvent actionEvent, ReadinessReport? readiness)
    {
        var reasons = new List<string>();
        if (inputs.FailOnRecertification && decision.RecertificationRequired)
        {
            reasons.Add($"{decision.ProgramName} re-certification is required for {decision.Version} (fail-on: recertification).");
        }

        if (inputs.FailOnFindings && scan is { FailingCount: > 0 } failing)
        {
            var count = failing.FailingCount;
            var where = actionEvent is PullRequestEvent pullRequest ? $" on lines changed by pull request #{pullRequest.Number}" : string.Empty;
            reasons.Add($"certkit scan: {count} finding{(count == 1 ? "" : "s")}{where} (fail-on: findings).");
        }

        if (inputs.FailOnBump && decision.BumpUnderstated)
        {
            reasons.Add($"The declared bump ({decision.Bump}) of {decision.Version} is lower than the one the changes imply ({decision.ImpliedBump}) (fail-on: bump).");
        }

        if (inputs.FailOnReadiness && readiness is not null && ActionReadiness.FailedIds(readiness) is { Count: > 0 } failed)
        {
            reasons.Add($"certkit check: {failed.Count} failed check{(failed.Count == 1 ? "" : "s")}: {string.Join(", ", failed)} (fail-on: readiness).");
        }

        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }

    private static string? ReleaseCompareUrl(ActionEvent actionEvent, ActionInputs inputs, string serverUrl, string repository, ActionDecision decision) =>
        actionEvent is PullRequestEvent
            ? null
            : ReportContext.ReleaseCompareUrl(serverUrl, repository, (actionEvent as ReleaseEvent)?.Tag, inputs.TagPattern, decision);

    private async Task<string> CommentAsync(PullRequestEvent pullRequest, ActionInputs inputs, ActionDecision decision, ReportContext context, ReadinessReport? readiness)
    {
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
        var comments = new IssueComments(Client(inputs), core, RetryOptions.FromEnvironment(core.GetEnvironment));
        try
        {
            var result = await comments.UpsertAsync(repository, pullRequest.Number, DecisionReport.PullRequestMarker(decision),
                DecisionReport.PullRequestComment(decision, context, readiness is null ? null : ReadinessWriters.Markdown(readiness)), PullRequestsWrite).ConfigureAwait(false);
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

    private async Task<IssueResult> FileIssueAsync(ActionInputs inputs, ActionDecision decision, ReportContext context, ActionScanResult? scan, Evidence.Endpoints.EndpointReport? inventory, ReadinessReport? readiness, string? pack)
    {
        if (inputs.GitHubToken.Length == 0)
        {
            throw new ActionInputException("github-token is empty: it is needed to open the re-certification issue.");
        }

        var issues = new RecertificationIssues(Client(inputs), core, RetryOptions.FromEnvironment(core.GetEnvironment));
        var request = new RecertificationIssueRequest(
            inputs.TargetRepository,
            DecisionReport.IssueMarker(decision, context.Repository),
            DecisionReport.IssueTitle(decision, context.Repository),
            DecisionReport.IssueBody(decision, context, scan is null ? null : ScanSummary.IssueSection(scan), ActionEndpoints.IssueSection(decision, inventory), readiness is null ? null : CertificationChecklists.ReadinessChecklist(readiness),
                pack is null ? null : ActionPack.IssueSection(pack, core.GetEnvironment("GITHUB_SERVER_URL"), core.GetEnvironment("GITHUB_REPOSITORY"), core.GetEnvironment("GITHUB_RUN_ID"))),
            inputs.Labels,
            inputs.Assignees,
            inputs.ClosedIssue,
            DecisionReport.ClosedIssueComment(decision, context.Trigger));
        return await core.GroupAsync($"Re-certification request in {inputs.TargetRepository}", () => issues.FileAsync(request)).ConfigureAwait(false);
    }

    private IGitHubClient Client(ActionInputs inputs) =>
        GitHubClientFactory.Create(core.GetEnvironment("GITHUB_API_URL"), inputs.GitHubToken, RetryOptions.FromEnvironment(core.GetEnvironment), core.Info);

    private static string OneLine(string text) =>
        string.Join("; ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

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
