using CertKit.Action.Runtime;
using Octokit;

namespace CertKit.Action.GitHub;

public enum CommentOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record CommentResult(long Id, string Url, CommentOutcome Outcome);

/// <summary>
/// One comment per issue or pull request, found by a hidden marker in its body and updated by later runs. A create
/// that fails transiently is followed by a fresh look, so a retry never posts a second comment.
/// </summary>
public sealed class IssueComments(IGitHubClient client, ActionsCore core, RetryOptions options)
{
    /// <exception cref="ApiException">permission errors (403) are left to the caller, which may fall back.</exception>
    public async Task<CommentResult> UpsertAsync(RepositoryName repository, int number, string marker, string body, string permission)
    {
        var existing = await FindAsync(repository, number, marker).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.Body == body)
            {
                return new CommentResult(existing.Id, existing.HtmlUrl, CommentOutcome.Unchanged);
            }

            var updated = await client.Issue.Comment.Update(repository.Owner, repository.Name, existing.Id, body).ConfigureAwait(false);
            return new CommentResult(updated.Id, updated.HtmlUrl, CommentOutcome.Updated);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await client.Issue.Comment.Create(repository.Owner, repository.Name, number, body).ConfigureAwait(false);
                return new CommentResult(created.Id, created.HtmlUrl, CommentOutcome.Created);
            }
            catch (Exception exception) when (TransientFailure.Is(exception))
            {
                core.Warning($"Commenting on #{number} in {repository} failed ({TransientFailure.Describe(exception)}); checking whether the comment was posted anyway before retrying.");
                var recovered = await FindAsync(repository, number, marker).ConfigureAwait(false);
                if (recovered is not null)
                {
                    return new CommentResult(recovered.Id, recovered.HtmlUrl, CommentOutcome.Created);
                }

                if (attempt >= options.MaxCreateAttempts)
                {
                    throw exception is ApiException api
                        ? GitHubErrors.Explain(api, $"comment on #{number}", repository, permission)
                        : new GitHubOperationException($"could not comment on #{number} in {repository}: {TransientFailure.Describe(exception)} on each of {attempt} attempts; re-run the job.", exception);
                }

                await Task.Delay(options.BaseDelay * Math.Pow(2, attempt - 1)).ConfigureAwait(false);
            }
        }
    }

    private async Task<IssueComment?> FindAsync(RepositoryName repository, int number, string marker)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        return comments.Where(comment => comment.Body?.Contains(marker, StringComparison.Ordinal) == true).OrderBy(comment => comment.Id).FirstOrDefault();
    }
}
