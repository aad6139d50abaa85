using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// The published action with <c>evidence: all</c> against the GitHub-compatible test server: a Venafi release opens the
/// issue with the endpoint inventory and the evidence; a pull request under <c>fail-on: bump</c> fails on an understated
/// bump with one annotation per breaking change.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionEvidenceEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/venafi-connector";
    private const string Token = "ghs_e2eEvidenceToken000000000000000000";
    private const string Client = "src/VenafiConnector/VenafiClient.cs";

    private const string Base = """
        namespace VenafiConnector;

        public sealed class VenafiClient(HttpClient http)
        {
            public Task<string> ListAsync(int limit = 10) => http.GetStringAsync(new Uri(http.BaseAddress!, $"outagedetection/v1/certificates?limit={limit}"));

            public Task RevokeAsync(string id) => http.DeleteAsync($"outagedetection/v1/certificates/{id}");
        }
        """;

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _v142 = null!;
    private string _patch = null!;
    private string _v200 = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);

        _git = TestRepository.Create();
        Project("1.4.2").Write(Client, Base);
        _v142 = _git.Commit("Venafi connector 1.4.2");
        _git.Tag("v1.4.2");

        // A "patch" that removes a public method, makes a parameter required and calls a new endpoint.
        _git.Branch("feature/requests");
        Project("1.4.3").Write(Client, Base
            .Replace("int limit = 10", "int limit", StringComparison.Ordinal)
            .Replace("    public Task RevokeAsync(string id) => http.DeleteAsync($\"outagedetection/v1/certificates/{id}\");", "    public Task RequestAsync() => http.PostAsync(\"outagedetection/v1/certificaterequests\", null);", StringComparison.Ordinal));
        _patch = _git.Commit("Certificate requests");

        _git.Checkout("main");
        Project("2.0.0").Write(Client, Base.Replace("    public Task RevokeAsync", "    public Task RetireAsync(string id) => http.PostAsync($\"outagedetection/v1/certificates/retirement\", null);\n\n    public Task RevokeAsync", StringComparison.Ordinal));
        _v200 = _git.Commit("Venafi connector 2.0.0");
        _git.Tag("v2.0.0");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    private TestRepository Project(string version) => _git.Write("src/VenafiConnector/VenafiConnector.csproj", $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Version>{version}</Version>
          </PropertyGroup>
        </Project>
        """);

    private RunnerEnvironment Runner(string failOn) =>
        new RunnerEnvironment(_server.ApiUrl, _git.Path, Repository)
            .Input("program", "venafi")
            .Input("github-token", Token)
            .Input("labels", "recertification")
            .Input("fail-on", failOn)
            .Input("comment-on-pr", "true")
            .Input("closed-issue", "comment")
            .Input("evidence", "all");

    [Fact]
    public void Release_issue_carries_the_endpoint_inventory_and_the_evidence()
    {
        using var runner = Runner("never").Event("release", $$"""
            {
              "action": "published",
              "release": { "id": 1, "tag_name": "v2.0.0", "name": "v2.0.0", "draft": false, "prerelease": false,
                           "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/v2.0.0" },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, _v200, "refs/tags/v2.0.0");
        runner.Input("endpoints-file", "endpoints.md");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        var issue = Assert.Single(_server.Repositories[Repository].Issues, i => !i.IsPullRequest);
        Assert.Contains(
            "\n### Endpoint inventory (for Venafi)\n\n3 REST endpoints and 0 VCert functions called by the integration.\n\n" +
            "| Method | Path | Base | Call sites |\n|---|---|---|---|\n" +
            $"| GET | `/outagedetection/v1/certificates` |  | {Client}:5 |\n" +
            $"| POST | `/outagedetection/v1/certificates/retirement` |  | {Client}:7 |\n" +
            $"| DELETE | `/outagedetection/v1/certificates/{{id}}` |  | {Client}:9 |\n",
            issue.Body);
        Assert.Contains("\n### Evidence\n\nImplied bump: **minor** (declared major), compared with tag v1.4.2.\n\n| Change | What | Where |\n|---|---|---|\n", issue.Body);
        Assert.Contains($"| added | method VenafiClient.RetireAsync(string) added | {Client}:7 |\n", issue.Body);
        Assert.Contains($"| new endpoint | POST /outagedetection/v1/certificates/retirement | {Client}:7 |\n", issue.Body);
        Assert.Contains("<h3>Evidence</h3>", run.Summary);
        Assert.StartsWith("## Endpoint inventory\n\n3 REST endpoints", File.ReadAllText(Path.Combine(_git.Path, "endpoints.md")));
    }

    [Fact]
    public void Pull_request_with_an_understated_bump_fails_with_one_annotation_per_breaking_change()
    {
        var pullRequest = _server.AddIssue(_server.Repositories[Repository], "Certificate requests", "", pullRequest: true);
        using var runner = Runner("bump").Event("pull_request", $$"""
            {
              "action": "synchronize",
              "number": {{pullRequest.Number}},
              "pull_request": {
                "number": {{pullRequest.Number}},
                "title": "Certificate requests",
                "head": { "sha": "{{_patch}}", "ref": "feature/requests", "repo": { "full_name": "{{Repository}}", "fork": false } },
                "base": { "sha": "{{_v142}}", "ref": "main", "repo": { "full_name": "{{Repository}}", "fork": false } }
              },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, _patch, $"refs/pull/{pullRequest.Number}/merge");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        var errors = run.Stdout.Split('\n').Where(l => l.StartsWith("::error", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"::error title=Breaking change under a patch label,file={Client},line=5::method VenafiClient.ListAsync(int): optional parameter limit became required (was optional = 10)",
                $"::error title=Breaking change under a patch label,file={Client},line=7::method VenafiClient.RevokeAsync(string) removed",
                "::error::The declared bump (patch) of 1.4.3 is lower than the one the changes imply (major) (fail-on: bump).",
            ],
            errors);
        var comment = Assert.Single(pullRequest.Comments);
        Assert.Contains("**Evidence**\n\nImplied bump: **major** (declared patch) — **the declared bump is understated**", comment.Body);
        Assert.Contains($"| new endpoint | POST /outagedetection/v1/certificaterequests | {Client}:7 |", comment.Body);
    }
}
