using System.Text.Json;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// <c>check: true</c> through the published app with the runner's environment, against the GitHub-compatible test server:
/// a commercetools Connect repository (samples/connect-repository) is released as v1.0.1 without its LICENSE. The release
/// run files the re-certification issue with the readiness checklist pre-ticked, shows the readiness table in the job
/// summary, and <c>fail-on: readiness</c> fails the step after everything was reported. On a pull request the one comment
/// carries the readiness table, and the next push's run updates it.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionReadinessEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/payment-reminders";
    private const string Token = "ghs_checkFakeToken00000000000000000000";

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _v100 = null!;
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

        _v100 = _git.Commit("Connector 1.0.0");
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
        Runner(failOn).Event("release", $$"""
                {
                  "action": "published",
                  "release": { "id": 1, "tag_name": "v1.0.1", "name": "v1.0.1", "draft": false, "prerelease": false,
                               "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/v1.0.1" },
                  "repository": { "full_name": "{{Repository}}" }
                }
                """, _v101, "refs/tags/v1.0.1");

    private RunnerEnvironment Runner(string failOn) =>
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
            .Input("check", "true");

    private RunnerEnvironment PullRequestRunner(string headSha) =>
        Runner("never").Event("pull_request", $$"""
            {
              "action": "synchronize",
              "number": 7,
              "pull_request": {
                "number": 7,
                "title": "Connector 1.0.1",
                "head": { "sha": "{{headSha}}", "ref": "release-1.0.1", "repo": { "full_name": "{{Repository}}", "fork": false } },
                "base": { "sha": "{{_v100}}", "ref": "main", "repo": { "full_name": "{{Repository}}", "fork": false } }
              },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, headSha, "refs/pull/7/merge");

    [Fact]
    public void A_pull_request_comment_carries_the_readiness_table_and_a_later_run_updates_it()
    {
        _server.Repositories[Repository].NextNumber = 7;
        var pullRequest = _server.AddIssue(_server.Repositories[Repository], "Connector 1.0.1", "", pullRequest: true);
        using var first = PullRequestRunner(_v101);

        var before = first.Run(app);

        Assert.True(before.ExitCode == 0, before.ToString());
        var comment = Assert.Single(pullRequest.Comments);
        Assert.Contains("\n\n### Certification readiness: commercetools Connect\n\n**not ready (12 passed, 1 failed, 0 manual)**\n\n| Check | Result | Requirement | Evidence |\n|---|---|---|---|\n", comment.Body);
        Assert.Equal(
            [
            "| `connect-yaml` | ✅ passed | Must contain a configured `connect.yaml` file in the root directory. | connect.yaml:8: service (service, endpoint /service)<br>connect.yaml:27: event (event, endpoint /event) |",
            "| `directory-structure` | ✅ passed | Must have a specific directory structure. Must follow language-specific configurations to support buildpack. Must have self-contained dependencies, with global dependencies referenced in `package.json`. | service/: service/package.json with scripts.start `node src/index.js`, 0 dependencies declared<br>event/: event/package.json with scripts.start `node src/index.js`, 0 dependencies declared |",
            "| `secured-configuration` | ✅ passed | Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration. (Secrets belong in `securedConfiguration`.) | securedConfiguration: CTP_PROJECT_KEY<br>standardConfiguration: CTP_REGION, REMINDER_DAYS (none credential-like, no secret-shaped default) |",
            "| `api-scopes` | ✅ passed | Stable and secure, with no security vulnerabilities. (Connect docs: `inheritAs.apiClient.scopes` grants the deployment's API client; request the least privilege.) | connect.yaml: inheritAs.apiClient.scopes: view_orders, manage_customers |",
            "| `license` | ❌ failed | License files. | no license file at the root (looked for LICENSE, LICENCE, COPYING, LICENSE-MIT, LICENSE-APACHE, with or without .md/.txt) |",
            "| `documentation` | ✅ passed | Installation guide and documentation. | README.md:8: Installation<br>README.md:17: Configuration<br>README.md: names all 3 connect.yaml keys |",
            "| `creator-contact` | ✅ passed | Creator information and contact details. | README.md:44: Author: connect@northwind-labs.example.com |",
            "| `tests` | ✅ passed | Unit tests and self-contained integration tests. | service/package.json: scripts.test `node --test tests/`; 1 test file(s) with 5 assertion(s): service/tests/reminders.test.js<br>event/package.json: scripts.test `node --test tests/`; 1 test file(s) with 3 assertion(s): event/tests/handler.test.js |",
            $"| `git-tag` | ✅ passed | Must have a Git tag that remains the same during the certification process. | HEAD ({_v101[..7]}) is tagged v1.0.1; the work tree matches it |",
            "| `dependencies` | ✅ passed | Must not use outdated or insecure dependency libraries. | service/package.json: no dependencies declared, nothing to audit<br>event/package.json: no dependencies declared, nothing to audit |",
            "| `hardcoded-values` | ✅ passed | Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration. | certkit scan: no CK1001, CK1002, CK1003, CK1004 finding in 13 file(s) |",
            "| `production-code` | ✅ passed | Should not include logs or any code/configuration which are not intended for production use. | certkit scan: no CK3001, CK3002, CK3003 finding in 13 file(s) |",
            "| `runtime` | ✅ passed | Must follow language-specific configurations to support buildpack. (Connect docs, supported runtimes: Node.js 22 or 24; Java LTS with Maven.) | service/package.json: engines.node: Node.js '22.x \\|\\| 24.x' admits majors 22, 24, which Connect runs<br>event/package.json: engines.node: Node.js '22.x \\|\\| 24.x' admits majors 22, 24, which Connect runs |",
            ],
            TableRows(comment.Body));

        // The next push restores the LICENSE and adds a dependency without its lock file; the head is not tagged yet.
        _git.Write("LICENSE", File.ReadAllText(Path.Combine(ConnectSample.Folder, "LICENSE")));
        _git.Write("event/package.json", File.ReadAllText(Path.Combine(ConnectSample.Folder, "event", "package.json")).Replace("\"scripts\"", "\"dependencies\": { \"left-pad\": \"1.3.0\" },\n  \"scripts\"", StringComparison.Ordinal));
        _git.Delete("event/package-lock.json");
        var fixedHead = _git.Commit("Restore the LICENSE, pad to the left");
        using var second = PullRequestRunner(fixedHead);

        var after = second.Run(app);

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Same(comment, Assert.Single(pullRequest.Comments));
        Assert.Contains("\n**not ready (11 passed, 1 failed, 1 manual)**\n", comment.Body);
        Assert.Equal(
            [
            "| `connect-yaml` | ✅ passed | Must contain a configured `connect.yaml` file in the root directory. | connect.yaml:8: service (service, endpoint /service)<br>connect.yaml:27: event (event, endpoint /event) |",
            "| `directory-structure` | ✅ passed | Must have a specific directory structure. Must follow language-specific configurations to support buildpack. Must have self-contained dependencies, with global dependencies referenced in `package.json`. | service/: service/package.json with scripts.start `node src/index.js`, 0 dependencies declared<br>event/: event/package.json with scripts.start `node src/index.js`, 1 dependencies declared |",
            "| `secured-configuration` | ✅ passed | Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration. (Secrets belong in `securedConfiguration`.) | securedConfiguration: CTP_PROJECT_KEY<br>standardConfiguration: CTP_REGION, REMINDER_DAYS (none credential-like, no secret-shaped default) |",
            "| `api-scopes` | ✅ passed | Stable and secure, with no security vulnerabilities. (Connect docs: `inheritAs.apiClient.scopes` grants the deployment's API client; request the least privilege.) | connect.yaml: inheritAs.apiClient.scopes: view_orders, manage_customers |",
            "| `license` | ✅ passed | License files. | LICENSE:1: MIT License |",
            "| `documentation` | ✅ passed | Installation guide and documentation. | README.md:8: Installation<br>README.md:17: Configuration<br>README.md: names all 3 connect.yaml keys |",
            "| `creator-contact` | ✅ passed | Creator information and contact details. | README.md:44: Author: connect@northwind-labs.example.com |",
            "| `tests` | ✅ passed | Unit tests and self-contained integration tests. | service/package.json: scripts.test `node --test tests/`; 1 test file(s) with 5 assertion(s): service/tests/reminders.test.js<br>event/package.json: scripts.test `node --test tests/`; 1 test file(s) with 3 assertion(s): event/tests/handler.test.js |",
            $"| `git-tag` | ❌ failed | Must have a Git tag that remains the same during the certification process. | HEAD ({fixedHead[..7]}) has no tag: tag the commit to certify (git tag -a vX.Y.Z) and reference that tag with Set Repository |",
            "| `dependencies` | ✋ manual | Must not use outdated or insecure dependency libraries. | event/package.json: no lockfile (package-lock.json, yarn.lock or pnpm-lock.yaml), so the audit cannot tell which versions are used (commit the one your package manager writes: npm install --package-lock-only, yarn install or pnpm install --lockfile-only)<br>service/package.json: no dependencies declared, nothing to audit |",
            "| `hardcoded-values` | ✅ passed | Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration. | certkit scan: no CK1001, CK1002, CK1003, CK1004 finding in 13 file(s) |",
            "| `production-code` | ✅ passed | Should not include logs or any code/configuration which are not intended for production use. | certkit scan: no CK3001, CK3002, CK3003 finding in 13 file(s) |",
            "| `runtime` | ✅ passed | Must follow language-specific configurations to support buildpack. (Connect docs, supported runtimes: Node.js 22 or 24; Java LTS with Maven.) | service/package.json: engines.node: Node.js '22.x \\|\\| 24.x' admits majors 22, 24, which Connect runs<br>event/package.json: engines.node: Node.js '22.x \\|\\| 24.x' admits majors 22, 24, which Connect runs |",
            ],
            TableRows(comment.Body));
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path == $"/repos/{Repository}/issues/7/comments");
        Assert.Single(_server.Requests, r => r.Method == "PATCH" && r.Path == $"/repos/{Repository}/issues/comments/{comment.Id}");
        Assert.Empty(_server.Repositories[Repository].Issues.Where(issue => !issue.IsPullRequest));
    }

    /// <summary>The readiness table's rows: one per check, in the program's order.</summary>
    private static string[] TableRows(string body) => [.. body.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal))];

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
        Assert.Contains("- [x] ✓ `connect-yaml` Must contain a configured `connect.yaml` file in the root directory. — connect.yaml:8: service (service, endpoint /service); connect.yaml:27: event (event, endpoint /event)\n", issue.Body);
        Assert.Contains("- [x] ✓ `git-tag` Must have a Git tag that remains the same during the certification process. — HEAD (", issue.Body);
        Assert.Contains("- [ ] ✗ `license` License files. — fix: no license file at the root (looked for LICENSE, LICENCE, COPYING, LICENSE-MIT, LICENSE-APACHE, with or without .md/.txt)\n", issue.Body);
        Assert.Equal(12, issue.Body.Split("\n- [x] ✓ `").Length - 1);

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
        Assert.Contains("commercetools Connect: not ready (12 passed, 1 failed, 0 manual)", run.Stdout);
    }

    [Fact]
    public void With_pack_the_release_writes_the_evidence_pack_from_the_run_and_the_issue_points_to_it()
    {
        using var runner = ReleaseRunner("never").Input("pack", "out/certkit-pack");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("out/certkit-pack", run.Output("pack-dir"));
        Assert.Contains("Evidence pack (13 files) written to out/certkit-pack and out/certkit-pack.zip", run.Stdout);
        var pack = Path.Combine(_git.Path, "out", "certkit-pack");
        Assert.True(File.Exists(pack + ".zip"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "certkit-pack.json")));
        Assert.Equal("commercetools", manifest.RootElement.GetProperty("program").GetString());
        Assert.Equal(_v101, manifest.RootElement.GetProperty("commit").GetString());
        Assert.False(manifest.RootElement.GetProperty("ready").GetBoolean());
        Assert.True(manifest.RootElement.GetProperty("recertificationRequired").GetBoolean());
        Assert.Equal("1.0.1", manifest.RootElement.GetProperty("version").GetString());
        Assert.Empty(manifest.RootElement.GetProperty("omitted").EnumerateArray());

        // The pack's readiness is the run's: the same table the job summary shows.
        Assert.Contains(File.ReadAllText(Path.Combine(pack, "readiness.md")).TrimEnd(), run.Summary);
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "decision.json")));
        Assert.Equal("1.0.0", decision.RootElement.GetProperty("previousVersion").GetString());

        var issue = Assert.Single(_server.Repositories[Repository].Issues, i => !i.IsPullRequest);
        Assert.Contains("\n### Evidence pack\n\nThe evidence pack for the submission (`out/certkit-pack`: ", issue.Body);
        Assert.Contains($"was written by [workflow run 1234567890](https://github.com/{Repository}/actions/runs/1234567890); download it from the run's artifacts", issue.Body);
    }
}
