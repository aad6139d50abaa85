using System.Globalization;
using System.Net;
using Octokit;

namespace CertKit.Action.GitHub;

/// <summary>Turns Octokit's exceptions into one-line messages that name the fix. Never includes the token.</summary>
public static class GitHubErrors
{
    /// <param name="exception">what Octokit threw.</param>
    /// <param name="operation">what we tried, e.g. "create the re-certification issue".</param>
    /// <param name="repository">the repository the call was about.</param>
    /// <param name="permission">the workflow permission the call needs, e.g. "issues: write".</param>
    public static GitHubOperationException Explain(ApiException exception, string operation, RepositoryName repository, string permission)
    {
        var message = exception switch
        {
            AuthorizationException =>
                $"could not {operation}: GitHub rejected the token (401 Bad credentials); check the github-token input (an expired PAT or a revoked app token).",
            RateLimitExceededException rateLimit =>
                $"could not {operation}: the GitHub API rate limit is exhausted until {rateLimit.Reset.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}.",
            SecondaryRateLimitExceededException or AbuseException =>
                $"could not {operation}: GitHub's secondary rate limit is still in force after retrying; re-run the job later and keep runs apart with a `concurrency:` group.",
            ForbiddenException =>
                $"could not {operation} in {repository}: the token is not allowed (403 {FirstLine(exception.Message)}); grant `permissions: {permission}` to the job, or for another repository use a PAT or GitHub App token with that access.",
            NotFoundException =>
                $"could not {operation}: repository {repository} was not found (404), or the token cannot see it; check target-repository and the token's access.",
            ApiValidationException validation =>
                $"could not {operation} in {repository}: GitHub refused it (422 Validation Failed{ValidationDetails(validation)}).",
            _ when exception.StatusCode >= HttpStatusCode.InternalServerError =>
                $"could not {operation} in {repository}: GitHub answered {(int)exception.StatusCode} {exception.StatusCode} after retrying; re-run the job.",
            _ =>
                $"could not {operation} in {repository}: GitHub answered {(int)exception.StatusCode} ({FirstLine(exception.Message)}).",
        };
        return new GitHubOperationException(message, exception);
    }

    /// <summary>True for a 403 that is about permissions, not about rate limits.</summary>
    public static bool IsPermissionDenied(ApiException exception) =>
        exception is ForbiddenException and not RateLimitExceededException and not SecondaryRateLimitExceededException and not AbuseException;

    private static string ValidationDetails(ApiValidationException exception)
    {
        var errors = exception.ApiError?.Errors;
        if (errors is null || errors.Count == 0)
        {
            return exception.ApiError?.Message is { Length: > 0 } message && message != "Validation Failed" ? ": " + FirstLine(message) : string.Empty;
        }

        return ": " + string.Join("; ", errors.Select(error =>
            !string.IsNullOrEmpty(error.Message)
                ? FirstLine(error.Message)
                : $"{error.Resource}.{error.Field} {error.Code}"));
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length == 0 ? "no message" : line;
    }
}
