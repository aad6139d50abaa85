using System.Net;
using CertKit.Action.Cli;
using CertKit.Action.Decision;
using CertKit.Action.Programs;
using CertKit.Action.Versioning;
using CertKit.Action.Reporting;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// The published app (what the Docker image runs: <c>dotnet certkit.dll action</c>) with the runner's environment,
/// against the GitHub-compatible test server, on real git repositories.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/venafi-connector";
    private const string Token = "ghs_e2eFakeToken0000000000000000000000";
    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _v142 = null!;
    private string _v150 = null!;
    private string _v200 = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);

        // A Venafi connector: 1.4.2 released, then a feature branch at 1.5.0, then 2.0.0 released on main.
        _git = TestRepository.Create();
        _git.Csproj("src/VenafiConnector/VenafiConnector.csproj", "1.4.2").Write("src/VenafiConnector/Client.cs", "// api.venafi.cloud client\n");
        _v142 = _git.Commit("Venafi connector 1.4.2");
        _git.Tag("v1.4.2");
        _git.Branch("feature/issuing-templates").Csproj("src/VenafiConnector/VenafiConnector.csproj", "1.5.0");
        _v150 = _git.Commit("Add issuing templates ::warning::injected");
        _git.Checkout("main").Csproj("src/VenafiConnector/VenafiConnector.csproj", "2.0.0");
        _v200 = _git.Commit("Venafi connector 2.0.0: new certificate request API");
        _git.Tag("v2.0.0");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    private RunnerEnvironment Runner(string? apiUrl = null)
    {
        var runner = new RunnerEnvironment(apiUrl ?? _server.ApiUrl, _git.Path, Repository)
            .Input("program", "venafi")
            .Input("github-token", Token)
            .Input("target-repository", "")
            .Input("labels", "recertification")
            .Input("assignees", "")
            .Input("version", "")
            .Input("previous-version", "")
            .Input("tag-pattern", "")
            .Input("fail-on", "never")
            .Input("comment-on-pr", "true")
            .Input("closed-issue", "comment")
            .Input("policy-file", "");
        return runner;
    }

    private RunnerEnvironment ReleaseRunner(string action = "published", string tag = "v2.0.0") =>
        Runner().Event("release", $$"""
            {
              "action": "{{action}}",
              "release": { "id": 1, "tag_name": "{{tag}}", "name": "{{tag}}", "draft": false, "prerelease": false,
                           "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/{{tag}}" },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, _v200, $"refs/tags/{tag}");

    private RunnerEnvironment PullRequestRunner(string headSha, string headRepository = Repository) =>
        Runner().Event("pull_request", $$"""
            {
              "action": "synchronize",
              "number": 12,
              "pull_request": {
                "number": 12,
                "title": "Issuing templates ::error::not a command",
                "head": { "sha": "{{headSha}}", "ref": "feature/issuing-templates", "repo": { "full_name": "{{headRepository}}", "fork": {{(headRepository == Repository ? "false" : "true")}} } },
                "base": { "sha": "{{_v142}}", "ref": "main", "repo": { "full_name": "{{Repository}}", "fork": false } }
              },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, headSha, "refs/pull/12/merge");

    private RecertificationDecision Expected(string? baseRef, string head) =>
        DecisionEngine.DecideRelease(new DecisionRequest { Policy = ProgramRegistry.ResolvePolicy("venafi", null, _git.Path), RepositoryPath = _git.Path, BaseRef = baseRef, HeadRef = head });

    private FakeIssue AddPullRequest12()
    {
        _server.Repositories[Repository].NextNumber = 12;
        return _server.AddIssue(_server.Repositories[Repository], "Issuing templates", "", pullRequest: true);
    }

    private List<FakeIssue> Issues() => _server.Repositories[Repository].Issues.Where(i => !i.IsPullRequest).ToList();

    private static void AssertMaskedFirstAndNeverPrinted(ActionRun run)
    {
        Assert.StartsWith($"::add-mask::{Token}\n", run.Stdout);
        Assert.Equal(1, CountOf(run.Stdout, Token));
        Assert.DoesNotContain(Token, run.Stderr);
        Assert.DoesNotContain(Token, run.Summary);
        Assert.DoesNotContain(Token, run.OutputFile);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    [Fact]
    public void Release_three_runs_open_one_issue_with_exact_outputs_and_summary()
    {
        using var runner = ReleaseRunner();
        var decision = Expected(null, _v200);

        var runs = new[] { runner.Run(app), runner.Run(app), runner.Run(app) };

        var issue = Assert.Single(Issues());
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.All(runs, AssertMaskedFirstAndNeverPrinted);
        Assert.Equal("Re-certification required: acme/venafi-connector 2.0.0 (venafi)", issue.Title);
        Assert.StartsWith("<!-- certkit:recert program=venafi version=2.0.0 repository=acme/venafi-connector -->\n", issue.Body);
        Assert.Contains("[Compare 1.4.2...2.0.0](https://github.com/acme/venafi-connector/compare/v1.4.2...v2.0.0)", issue.Body);
        Assert.Contains("- [ ] Submit a new Certification Request: https://venafi-service-certification-request.paperform.co", issue.Body);
        Assert.Equal(["recertification"], issue.Labels);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path == "/repos/acme/venafi-connector/issues");

        Assert.Equal(("1.4.2", "2.0.0", "major", true), (DecisionReport.Shown(decision.PreviousVersion), DecisionReport.Shown(decision.Version), decision.Bump.ToName(), decision.RecertificationRequired));
        var expectedOutputs =
            "previous-version<<ghadelimiter_<uuid>\n1.4.2\nghadelimiter_<uuid>\n" +
            "version<<ghadelimiter_<uuid>\n2.0.0\nghadelimiter_<uuid>\n" +
            "bump<<ghadelimiter_<uuid>\nmajor\nghadelimiter_<uuid>\n" +
            "recertification-required<<ghadelimiter_<uuid>\ntrue\nghadelimiter_<uuid>\n" +
            $"reasons<<ghadelimiter_<uuid>\n{string.Join("\n", decision.Reasons)}\nghadelimiter_<uuid>\n" +
            $"issue-number<<ghadelimiter_<uuid>\n{issue.Number}\nghadelimiter_<uuid>\n" +
            $"issue-url<<ghadelimiter_<uuid>\nhttps://github.test/acme/venafi-connector/issues/{issue.Number}\nghadelimiter_<uuid>\n";
        Assert.All(runs, run => Assert.Equal(expectedOutputs, run.NormalisedOutputFile));

        string Summary(string outcome) =>
            $"<h2>CertKit: {WebUtility.HtmlEncode(decision.ProgramName)}</h2>\n" +
            "<table><tr><th>Repository</th><th>Trigger</th><th>Previous version</th><th>Version</th><th>Bump</th><th>Re-certification</th></tr>" +
            "<tr><td>acme/venafi-connector</td><td>release v2.0.0</td><td>1.4.2</td><td>2.0.0</td><td>major</td><td><strong>required</strong></td></tr></table>\n" +
            "<h3>Why</h3>\n" +
            $"<ul>{string.Concat(decision.Reasons.Select(r => $"<li>{WebUtility.HtmlEncode(r)}</li>"))}</ul>\n" +
            "<a href=\"https://github.com/acme/venafi-connector/compare/v1.4.2...v2.0.0\">Compare the versions</a>\n" +
            $"<ul><li>Re-certification request: #{issue.Number} in acme/venafi-connector ({outcome}) https://github.test/acme/venafi-connector/issues/{issue.Number}</li></ul>\n";
        Assert.Equal(Summary("opened"), runs[0].Summary);
        Assert.Equal(Summary("already up to date"), runs[1].Summary);
        Assert.Equal(Summary("already up to date"), runs[2].Summary);
    }

    [Fact]
    public async Task Two_runs_for_one_release_at_once_converge_on_one_open_issue()
    {
        // Each run lists the issues twice (labelled, then all) before it creates one. The first create is held until
        // both runs have listed, so each sees no issue yet and creates one, as two workflows on one
        // `release: published` without a concurrency group can. The hold is bounded: without a race the test fails below.
        var lists = 0;
        var bothListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.BeforeRequest = async (method, path) =>
        {
            if (method == "GET" && path.EndsWith("/issues", StringComparison.Ordinal) && Interlocked.Increment(ref lists) >= 4)
            {
                bothListed.TrySetResult();
            }
            else if (method == "POST" && path.EndsWith("/issues", StringComparison.Ordinal))
            {
                await Task.WhenAny(bothListed.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            }
        };
        using var firstRunner = ReleaseRunner();
        using var secondRunner = ReleaseRunner();

        var runs = await Task.WhenAll(Task.Run(() => firstRunner.Run(app)), Task.Run(() => secondRunner.Run(app)));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.True(2 == _server.Requests.Count(r => r.Method == "POST" && r.Path == "/repos/acme/venafi-connector/issues"),
            "the runs did not race (one listed after the other had created): " + string.Join("\n", _server.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}")));
        const string marker = "<!-- certkit:recert program=venafi version=2.0.0 repository=acme/venafi-connector -->";
        var kept = Assert.Single(Issues(), i => i.State == "open");
        Assert.StartsWith(marker, kept.Body);
        var duplicate = Assert.Single(Issues(), i => i.State == "closed");
        Assert.True(duplicate.Number > kept.Number);
        Assert.Equal("not_planned", duplicate.StateReason);
        Assert.DoesNotContain(marker, duplicate.Body);
        Assert.Equal($"Duplicate of #{kept.Number}: opened by a concurrent certkit run for the same release; the request is tracked in #{kept.Number}.", duplicate.Body);
        var number = kept.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(runs, run => Assert.Equal((number, $"https://github.test/acme/venafi-connector/issues/{number}"), (run.Output("issue-number"), run.Output("issue-url"))));
        Assert.All(runs, run => Assert.Contains($"<li>Re-certification request: #{number} in acme/venafi-connector (", run.Summary));
        Assert.Single(runs, run => run.Summary.Contains($"#{number} in acme/venafi-connector (opened)", StringComparison.Ordinal));
        Assert.Single(runs, run => run.Summary.Contains($"#{number} in acme/venafi-connector (already up to date)", StringComparison.Ordinal)
            && run.Stdout.Contains($"::notice::A concurrent certkit run for the same release opened re-certification issue #{number} first: closed #{duplicate.Number} as a duplicate (not planned); the request is tracked in #{number}.\n", StringComparison.Ordinal));

        using var rerunRunner = ReleaseRunner();
        var rerun = rerunRunner.Run(app);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(number, rerun.Output("issue-number"));
        Assert.Contains($"#{number} in acme/venafi-connector (already up to date)", rerun.Summary);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "POST" && r.Path == "/repos/acme/venafi-connector/issues"));
        Assert.Equal(2, Issues().Count);
    }

    [Theory]
    [InlineData("released")]
    [InlineData("prereleased")]
    [InlineData("created")]
    public void The_other_events_of_one_release_end_with_a_notice_and_touch_nothing(string action)
    {
        using var runner = ReleaseRunner(action);

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"::add-mask::{Token}\n::notice::certkit: release 'v2.0.0' event '{action}' is ignored: certkit acts once per release, on 'published' (subscribe with `types: [published]`).\n", run.Stdout);
        Assert.Empty(_server.Requests);
        Assert.Equal("", run.OutputFile);
    }

    [Fact]
    public void A_create_whose_answer_was_lost_behind_a_502_still_gives_one_issue()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SucceedThenBadGateway));
        _server.Inject(new Fault("GET", "/issues$", FaultKind.InternalServerError));
        using var runner = ReleaseRunner();

        var first = runner.Run(app);
        var second = runner.Run(app);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var issue = Assert.Single(Issues());
        Assert.Equal(issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Output("issue-number"));
        Assert.Equal(first.Output("issue-number"), second.Output("issue-number"));
        Assert.Contains("::warning::Creating the re-certification issue in acme/venafi-connector failed (502 BadGateway); checking whether it was created anyway before retrying.", first.Stdout);
        Assert.Contains("GitHub API: 500 Internal Server Error on GET /repos/acme/venafi-connector/issues; retrying", first.Stdout);
    }

    [Fact]
    public void A_secondary_rate_limit_and_slow_answers_are_retried()
    {
        _server.Inject(new Fault("POST", "/issues$", FaultKind.SecondaryRateLimit) { RetryAfterSeconds = 1 });
        _server.Inject(new Fault("GET", "/labels/", FaultKind.Slow) { Delay = TimeSpan.FromSeconds(6) });
        using var runner = ReleaseRunner();
        runner["CERTKIT_HTTP_TIMEOUT_SECONDS"] = "2";

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(Issues());
        Assert.Contains("GitHub API: rate limited (403) on POST /repos/acme/venafi-connector/issues; retrying in 1 s (attempt 2 of 4).", run.Stdout);
        Assert.Contains("GitHub API: GET /repos/acme/venafi-connector/labels/recertification timed out after 2 s; retrying", run.Stdout);
    }

    [Theory]
    [InlineData(FaultKind.BadGateway, 10, "::error::could not create the re-certification issue in acme/venafi-connector: GitHub answered 502 BadGateway after retrying; re-run the job.")]
    [InlineData(FaultKind.Forbidden, 1, "::error::could not create the re-certification issue in acme/venafi-connector: the token is not allowed (403 Resource not accessible by integration); grant `permissions: issues: write` to the job, or for another repository use a PAT or GitHub App token with that access.")]
    [InlineData(FaultKind.Unauthorized, 1, "::error::could not create the re-certification issue: GitHub rejected the token (401 Bad credentials); check the github-token input (an expired PAT or a revoked app token).")]
    [InlineData(FaultKind.Validation, 1, "::error::could not create the re-certification issue in acme/venafi-connector: GitHub refused it (422 Validation Failed: Issue.assignees invalid).")]
    public void GitHub_failures_are_one_error_line_exit_1_and_no_issue_but_the_decision_is_reported(FaultKind kind, int times, string expected)
    {
        _server.Inject(new Fault("POST", "/issues$", kind, times));
        using var runner = ReleaseRunner();

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([expected], run.Stdout.Split('\n').Where(line => line.StartsWith("::error", StringComparison.Ordinal)));
        Assert.Empty(Issues());
        Assert.Equal("true", run.Output("recertification-required"));
        Assert.Contains("<h2>CertKit:", run.Summary);
        AssertMaskedFirstAndNeverPrinted(run);
    }

    [Fact]
    public void An_unreachable_api_is_a_one_line_error_after_bounded_retries()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var runner = ReleaseRunner();
        runner["GITHUB_API_URL"] = $"http://127.0.0.1:{closedPort}";

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Stdout.Split('\n'), line => line.StartsWith("::error::", StringComparison.Ordinal));
        Assert.StartsWith($"::error::could not reach the GitHub API at http://127.0.0.1:{closedPort}/: ", error);
        Assert.EndsWith("; re-run the job.", error);
        Assert.Equal(3, run.Stdout.Split('\n').Count(line => line.StartsWith("GitHub API: GET ", StringComparison.Ordinal) && line.Contains("retrying")));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void A_missing_target_repository_is_a_one_line_404_error()
    {
        using var runner = ReleaseRunner();
        runner.Input("target-repository", "acme/certifications");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error::could not open the re-certification issue: repository acme/certifications was not found (404), or the token cannot see it; check target-repository and the token's access.\n", run.Stdout);
    }

    [Fact]
    public async Task Files_in_another_repository_through_an_enterprise_api_path()
    {
        await using var enterprise = await GitHubTestServer.StartAsync("/api/v3");
        var tracker = enterprise.AddRepository("acme/certifications");
        using var runner = ReleaseRunner();
        runner["GITHUB_API_URL"] = enterprise.ApiUrl;
        runner.Input("target-repository", "acme/certifications").Input("labels", "recertification, venafi").Input("assignees", "release-manager");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        var issue = Assert.Single(tracker.Issues);
        Assert.Equal(["recertification", "venafi"], issue.Labels);
        Assert.Equal(["release-manager"], issue.Assignees);
        Assert.All(enterprise.Requests, r => Assert.StartsWith("/api/v3/repos/acme/certifications", r.Path));
        Assert.Equal($"https://github.test/acme/certifications/issues/{issue.Number}", run.Output("issue-url"));
    }

    [Fact]
    public void Pull_request_run_twice_posts_one_comment_and_updates_it()
    {
        var pullRequest = AddPullRequest12();
        using var first = PullRequestRunner(_v150);
        using var second = PullRequestRunner(_v200);

        var minor = first.Run(app);
        var major = second.Run(app);

        Assert.True(minor.ExitCode == 0, minor.ToString());
        Assert.True(major.ExitCode == 0, major.ToString());
        var comment = Assert.Single(pullRequest.Comments);
        Assert.Equal(DecisionReport.PullRequestComment(Expected(_v142, _v200), new ReportContext(Repository, "pull request #12",
            $"https://github.com/acme/venafi-connector/compare/{_v142}...{_v200}")), comment.Body);
        Assert.Single(_server.Requests, r => r.Method == "POST");
        Assert.Single(_server.Requests, r => r.Method == "PATCH" && r.Path == $"/repos/acme/venafi-connector/issues/comments/{comment.Id}");
        Assert.Empty(Issues());
        Assert.Equal("", major.Output("issue-number"));
        // The PR title is untrusted: printed between stop-commands and its resume token.
        var titleLine = major.Stdout.Split('\n').Single(line => line.Contains("Issuing templates ::error::not a command"));
        var lines = major.Stdout.Split('\n').ToList();
        var at = lines.IndexOf(titleLine);
        Assert.StartsWith("::stop-commands::", lines[at - 1]);
        Assert.Equal($"::{lines[at - 1]["::stop-commands::".Length..]}::", lines[at + 1]);
    }

    [Fact]
    public void Fork_pull_request_reports_in_the_summary_with_a_notice_and_calls_no_api()
    {
        using var runner = PullRequestRunner(_v150, headRepository: "contributor/venafi-connector");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::notice::certkit: pull request #12 comes from a fork, whose token is read-only: no comment; the decision is in this job summary instead.\n", run.Stdout);
        Assert.Contains("<li>No pull request comment: a fork&#39;s token is read-only.</li>", run.Summary);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Read_only_token_on_a_pull_request_falls_back_to_the_summary()
    {
        _server.Repositories[Repository].TokenIsReadOnly = true;
        AddPullRequest12();
        using var runner = PullRequestRunner(_v150);

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::notice::certkit: the token may not comment on pull request #12 (403; it needs `permissions: pull-requests: write`); the decision is in this job summary instead.\n", run.Stdout);
        Assert.Contains("<h2>CertKit:", run.Summary);
    }

    [Fact]
    public void A_release_that_needs_no_recertification_opens_no_issue()
    {
        _git.Checkout("main").Csproj("src/VenafiConnector/VenafiConnector.csproj", "2.0.1");
        var v201 = _git.Commit("Fix a typo in the log message");
        _git.Tag("v2.0.1");
        using var runner = Runner().Event("push", $$"""{ "ref": "refs/tags/v2.0.1", "after": "{{v201}}", "deleted": false, "created": true }""", v201, "refs/tags/v2.0.1");
        var decision = Expected(null, v201);

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(decision.RecertificationRequired);
        Assert.Equal(("2.0.0", "2.0.1", "patch", "false", "", ""),
            (run.Output("previous-version"), run.Output("version"), run.Output("bump"), run.Output("recertification-required"), run.Output("issue-number"), run.Output("issue-url")));
        Assert.Empty(Issues());
        // Only the look-up of the certified version (the re-certification issues, labelled then all): nothing is written.
        Assert.All(_server.Requests, request => Assert.Equal(("GET", "/repos/acme/venafi-connector/issues"), (request.Method, request.Path)));
        Assert.Contains("No re-certification issue in acme/venafi-connector certifies a version of acme/venafi-connector (venafi).", run.Stdout);
    }

    [Fact]
    public void Fail_on_recertification_fails_the_step_after_filing_the_issue()
    {
        using var runner = ReleaseRunner();
        runner.Input("fail-on", "recertification");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(Issues());
        Assert.EndsWith("::error::Venafi TLS Protect Cloud re-certification is required for 2.0.0 (fail-on: recertification).\n", run.Stdout);
    }

    [Fact]
    public void Adobe_sign_patch_that_adds_a_scope_files_an_issue_listing_the_scope_change()
    {
        using var adobe = TestRepository.Create();
        adobe.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "3.1.0").Write("src/AdobeSign.Connector/OAuth.cs", """
            namespace AdobeSign.Connector;
            public static class OAuth
            {
                public const string Scopes = "user_read:account agreement_read:account";
            }
            """);
        adobe.Commit("Adobe Sign connector 3.1.0");
        adobe.Tag("v3.1.0");
        adobe.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "3.1.1").Write("src/AdobeSign.Connector/OAuth.cs", """
            namespace AdobeSign.Connector;
            public static class OAuth
            {
                public const string Scopes = "user_read:account agreement_read:account agreement_write:account";
            }
            """);
        var head = adobe.Commit("Send agreements on behalf of the account");
        adobe.Tag("v3.1.1");
        _server.AddRepository("acme/adobe-sign-connector");
        using var runner = new RunnerEnvironment(_server.ApiUrl, adobe.Path, "acme/adobe-sign-connector")
            .Input("program", "adobe-sign").Input("github-token", Token).Input("labels", "recertification")
            .Event("push", $$"""{ "ref": "refs/tags/v3.1.1", "after": "{{head}}", "deleted": false }""", head, "refs/tags/v3.1.1");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("3.1.0", "3.1.1", "patch", "true"), (run.Output("previous-version"), run.Output("version"), run.Output("bump"), run.Output("recertification-required")));
        var issue = Assert.Single(_server.Repositories["acme/adobe-sign-connector"].Issues);
        Assert.Equal("Re-certification required: acme/adobe-sign-connector 3.1.1 (adobe-sign)", issue.Title);
        Assert.Contains("### OAuth scope changes\n\n- added `agreement_write:account`\n", issue.Body);
        Assert.Contains("- [ ] Tell the Adobe partner manager which OAuth scopes changed: added `agreement_write:account`\n", issue.Body);
        Assert.Contains("[Compare 3.1.0...3.1.1](https://github.com/acme/adobe-sign-connector/compare/v3.1.0...v3.1.1)", issue.Body);
        Assert.Contains("<h3>OAuth scope changes</h3>\n<ul><li>added `agreement_write:account`</li></ul>\n", run.Summary);
    }

    [Fact]
    public void A_closed_request_is_reopened_when_closed_issue_is_reopen()
    {
        using var first = ReleaseRunner();
        Assert.Equal(0, first.Run(app).ExitCode);
        var issue = Assert.Single(Issues());
        issue.State = "closed";
        using var rerun = ReleaseRunner();
        rerun.Input("closed-issue", "reopen");

        var run = rerun.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Same(issue, Assert.Single(Issues()));
        Assert.Equal("open", issue.State);
        Assert.Contains($"<li>Re-certification request: #{issue.Number} in acme/venafi-connector (reopened)", run.Summary);
    }

    [Theory]
    [InlineData("push", """{ "ref": "refs/tags/v2.0.0", "deleted": true }""", "::notice::certkit: tag 'v2.0.0' was deleted: nothing to certify.")]
    [InlineData("push", """{ "ref": "refs/heads/main", "deleted": false }""", "::notice::certkit: a push to 'refs/heads/main' is not a tag: certkit acts on pushed tags (and on pull requests and releases).")]
    [InlineData("schedule", """{ "schedule": "0 6 * * 1" }""", "::notice::certkit: certkit acts on pull_request, push of a tag, release and workflow_dispatch; nothing to do for 'schedule'.")]
    public void Events_it_does_not_act_on_end_with_a_notice_and_exit_0(string eventName, string payload, string notice)
    {
        using var runner = Runner().Event(eventName, payload, _v200, "refs/heads/main");

        var run = runner.Run(app);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"::add-mask::{Token}\n{notice}\n", run.Stdout);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Workflow_dispatch_takes_explicit_versions_from_its_inputs()
    {
        using var runner = Runner().Event("workflow_dispatch", """{ "ref": "refs/heads/main", "inputs": { "version": "3.0.0", "previous-version": "2.0.0" } }""", _v200, "refs/heads/main");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("2.0.0", "3.0.0", "major"), (run.Output("previous-version"), run.Output("version"), run.Output("bump")));
        Assert.Equal("Re-certification required: acme/venafi-connector 3.0.0 (venafi)", Assert.Single(Issues()).Title);
    }

    [Fact]
    public void Input_and_repository_errors_are_one_error_line()
    {
        using var noProgram = ReleaseRunner();
        noProgram.Input("program", "");
        using var shallow = ReleaseRunner();
        using var clone = TestRepository.ShallowCloneOf(_git);
        shallow["GITHUB_WORKSPACE"] = clone.Path;
        shallow["GITHUB_SHA"] = clone.Git("rev-parse", "HEAD").Trim();

        var missing = noProgram.Run(app);
        var shallowRun = shallow.Run(app);

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"::add-mask::{Token}\n::error::Input required and not supplied: program\n", missing.Stdout);
        Assert.Equal(1, shallowRun.ExitCode);
        var error = Assert.Single(shallowRun.Stdout.Split('\n'), line => line.StartsWith("::error::", StringComparison.Ordinal));
        Assert.Contains("fetch-depth: 0", error);
        Assert.Empty(Issues());
    }
}
