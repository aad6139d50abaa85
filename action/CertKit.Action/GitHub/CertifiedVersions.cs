using System.Globalization;
using System.Text.RegularExpressions;
using CertKit.Action.Runtime;
using CertKit.Action.Versioning;
using NuGet.Versioning;
using Octokit;

namespace CertKit.Action.GitHub;

/// <summary>A version the program certified, and the re-certification issue that says so.</summary>
public sealed record CertifiedIssue(NuGetVersion Version, int Number, string Url, string How)
{
    /// <summary>"issue #12, closed 2026-05-02" (or "labelled certified").</summary>
    public string Source => $"issue #{Number}, {How}";
}

/// <summary>
/// The last certified version, read from the repository's own re-certification issues: an issue carrying CertKit's marker
/// for this program and source repository, closed as <c>completed</c> (or labelled <paramref name="certifiedLabel"/>),
/// certifies its version; the newest such version wins. Listed through <c>GET /repos/{owner}/{repo}/issues</c> (never the
/// Search API, whose index lags), at most <see cref="MaxPages"/> pages of 100, first among the issues with the
/// re-certification label, then among all; transient faults are retried by the client as for the issue lookup.
/// </summary>
public sealed partial class CertifiedVersions(IGitHubClient client, ActionsCore core)
{
    public const int MaxPages = 10;
    private const string IssuesRead = "issues: read";

    public async Task<CertifiedIssue?> FindAsync(RepositoryName repository, string program, string sourceRepository, string? label, string certifiedLabel)
    {
        var found = label is null ? [] : await ListAsync(repository, program, sourceRepository, label, certifiedLabel).ConfigureAwait(false);
        if (found.Count == 0)
        {
            found = await ListAsync(repository, program, sourceRepository, null, certifiedLabel).ConfigureAwait(false);
        }

        return found.OrderByDescending(issue => issue.Version, VersionComparer.VersionRelease).ThenByDescending(issue => issue.Number).FirstOrDefault();
    }

    private async Task<IReadOnlyList<CertifiedIssue>> ListAsync(RepositoryName repository, string program, string sourceRepository, string? label, string certifiedLabel)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All };
        if (label is not null)
        {
            request.Labels.Add(label);
        }

        IReadOnlyList<Issue> issues;
        try
        {
            issues = await client.Issue.GetAllForRepository(repository.Owner, repository.Name, request, new ApiOptions { PageSize = 100, PageCount = MaxPages, StartPage = 1 })
                .ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            throw GitHubErrors.Explain(exception, "list the re-certification issues to find the certified version", repository, IssuesRead);
        }

        if (issues.Count >= MaxPages * 100)
        {
            core.Warning($"Read the first {MaxPages * 100} issues of {repository} for the certified version; older re-certification issues were not read.");
        }

        var certified = new List<CertifiedIssue>();
        foreach (var issue in issues)
        {
            if (issue.PullRequest is not null || issue.Body is null || Marker().Match(issue.Body) is not { Success: true } marker
                || marker.Groups["program"].Value != program
                || !marker.Groups["repository"].Value.Equals(sourceRepository, StringComparison.OrdinalIgnoreCase)
                || VersionText.TryParse(marker.Groups["version"].Value) is not { } version)
            {
                continue;
            }

            var closedCompleted = issue.State.Value == ItemState.Closed && issue.StateReason?.Value == ItemStateReason.Completed;
            var labelled = issue.Labels?.Any(l => l.Name.Equals(certifiedLabel, StringComparison.OrdinalIgnoreCase)) == true;
            if (closedCompleted)
            {
                var closed = issue.ClosedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                certified.Add(new CertifiedIssue(version, issue.Number, issue.HtmlUrl, closed is null ? "closed as completed" : $"closed {closed}"));
            }
            else if (labelled)
            {
                certified.Add(new CertifiedIssue(version, issue.Number, issue.HtmlUrl, $"labelled {certifiedLabel}"));
            }
        }

        return certified;
    }

    // The marker DecisionReport.IssueMarker writes: <!-- certkit:recert program=venafi version=1.4.0 repository=acme/c -->
    [GeneratedRegex(@"<!-- certkit:recert program=(?<program>\S+) version=(?<version>\S+) repository=(?<repository>\S+) -->")]
    private static partial Regex Marker();
}
