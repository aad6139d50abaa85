using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// <c>check: true</c> through the published app with the runner's environment, against the GitHub-compatible test server:
/// a commercetools Connect repository (samples/connect-repository) is released as v1.0.1 without its LICENSE. The release
/// run files the re-certification issue with the readiness checklist pre-ticked, shows the readiness table in the job
/// summary, and <c>fail-on: readiness</c> fails the step after everything was reported.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionReadinessEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/payment-reminders";
    private const string Token = "ghs_checkFakeToken00000000000000000000";

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _v101 = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);

        _git = TestRepository.Create();
        foreach (var file in Directory.EnumerateFiles(ConnectSample.Folder, "*", SearchOption.AllDirectories))
        {
            _git.Write(Path.GetRelativePath(ConnectSample.Folder, file), File.ReadAllText(file));
        }

        _git.Commit("Connector 1.0.0");
        _git.Tag("v1.0.0");
        _git.Delete("LICENSE");
        _v101 = _git.Commit("Connector 1.0.1");
        _git.Tag("v1.0.1");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    private RunnerEnvironment ReleaseRunner(string failOn) =>
        new RunnerEnvironment(_server.ApiUrl, _git.Path, Repository)
            .Input("program", "commercetools")
            .Input("github-token", Token)
            .Input("target-repository", "")
            .Input("labels", "recertification")
            .Input("assignees", "")
            .Input("version", "")
            .Input("previous-version", "")
            .Input("tag-pattern", "")
            .Input("fail-on", failOn)
            .Input("comment-on-pr", "true")
            .Input("closed-issue", "comment")
            .Input("policy-file", "")
            .Input("scan", "false")
            .Input("sarif-file", "")
            .Input("check", "true")
            .Event("release", $$"""
                {
                  "action": "published",
                  "release": { "id": 1, "tag_name": "v1.0.1", "name": "v1.0.1", "draft": false, "prerelease": false,
                               "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/v1.0.1" },
                  "repository": { "full_name": "{{Repository}}" }
                }
                """, _v101, "refs/tags/v1.0.1");

    [Fact]
    public void The_release_issue_carries_the_readiness_checklist_pre_ticked_and_fail_on_readiness_fails_the_step()
    {
        using var runner = ReleaseRunner("readiness");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["::error::certkit check: 1 failed check: license (fail-on: readiness)."],
            run.Stdout.Split('\n').Where(line => line.StartsWith("::error", StringComparison.Ordinal)));
        Assert.Equal("false", run.Output("ready"));
        Assert.Equal("license", run.Output("failed-checks"));

        var issue = Assert.Single(_server.Repositories[Repository].Issues, i => !i.IsPullRequest);
        Assert.Contains("\n### Readiness (certkit check)\n\n", issue.Body);
        Assert.Contains("- [x] ✓ `connect-yaml` Must contain a configured `connect.yaml` file in the root directory. — connect.yaml:8: service (service, endpoint /service); connect.yaml:33: event (event, endpoint /event)\n", issue.Body);
        Assert.Contains("- [x] ✓ `git-tag` Must have a Git tag that remains the same during the certification process. — HEAD (", issue.Body);
        Assert.Contains("- [ ] ✗ `license` License files. — fix: no license file at the root (looked for LICENSE, LICENCE, COPYING, LICENSE-MIT, LICENSE-APACHE, with or without .md/.txt)\n", issue.Body);
        Assert.Equal(11, issue.Body.Split("\n- [x] ✓ `").Length - 1);

        Assert.Contains("### Certification readiness: commercetools Connect", run.Summary);
        Assert.Contains("| `license` | ❌ failed | License files. | no license file at the root", run.Summary);
    }

    [Fact]
    public void Without_fail_on_readiness_a_failed_check_is_reported_and_the_step_succeeds()
    {
        using var runner = ReleaseRunner("never");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("false", run.Output("ready"));
        Assert.Contains("commercetools Connect: not ready (11 passed, 1 failed, 0 manual)", run.Stdout);
    }
}
