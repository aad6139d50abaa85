using CertKit.Action.GitHub;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.GitHub;

public sealed class RecertificationIssuesTests : IAsyncLifetime
{
    private const string Marker = "<!-- certkit:recert program=venafi version=2.0.0 repository=acme/venafi-connector -->";
    private GitHubTestServer _server = null!;
    private FakeRepository _repository = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = GitHubHarness.Token;
        _repository = _server.AddRepository("acme/certifications");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static RecertificationIssueRequest Request(string body = "body v1", ClosedIssuePolicy onClosed = ClosedIssuePolicy.Comment, params string[] labels) => new(
        new RepositoryName("acme", "certifications"),
        Marker,
        "Re-certification required: acme/venafi-connector 2.0.0 (venafi)",
        $"{Marker}\n{body}",
        labels.Length == 0 ? ["recertification"] : labels,
        ["release-manager"],
        onClosed,
        $"{RecertificationIssues.ClosedCommentMarker}\nleft closed");

    private List<FakeIssue> MarkedIssues() => _repository.Issues.Where(i => i.Body?.Contains(Marker) == true && !i.IsPullRequest).ToList();

    private int Count(string method, string pathEnd) => _server.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    [Fact]
    public async Task Three_runs_file_one_issue_with_label_and_assignee_then_leave_it_unchanged()
    {
        var harness = new GitHubHarness(_server);

        var first = await harness.Issues.FileAsync(Request());
        var second = await harness.Issues.FileAsync(Request());
        var third = await harness.Issues.FileAsync(Request());

        var issue = Assert.Single(MarkedIssues());
        Assert.Equal((issue.Number, IssueOutcome.Created), (first.Number, first.Outcome));
        Assert.Equal(IssueOutcome.Unchanged, second.Outcome);
        Assert.Equal(IssueOutcome.Unchanged, third.Outcome);
        Assert.Equal($"{GitHubTestServer.HtmlHost}/acme/certifications/issues/{issue.Number}", first.Url);
        Assert.Equal(["recertification"], issue.Labels);
        Assert.Equal(["release-manager"], issue.Assignees);
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/labels"));
        Assert.Contains(_server.Requests, r => r.Path == "/repos/acme/certifications/issues" && r.Query.Contains("state=all") && r.Query.Contains("labels=recertification"));
        Assert.All(_server.Requests, r => Assert.EndsWith($" {GitHubHarness.Token}", r.Authorization));
        Assert.DoesNotContain("::warning", harness.Stdout.ToString());
    }

    [Fact]
    public async Task A_rerun_with_new_content_updates_the_open_issue()
    {
        var harness = new GitHubHarness(_server);

        await harness.Issues.FileAsync(Request("body v1"));
        var rerun = await harness.Issues.FileAsync(Request("body v2"));

        var issue = Assert.Single(MarkedIssues());
        Assert.Equal(IssueOutcome.Updated, rerun.Outcome);
        Assert.Equal($"{Marker}\nbody v2", issue.Body);
        Assert.Equal("open", issue.State);
        Assert.Equal(1, Count("PATCH", $"/issues/{issue.Number}"));
    }

    [Fact]
    public async Task Finds_the_issue_on_a_later_page_and_skips_pull_requests_that_carry_the_marker()
    {
        var marked = _server.AddIssue(_repository, Request().Title, $"{Marker}\nfiled earlier", ["recertification"]);
        for (var i = 0; i < 150; i++)
        {
            _server.AddIssue(_repository, $"Re-certification required: other {i}", "<!-- certkit:recert program=venafi version=1.0.0 -->", ["recertification"]);
        }

        _server.AddIssue(_repository, "PR quoting the marker", $"{Marker}\nin a PR", ["recertification"], pullRequest: true);
        _repository.Labels.Add(new FakeLabel(1, "recertification", "d93f0b", null));
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request($"filed earlier"));

        Assert.Equal(marked.Number, result.Number);
        Assert.Equal(IssueOutcome.Unchanged, result.Outcome);
        Assert.Equal(0, Count("POST", "/issues"));
        Assert.Contains(_server.Requests, r => r.Path.EndsWith("/issues") && r.Query.Contains("page=2"));
    }

    [Fact]
    public async Task A_closed_issue_is_left_closed_with_one_comment_across_reruns()
    {
        var closed = _server.AddIssue(_repository, "Re-certification required", $"{Marker}\nold", ["recertification"], state: "closed");
        var harness = new GitHubHarness(_server);

        var first = await harness.Issues.FileAsync(Request());
        var second = await harness.Issues.FileAsync(Request());

        Assert.Equal((closed.Number, IssueOutcome.LeftClosed), (first.Number, first.Outcome));
        Assert.Equal(IssueOutcome.LeftClosed, second.Outcome);
        Assert.Equal("closed", closed.State);
        var comment = Assert.Single(closed.Comments);
        Assert.StartsWith(RecertificationIssues.ClosedCommentMarker, comment.Body);
        Assert.Single(MarkedIssues());
        Assert.Contains($"::notice::The re-certification issue #{closed.Number} for this version is closed; left closed with a comment.", harness.Stdout.ToString());
    }

    [Fact]
    public async Task A_closed_issue_is_reopened_when_configured()
    {
        var closed = _server.AddIssue(_repository, "Re-certification required", $"{Marker}\nold", ["recertification"], state: "closed");
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request(onClosed: ClosedIssuePolicy.Reopen));

        Assert.Equal(IssueOutcome.Reopened, result.Outcome);
        Assert.Equal("open", closed.State);
        Assert.Empty(closed.Comments);
    }

    [Fact]
    public async Task Dropped_labels_are_warned_about_and_a_rerun_still_finds_the_issue()
    {
        _repository.TokenCanPush = false;
        var harness = new GitHubHarness(_server);

        var first = await harness.Issues.FileAsync(Request());
        var second = await harness.Issues.FileAsync(Request());

        var issue = Assert.Single(MarkedIssues());
        Assert.Empty(issue.Labels);
        Assert.Equal(first.Number, second.Number);
        var log = harness.Stdout.ToString();
        Assert.Contains($"::warning::GitHub did not apply label(s) 'recertification' to issue #{issue.Number} in acme/certifications: the token needs push (triage) access", log);
        Assert.Contains($"::warning::GitHub did not assign release-manager to issue #{issue.Number}", log);
    }

    /// <summary>Another run's issue for this release appears when this run's create arrives: it listed, then lost the race.</summary>
    private Func<FakeIssue?> ConcurrentRunCreatesFirst(string body = "body v1")
    {
        FakeIssue? concurrent = null;
        _server.BeforeRequest = (method, path) =>
        {
            if (concurrent is null && method == "POST" && path == "/repos/acme/certifications/issues")
            {
                concurrent = _server.AddIssue(_repository, Request().Title, $"{Marker}\n{body}", ["recertification"]);
            }

            return Task.CompletedTask;
        };
        return () => concurrent;
    }

    private static void AssertClosedAsDuplicateOf(FakeIssue duplicate, FakeIssue kept)
    {
        Assert.Equal(("closed", "not_planned"), (duplicate.State, duplicate.StateReason));
        Assert.Equal($"Duplicate of #{kept.Number}: opened by a concurrent certkit run for the same release; the request is tracked in #{kept.Number}.", duplicate.Body);
        Assert.DoesNotContain(Marker, duplicate.Body);
    }

    [Fact]
    public async Task A_concurrent_run_that_created_first_keeps_its_issue_and_ours_is_closed_as_a_duplicate()
    {
        var concurrentIssue = ConcurrentRunCreatesFirst();
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        var kept = concurrentIssue()!;
        var ours = Assert.Single(_repository.Issues, i => i != kept);
        Assert.True(kept.Number < ours.Number);
        Assert.Equal((kept.Number, $"{GitHubTestServer.HtmlHost}/acme/certifications/issues/{kept.Number}", IssueOutcome.Unchanged), (result.Number, result.Url, result.Outcome));
        Assert.Same(kept, Assert.Single(MarkedIssues()));
        Assert.Equal("open", kept.State);
        AssertClosedAsDuplicateOf(ours, kept);
        var close = Assert.Single(_server.Requests, r => r.Method == "PATCH");
        Assert.Equal($"/repos/acme/certifications/issues/{ours.Number}", close.Path);
        Assert.Contains("\"state_reason\":\"not_planned\"", close.Body);
        Assert.Contains("\"state\":\"closed\"", close.Body);
        Assert.Contains($"::notice::A concurrent certkit run for the same release opened re-certification issue #{kept.Number} first: closed #{ours.Number} as a duplicate (not planned); the request is tracked in #{kept.Number}.\n", harness.Stdout.ToString());

        _server.BeforeRequest = null;
        var rerun = await harness.Issues.FileAsync(Request());

        Assert.Equal((kept.Number, IssueOutcome.Unchanged), (rerun.Number, rerun.Outcome));
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Single(_server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task The_older_issue_of_a_concurrent_run_is_brought_up_to_date_as_when_found_up_front()
    {
        var concurrentIssue = ConcurrentRunCreatesFirst(body: "body v0");
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request("body v1"));

        var kept = concurrentIssue()!;
        Assert.Equal((kept.Number, IssueOutcome.Updated), (result.Number, result.Outcome));
        Assert.Equal($"{Marker}\nbody v1", kept.Body);
        AssertClosedAsDuplicateOf(Assert.Single(_repository.Issues, i => i != kept), kept);
    }

    [Fact]
    public async Task Our_issue_is_kept_when_the_concurrent_runs_issue_is_newer()
    {
        FakeIssue? newer = null;
        _server.BeforeRequest = (method, path) =>
        {
            // The other run creates right after ours, before our second look: it is the one to give way.
            if (newer is null && method == "GET" && path == "/repos/acme/certifications/issues" && _repository.Issues.Count == 1)
            {
                newer = _server.AddIssue(_repository, Request().Title, $"{Marker}\nbody v1", ["recertification"]);
            }

            return Task.CompletedTask;
        };
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        Assert.NotNull(newer);
        var ours = Assert.Single(_repository.Issues, i => i != newer);
        Assert.Equal((ours.Number, IssueOutcome.Created), (result.Number, result.Outcome));
        Assert.True(ours.Number < newer.Number);
        Assert.Equal("open", ours.State);
        Assert.Equal("open", newer.State); // its own run closes it
        Assert.DoesNotContain(_server.Requests, r => r.Method == "PATCH");
        Assert.DoesNotContain("::notice::", harness.Stdout.ToString());
    }

    [Fact]
    public async Task A_create_lost_behind_a_502_during_a_race_keeps_the_oldest_and_closes_the_newer()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SucceedThenBadGateway));
        var concurrentIssue = ConcurrentRunCreatesFirst();
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        var kept = concurrentIssue()!;
        Assert.Equal((kept.Number, IssueOutcome.Unchanged), (result.Number, result.Outcome));
        Assert.Same(kept, Assert.Single(MarkedIssues()));
        AssertClosedAsDuplicateOf(Assert.Single(_repository.Issues, i => i != kept), kept);
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Contains("::warning::Creating the re-certification issue in acme/certifications failed (502 BadGateway)", harness.Stdout.ToString());
    }

    [Fact]
    public async Task A_duplicate_that_cannot_be_closed_is_a_warning_and_the_older_issue_is_still_the_result()
    {
        _server.Inject(new Fault("PATCH", "/issues/[0-9]+$", FaultKind.Forbidden));
        var concurrentIssue = ConcurrentRunCreatesFirst();
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        var kept = concurrentIssue()!;
        var ours = Assert.Single(_repository.Issues, i => i != kept);
        Assert.Equal(kept.Number, result.Number);
        Assert.Equal("open", ours.State);
        Assert.Contains($"::warning::Re-certification issue #{ours.Number} duplicates #{kept.Number} (opened by a concurrent certkit run for the same release) and is still open, could not close duplicate issue #{ours.Number} in acme/certifications: the token is not allowed (403 Resource not accessible by integration);", harness.Stdout.ToString());
    }

    [Fact]
    public async Task A_failed_second_look_after_creating_is_a_warning_and_the_created_issue_is_the_result()
    {
        _server.BeforeRequest = (method, path) =>
        {
            if (method == "POST" && path == "/repos/acme/certifications/issues")
            {
                _server.Inject(new Fault("GET", "/issues$", FaultKind.Forbidden));
            }

            return Task.CompletedTask;
        };
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        var issue = Assert.Single(MarkedIssues());
        Assert.Equal((issue.Number, IssueOutcome.Created), (result.Number, result.Outcome));
        Assert.Contains($"::warning::Opened #{issue.Number}, but could not check for a duplicate opened by a concurrent run: could not list the re-certification issues in acme/certifications: the token is not allowed (403 Resource not accessible by integration);", harness.Stdout.ToString());
    }

    [Fact]
    public async Task Create_that_succeeded_behind_a_502_is_found_again_and_not_repeated()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SucceedThenBadGateway));
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        var issue = Assert.Single(MarkedIssues());
        Assert.Equal((issue.Number, IssueOutcome.Created), (result.Number, result.Outcome));
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Contains("::warning::Creating the re-certification issue in acme/certifications failed (502 BadGateway); checking whether it was created anyway before retrying.", harness.Stdout.ToString());
    }

    [Fact]
    public async Task Create_that_failed_with_a_502_or_500_is_retried_after_looking()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.BadGateway));
        _server.Inject(new Fault("POST", "/issues$", FaultKind.InternalServerError));
        var harness = new GitHubHarness(_server);

        var result = await harness.Issues.FileAsync(Request());

        Assert.Single(MarkedIssues());
        Assert.Equal(IssueOutcome.Created, result.Outcome);
        Assert.Equal(3, Count("POST", "/repos/acme/certifications/issues"));
    }

    [Fact]
    public async Task Create_that_keeps_failing_gives_a_one_line_error_and_no_issue()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.BadGateway, times: 10));
        var harness = new GitHubHarness(_server);

        var error = await Assert.ThrowsAsync<GitHubOperationException>(() => harness.Issues.FileAsync(Request()));

        Assert.Equal("could not create the re-certification issue in acme/certifications: GitHub answered 502 BadGateway after retrying; re-run the job.", error.Message);
        Assert.Empty(MarkedIssues());
        Assert.Equal(harness.Options.MaxCreateAttempts, Count("POST", "/repos/acme/certifications/issues"));
    }

    [Fact]
    public async Task Slow_create_that_times_out_is_found_again_and_not_repeated()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.Slow) { Delay = TimeSpan.FromSeconds(5) });
        var harness = new GitHubHarness(_server, GitHubHarness.FastRetries with { AttemptTimeout = TimeSpan.FromMilliseconds(500) });

        var result = await harness.Issues.FileAsync(Request());

        Assert.Single(MarkedIssues());
        Assert.Equal(IssueOutcome.Created, result.Outcome);
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Contains("timed out after 0.5 s", harness.Stdout.ToString());
    }

    [Fact]
    public async Task Server_errors_and_secondary_rate_limits_on_reads_and_writes_are_retried()
    {
        _server.Inject(new Fault("GET", "/issues$", FaultKind.InternalServerError, times: 2));
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SecondaryRateLimit) { RetryAfterSeconds = 0 });
        _server.Inject(new Fault("GET", "/labels/", FaultKind.BadGateway));
        var harness = new GitHubHarness(_server);

        await harness.Issues.FileAsync(Request());

        Assert.Single(MarkedIssues());
        Assert.Equal(2, Count("POST", "/repos/acme/certifications/issues"));
        var log = harness.Stdout.ToString();
        Assert.Contains("GitHub API: 500 Internal Server Error on GET /repos/acme/certifications/issues; retrying in 0.01 s (attempt 2 of 4).", log);
        Assert.Contains("GitHub API: 500 Internal Server Error on GET /repos/acme/certifications/issues; retrying in 0.02 s (attempt 3 of 4).", log);
        Assert.Contains("GitHub API: rate limited (403) on POST /repos/acme/certifications/issues; retrying in 0 s (attempt 2 of 4).", log);
        Assert.Contains("GitHub API: 502 Bad Gateway on GET /repos/acme/certifications/labels/recertification", log);
    }

    [Fact]
    public async Task A_rate_limit_that_resets_beyond_the_wait_budget_is_a_one_line_error()
    {
        _server.Inject(new Fault("GET", "/labels/", FaultKind.PrimaryRateLimit) { RetryAfterSeconds = 3600 });
        var harness = new GitHubHarness(_server);

        var error = await Assert.ThrowsAsync<GitHubOperationException>(() => harness.Issues.FileAsync(Request()));

        Assert.StartsWith("could not read label 'recertification': the GitHub API rate limit is exhausted until ", error.Message);
        Assert.Equal(1, Count("GET", "/labels/recertification"));
    }

    [Fact]
    public async Task A_secondary_rate_limit_longer_than_the_wait_budget_is_a_one_line_error_and_no_issue()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SecondaryRateLimit) { RetryAfterSeconds = 60 });
        var harness = new GitHubHarness(_server);

        var error = await Assert.ThrowsAsync<GitHubOperationException>(() => harness.Issues.FileAsync(Request()));

        Assert.Equal("could not create the re-certification issue: GitHub's secondary rate limit is still in force after retrying; re-run the job later and keep runs apart with a `concurrency:` group.", error.Message);
        Assert.Equal(1, Count("POST", "/repos/acme/certifications/issues"));
        Assert.Empty(MarkedIssues());
    }

    [Theory]
    [InlineData(FaultKind.Forbidden, "could not create the re-certification issue in acme/certifications: the token is not allowed (403 Resource not accessible by integration); grant `permissions: issues: write` to the job, or for another repository use a PAT or GitHub App token with that access.")]
    [InlineData(FaultKind.Unauthorized, "could not create the re-certification issue: GitHub rejected the token (401 Bad credentials); check the github-token input (an expired PAT or a revoked app token).")]
    [InlineData(FaultKind.Validation, "could not create the re-certification issue in acme/certifications: GitHub refused it (422 Validation Failed: Issue.assignees invalid).")]
    public async Task Client_errors_on_create_are_one_line_and_name_the_fix(FaultKind kind, string expected)
    {
        _server.Inject(new Fault("POST", "/issues$", kind));
        var harness = new GitHubHarness(_server);

        var error = await Assert.ThrowsAsync<GitHubOperationException>(() => harness.Issues.FileAsync(Request()));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain(GitHubHarness.Token, error.Message);
        Assert.Empty(MarkedIssues());
    }

    [Fact]
    public async Task A_missing_target_repository_is_a_one_line_404_error()
    {
        var harness = new GitHubHarness(_server);
        var request = Request() with { Repository = new RepositoryName("acme", "no-such-repo") };

        var error = await Assert.ThrowsAsync<GitHubOperationException>(() => harness.Issues.FileAsync(request));

        Assert.Equal("could not open the re-certification issue: repository acme/no-such-repo was not found (404), or the token cannot see it; check target-repository and the token's access.", error.Message);
    }
}
