using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// With <c>scan: true</c> and <c>check: true</c> the Action opens one view of the repository and analyses each C# project
/// once: the readiness checks read the scan's findings instead of scanning again (a pull request included, whose scan
/// then covers the whole repository and reports the changed lines).
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionOneAnalysisTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/adobe-sign-connector";
    private const string Token = "ghs_oneAnalysisFakeToken00000000000000";

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _base = null!;
    private string _head = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);
        _git = TestRepository.Create();
        _git.Write("src/Connector/Connector.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Version>1.0.0</Version>
                  </PropertyGroup>
                </Project>
                """)
            .Write("src/Connector/Client.cs", "namespace Connector;\n\npublic static class Client\n{\n    public static void Log(string message) => System.Console.WriteLine(message);\n}\n");
        _base = _git.Commit("Connector 1.0.0");
        _git.Tag("v1.0.0");
        _git.Branch("feature/log").Write("src/Connector/Client.cs", "namespace Connector;\n\npublic static class Client\n{\n    public static void Log(string message) => System.Console.WriteLine(\"log: \" + message);\n}\n");
        _head = _git.Commit("Prefix the log line");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    [Fact]
    public void Scan_and_check_on_a_pull_request_open_one_workspace_and_analyse_the_project_once()
    {
        using var runner = new RunnerEnvironment(_server.ApiUrl, _git.Path, Repository)
            .Input("program", "adobe-sign")
            .Input("github-token", Token)
            .Input("target-repository", "")
            .Input("labels", "recertification")
            .Input("assignees", "")
            .Input("version", "")
            .Input("previous-version", "")
            .Input("tag-pattern", "")
            .Input("fail-on", "never")
            .Input("comment-on-pr", "false")
            .Input("closed-issue", "comment")
            .Input("policy-file", "")
            .Input("scan", "true")
            .Input("sarif-file", "")
            .Input("check", "true")
            .Event("pull_request", $$"""
                {
                  "action": "synchronize",
                  "number": 3,
                  "pull_request": {
                    "number": 3,
                    "title": "Prefix the log line",
                    "head": { "sha": "{{_head}}", "ref": "feature/log", "repo": { "full_name": "{{Repository}}", "fork": false } },
                    "base": { "sha": "{{_base}}", "ref": "main", "repo": { "full_name": "{{Repository}}", "fork": false } }
                  },
                  "repository": { "full_name": "{{Repository}}" }
                }
                """, _head, "refs/pull/3/merge");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("::debug::certkit: repository workspace opened 1 time(s); 1 C# project analysis(es)", run.Stdout);

        // The scan's finding on the changed line is reported, and the readiness checks saw the same analysis.
        Assert.Equal("1", run.Output("findings"));
        Assert.Contains("src/Connector/Client.cs:5:47: warning CK3001:", run.Stdout);
    }
}
