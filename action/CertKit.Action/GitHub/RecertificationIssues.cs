using CertKit.Action.Runtime;
using Octokit;

namespace CertKit.Action.GitHub;

/// <summary>What to do when the request for this version exists but was closed.</summary>
public enum ClosedIssuePolicy
{
    /// <summary>Leave it closed and say (once) that the release ran again.</summary>
    Comment,

    /// <summary>Reopen it.</summary>
    Reopen,

    /// <summary>Leave it alone.</summary>
    Ignore,
}

public enum IssueOutcome
{
    Created,
    Updated,
    Unchanged,
    LeftClosed,
    Reopened,
}

/// <summary>The re-certification request to file: <see cref="Marker"/> is its identity.</summary>
public sealed record RecertificationIssueRequest(
    RepositoryName Repository,
    string Marker,
    string Title,
    string Body,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Assignees,
    ClosedIssuePolicy OnClosed,
    string ClosedComment);

public sealed record IssueResult(int Number, string Url, IssueOutcome Outcome);

/// <summary>
/// Files the re-certification request exactly once. The issue is found by its hidden marker among the issues with
/// the first label, listed through <c>GET /repos/{owner}/{repo}/issues?labels=…&amp;state=all</c> (consistent with
/// writes, unlike the Search API's index), pull requests skipped. A create that fails transiently (5xx, timeout) may
/// have succeeded, so the list is read again before any retry. Two runs for one release at the same moment can both
/// list before either creates: after creating, each run lists again and the one whose issue is not the oldest match
/// closes its own as a duplicate and carries on with the oldest, so they converge on one open issue.
/// </summary>
public sealed class RecertificationIssues(IGitHubClient client, ActionsCore core, RetryOptions options)
{
    public const string ClosedCommentMarker = "<!-- certkit:recert-closed -->";
    private const string IssuesWrite = "issues: write";
    private const string DefaultLabelColor = "d93f0b";

    public async Task<IssueResult> FileAsync(RecertificationIssueRequest request)
    {
        var repository = request.Repository;
        await EnsureRepositoryExistsAsync(repository).ConfigureAwait(false);
        await EnsureLabelsExistAsync(request).ConfigureAwait(false);

        var existing = await FindAsync(request).ConfigureAwait(false);
        if (existing is not null)
        {
            return await UpdateExistingAsync(request, existing).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            Issue created;
            try
            {
                var newIssue = new NewIssue(request.Title) { Body = request.Body };
                foreach (var label in request.Labels)
                {
                    newIssue.Labels.Add(label);
                }

                foreach (var assignee in request.Assignees)
                {
                    newIssue.Assignees.Add(assignee);
                }

                created = await client.Issue.Create(repository.Owner, repository.Name, newIssue).ConfigureAwait(false);
            }
            catch (Exception exception) when (TransientFailure.Is(exception))
            {
                core.Warning($"Creating the re-certification issue in {repository} failed ({TransientFailure.Describe(exception)}); checking whether it was created anyway before retrying.");
                var recovered = await FindAllAsync(request).ConfigureAwait(false);
                if (recovered.Count == 1)
                {
                    core.Info($"The issue was created: #{recovered[0].Number}.");
                    VerifyApplied(request, recovered[0]);
                    return new IssueResult(recovered[0].Number, recovered[0].HtmlUrl, IssueOutcome.Created);
                }

                if (recovered.Count > 1)
                {
                    // Ours is among them but cannot be told apart from a concurrent run's: every newer one is a duplicate.
                    return await KeepOldestAsync(request, recovered[0], recovered.Skip(1).Where(issue => issue.State.Value == ItemState.Open)).ConfigureAwait(false);
                }

                if (attempt >= options.MaxCreateAttempts)
                {
                    throw exception is ApiException api
                        ? GitHubErrors.Explain(api, "create the re-certification issue", repository, IssuesWrite)
                        : new GitHubOperationException($"could not create the re-certification issue in {repository}: {TransientFailure.Describe(exception)} on each of {attempt} attempts; re-run the job.", exception);
                }

                await Task.Delay(options.BaseDelay * Math.Pow(2, attempt - 1)).ConfigureAwait(false);
                continue;
            }
            catch (ApiException exception)
            {
                throw GitHubErrors.Explain(exception, "create the re-certification issue", repository, IssuesWrite);
            }

            core.Info($"Opened re-certification issue #{created.Number}: {created.HtmlUrl}");
            var oldest = await FindOldestAfterCreateAsync(request, created).ConfigureAwait(false);
            if (oldest is not null && oldest.Number < created.Number)
            {
                return await KeepOldestAsync(request, oldest, [created]).ConfigureAwait(false);
            }

            VerifyApplied(request, created);
            return new IssueResult(created.Number, created.HtmlUrl, IssueOutcome.Created);
        }
    }

    /// <summary>
    /// The oldest issue carrying the marker, listed again once this run's issue exists. A run that listed at the same
    /// moment as this one and created first shows up here with a lower number (numbers are allocated in order, and
    /// the list is consistent with writes). Best effort: this run's issue is filed either way, and a failed check
    /// should not fail the step.
    /// </summary>
    private async Task<Issue?> FindOldestAfterCreateAsync(RecertificationIssueRequest request, Issue created)
    {
        try
        {
            return await FindAsync(request).ConfigureAwait(false);
        }
        catch (GitHubOperationException exception)
        {
            core.Warning($"Opened #{created.Number}, but could not check for a duplicate opened by a concurrent run: {exception.Message}");
            return null;
        }
        catch (Exception exception) when (TransientFailure.Is(exception))
        {
            core.Warning($"Opened #{created.Number}, but could not check for a duplicate opened by a concurrent run: {TransientFailure.Describe(exception)}.");
            return null;
        }
    }

    /// <summary>
    /// Concurrent runs each opened an issue for this release: the oldest is kept, the <paramref name="duplicates"/>
    /// are closed as not planned with the marker removed from their body (so no later run finds them), and the run
    /// carries on with the oldest exactly as if it had found it up front.
    /// </summary>
    private async Task<IssueResult> KeepOldestAsync(RecertificationIssueRequest request, Issue oldest, IEnumerable<Issue> duplicates)
    {
        foreach (var duplicate in duplicates)
        {
            var closing = new IssueUpdate
            {
                State = ItemState.Closed,
                StateReason = ItemStateReason.NotPlanned,
                Body = $"Duplicate of #{oldest.Number}: opened by a concurrent certkit run for the same release; the request is tracked in #{oldest.Number}.",
            };
            try
            {
                await client.Issue.Update(request.Repository.Owner, request.Repository.Name, duplicate.Number, closing).ConfigureAwait(false);
                core.Notice($"A concurrent certkit run for the same release opened re-certification issue #{oldest.Number} first: closed #{duplicate.Number} as a duplicate (not planned); the request is tracked in #{oldest.Number}.");
            }
            catch (Exception exception) when (exception is ApiException || TransientFailure.Is(exception))
            {
                // The request itself is filed (the oldest); a duplicate left open is untidy, not a failure.
                var reason = exception is ApiException api
                    ? GitHubErrors.Explain(api, $"close duplicate issue #{duplicate.Number}", request.Repository, IssuesWrite).Message
                    : $"could not close duplicate issue #{duplicate.Number}: {TransientFailure.Describe(exception)}.";
                core.Warning($"Re-certification issue #{duplicate.Number} duplicates #{oldest.Number} (opened by a concurrent certkit run for the same release) and is still open, {reason} Close it by hand.");
            }
        }

        return await UpdateExistingAsync(request, oldest).ConfigureAwait(false);
    }

    /// <summary>
    /// The issue carrying the marker, open or closed, or null. Looked up among the issues with the first label; when
    /// none matches, among all issues, because GitHub silently drops the labels of a token without push access.
    /// </summary>
    public async Task<Issue?> FindAsync(RecertificationIssueRequest request) =>
        (await FindAllAsync(request).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Every issue carrying the marker, oldest first, looked up as <see cref="FindAsync"/> does.</summary>
    public async Task<IReadOnlyList<Issue>> FindAllAsync(RecertificationIssueRequest request)
    {
        if (request.Labels.Count > 0)
        {
            var labelled = await ListMatchingAsync(request, request.Labels[0]).ConfigureAwait(false);
            if (labelled.Count > 0)
            {
                return labelled;
            }
        }

        return await ListMatchingAsync(request, label: null).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Issue>> ListMatchingAsync(RecertificationIssueRequest request, string? label)
    {
        var issueRequest = new RepositoryIssueRequest { State = ItemStateFilter.All };
        if (label is not null)
        {
            issueRequest.Labels.Add(label);
        }

        IReadOnlyList<Issue> issues;
        try
        {
            issues = await client.Issue.GetAllForRepository(
                request.Repository.Owner, request.Repository.Name, issueRequest, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, "list the re-certification issues", request.Repository, IssuesWrite);
        }

        // Oldest first: the oldest match wins, should a duplicate ever exist (filed by hand, or by a concurrent run).
        return issues
            .Where(issue => issue.PullRequest is null && issue.Body?.Contains(request.Marker, StringComparison.Ordinal) == true)
            .OrderBy(issue => issue.Number)
            .ToList();
    }

    private async Task<IssueResult> UpdateExistingAsync(RecertificationIssueRequest request, Issue issue)
    {
        var repository = request.Repository;
        if (issue.State.Value == ItemState.Closed)
        {
            switch (request.OnClosed)
            {
                case ClosedIssuePolicy.Ignore:
                    core.Notice($"The re-certification issue #{issue.Number} for this version is closed; left as it is (closed-issue: ignore).");
                    return new IssueResult(issue.Number, issue.HtmlUrl, IssueOutcome.LeftClosed);
                case ClosedIssuePolicy.Comment:
                    await CommentOnClosedAsync(request, issue).ConfigureAwait(false);
                    core.Notice($"The re-certification issue #{issue.Number} for this version is closed; left closed with a comment.");
                    return new IssueResult(issue.Number, issue.HtmlUrl, IssueOutcome.LeftClosed);
                case ClosedIssuePolicy.Reopen:
                    await UpdateAsync(repository, issue.Number, new IssueUpdate { Title = request.Title, Body = request.Body, State = ItemState.Open }).ConfigureAwait(false);
                    core.Info($"Reopened re-certification issue #{issue.Number}: {issue.HtmlUrl}");
                    return new IssueResult(issue.Number, issue.HtmlUrl, IssueOutcome.Reopened);
            }
        }

        if (issue.Title == request.Title && issue.Body == request.Body)
        {
            core.Info($"Re-certification issue #{issue.Number} is up to date: {issue.HtmlUrl}");
            return new IssueResult(issue.Number, issue.HtmlUrl, IssueOutcome.Unchanged);
        }

        await UpdateAsync(repository, issue.Number, new IssueUpdate { Title = request.Title, Body = request.Body }).ConfigureAwait(false);
        core.Info($"Updated re-certification issue #{issue.Number}: {issue.HtmlUrl}");
        return new IssueResult(issue.Number, issue.HtmlUrl, IssueOutcome.Updated);
    }

    private async Task UpdateAsync(RepositoryName repository, int number, IssueUpdate update)
    {
        try
        {
            await client.Issue.Update(repository.Owner, repository.Name, number, update).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, $"update re-certification issue #{number}", repository, IssuesWrite);
        }
    }

    // One notice per closed issue, refreshed by later runs rather than repeated.
    private async Task CommentOnClosedAsync(RecertificationIssueRequest request, Issue issue)
    {
        var comments = new IssueComments(client, core, options);
        try
        {
            await comments.UpsertAsync(request.Repository, issue.Number, ClosedCommentMarker, request.ClosedComment, IssuesWrite).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, $"comment on closed issue #{issue.Number}", request.Repository, IssuesWrite);
        }
    }

    // A clear 404 up front, rather than a confusing one from the first label or issue call.
    private async Task EnsureRepositoryExistsAsync(RepositoryName repository)
    {
        try
        {
            await client.Repository.Get(repository.Owner, repository.Name).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, "open the re-certification issue", repository, IssuesWrite);
        }
    }

    private async Task EnsureLabelsExistAsync(RecertificationIssueRequest request)
    {
        var repository = request.Repository;
        foreach (var label in request.Labels)
        {
            try
            {
                await client.Issue.Labels.Get(repository.Owner, repository.Name, label).ConfigureAwait(false);
                continue;
            }
            catch (NotFoundException)
            {
                // Missing: create it below. (A missing repository fails the same way and is reported by the create.)
            }
            catch (ApiException exception)
            {
                throw GitHubErrors.Explain(exception, $"read label '{label}'", repository, IssuesWrite);
            }

            try
            {
                await client.Issue.Labels.Create(repository.Owner, repository.Name,
                    new NewLabel(label, DefaultLabelColor) { Description = "Opened by certkit: this release needs vendor re-certification" }).ConfigureAwait(false);
                core.Info($"Created label '{label}' in {repository}.");
            }
            catch (ApiValidationException)
            {
                // 422 already_exists: another run created it in between.
            }
            catch (ApiException exception)
            {
                throw GitHubErrors.Explain(exception, $"create label '{label}'", repository, IssuesWrite);
            }
        }
    }

    // GitHub drops labels and assignees silently when the token has no push (triage) access to the repository.
    private void VerifyApplied(RecertificationIssueRequest request, Issue issue)
    {
        var appliedLabels = issue.Labels?.Select(label => label.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var missingLabels = request.Labels.Where(label => !appliedLabels.Contains(label)).ToList();
        if (missingLabels.Count > 0)
        {
            core.Warning($"GitHub did not apply label(s) {string.Join(", ", missingLabels.Select(l => $"'{l}'"))} to issue #{issue.Number} in {request.Repository}: the token needs push (triage) access there to label new issues. Add them by hand, or use a token with that access, or re-runs will not find the issue by label.");
        }

        var appliedAssignees = issue.Assignees?.Select(user => user.Login).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var missingAssignees = request.Assignees.Where(login => !appliedAssignees.Contains(login)).ToList();
        if (missingAssignees.Count > 0)
        {
            core.Warning($"GitHub did not assign {string.Join(", ", missingAssignees)} to issue #{issue.Number} in {request.Repository}: assignees need access to the repository, and the token push access.");
        }
    }
}
