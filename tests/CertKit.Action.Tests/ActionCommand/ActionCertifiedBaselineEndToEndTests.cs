using CertKit.Action.Tests.Decision;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// The published action finds the certified version in the repository's own re-certification issues on the test server
/// (through Octokit, a 502 on the first page retried): v1.0.0's issue closed as completed certifies it, v1.1.0's closed as
/// not planned does not, so the release of v1.1.1 (a fix) is judged against v1.0.0 and needs re-certification.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionCertifiedBaselineEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/venafi-connector";
    private const string Token = "ghs_e2eCertifiedToken0000000000000000";

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);
        _git = TestRepository.Create();
        CertifiedBaselineTests.Build(_git);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    private void AddRecertificationIssue(string version, string stateReason)
    {
        var issue = _server.AddIssue(_server.Repositories[Repository], $"Re-certification required: {Repository} {version} (venafi)",
            $"<!-- certkit:recert program=venafi version={version} repository={Repository} -->\n## Venafi TLS Protect Cloud re-certification\n", ["recertification"], state: "closed");
        issue.StateReason = stateReason;
        issue.ClosedAt = new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero);
    }

    private RunnerEnvironment Release() =>
        new RunnerEnvironment(_server.ApiUrl, _git.Path, Repository)
            .Input("program", "CyberArk")
            .Input("github-token", Token)
            .Input("labels", "recertification")
            .Input("fail-on", "never")
            .Input("closed-issue", "comment")
            // The evidence since the certified tag is asserted in CertifiedBaselineTests; here the look-up is what is tested.
            .Input("evidence", "none")
            .Event("release", $$"""
                {
                  "action": "published",
                  "release": { "id": 1, "tag_name": "v1.1.1", "name": "v1.1.1", "draft": false, "prerelease": false,
                               "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/v1.1.1" },
                  "repository": { "full_name": "{{Repository}}" }
                }
                """, _git.Git("rev-parse", "v1.1.1").Trim(), "refs/tags/v1.1.1");

    [Fact]
    public void The_release_of_a_fix_is_judged_against_the_version_a_closed_issue_certified_despite_a_502()
    {
        AddRecertificationIssue("1.0.0", "completed");
        AddRecertificationIssue("1.1.0", "not_planned");
        var listing = new Fault("GET", "/issues$", FaultKind.BadGateway);
        _server.Inject(listing);
        using var runner = Release();

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, listing.Remaining);
        Assert.Contains(_server.Requests, request => request.Method == "GET" && request.Path.EndsWith("/issues", StringComparison.Ordinal) && request.Status == 502);
        Assert.Contains("Certified version 1.0.0 (issue #1, closed 2026-05-02): https://github.test/acme/venafi-connector/issues/1", run.Stdout);
        Assert.Equal("true", run.Output("recertification-required"));
        var issue = Assert.Single(_server.Repositories[Repository].Issues, i => i.State == "open");
        Assert.Contains("- judged against the certification of 1.0.0 (tag v1.0.0; issue #1, closed 2026-05-02), not the previous release\n", issue.Body);
        Assert.Contains("- minor bump 1.0.0 -> 1.1.1 requires re-certification", issue.Body);
        Assert.Contains("**acme/venafi-connector** 1.0.0 → **1.1.1** (minor)", issue.Body);
    }

    [Fact]
    public void With_no_certified_issue_the_fix_is_judged_against_the_previous_release_and_the_log_says_so()
    {
        AddRecertificationIssue("1.1.0", "not_planned");
        using var runner = Release();

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No re-certification issue in acme/venafi-connector certifies a version of acme/venafi-connector (venafi).", run.Stdout);
        Assert.Contains("  baseline: no certified version known: judged against the previous version 1.1.0 (tag v1.1.0)", run.Stdout);
        Assert.DoesNotContain(_server.Repositories[Repository].Issues, i => i.State == "open");
    }
}
