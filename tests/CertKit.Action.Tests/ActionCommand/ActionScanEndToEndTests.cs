using System.Text.Json;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// <c>scan: true</c> through the published app with the runner's environment, against the GitHub-compatible test
/// server, on a real git repository whose C# and appsettings.json have CK1001/CK1002 findings on lines a pull request
/// changes and on lines it does not.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionScanEndToEndTests(PublishedAction app) : IAsyncLifetime
{
    private const string Repository = "acme/venafi-connector";
    private const string Token = "ghs_scanFakeToken000000000000000000000";
    private const string ClientPath = "src/VenafiConnector/VenafiClient.cs";
    private const string RegionsPath = "src/VenafiConnector/Regions.cs";
    private const string SettingsPath = "src/VenafiConnector/appsettings.json";

    private const string SettingsAt142 = "{\n  \"Venafi\": {\n    \"Region\": \"us\"\n  }\n}\n";

    // The pull request also hardcodes the endpoint in configuration (line 4).
    private const string SettingsAt150 = "{\n  \"Venafi\": {\n    \"Region\": \"us\",\n    \"BaseUrl\": \"https://api.venafi.cloud\"\n  }\n}\n";

    // On main since 1.4.2: one finding, on a line no pull request below changes.
    private const string ClientAt142 = """
        namespace VenafiConnector;

        public sealed class VenafiClient
        {
            private const string BaseUrl = "https://api.venafi.cloud";

            public string Name => "venafi";
        }
        """;

    // The pull request: a token endpoint and a client secret added (lines 6 and 7), a comment changed (line 9).
    private const string ClientAt150 = """
        namespace VenafiConnector;

        public sealed class VenafiClient
        {
            private const string BaseUrl = "https://api.venafi.cloud";
            private const string TokenUrl = "https://auth.europe-west1.gcp.commercetools.com/oauth/token";
            private const string ClientSecret = "Zx81-kLm2-Qp07";

            public string Name => "venafi-tls-protect-cloud";
        }
        """;

    private static readonly string[] RegionUrls =
    [
        "https://api.venafi.cloud", "https://api.eu.venafi.cloud", "https://api.au.venafi.cloud", "https://api.uk.venafi.cloud",
        "https://api.sg.venafi.cloud", "https://api.ca.venafi.cloud", "https://auth.europe-west1.gcp.commercetools.com",
        "https://auth.us-central1.gcp.commercetools.com", "https://auth.australia-southeast1.gcp.commercetools.com",
        "https://auth.eu-central-1.aws.commercetools.com", "https://auth.us-east-2.aws.commercetools.com",
        "https://api.na1.adobesign.com", "https://api.eu1.adobesign.com",
    ];

    private GitHubTestServer _server = null!;
    private TestRepository _git = null!;
    private string _v142 = null!;
    private string _v150 = null!;
    private string _regions = null!;
    private string _renamed = null!;
    private string _v200 = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        _server.ValidToken = Token;
        _server.AddRepository(Repository);

        _git = TestRepository.Create();
        _git.Write("Directory.Build.props", Props("1.4.2")).Write(ClientPath, ClientAt142).Write(SettingsPath, SettingsAt142);
        _v142 = _git.Commit("Venafi connector 1.4.2");
        _git.Tag("v1.4.2");

        _git.Branch("feature/commercetools-token").Write("Directory.Build.props", Props("1.5.0")).Write(ClientPath, ClientAt150).Write(SettingsPath, SettingsAt150);
        _v150 = _git.Commit("Fetch commercetools tokens");

        _git.Checkout("main").Branch("feature/regions").Write("Directory.Build.props", Props("1.5.0"))
            .Write(RegionsPath, "namespace VenafiConnector;\n\npublic static class Regions\n{\n" +
                string.Concat(RegionUrls.Select((url, i) => $"    public const string Region{i + 1} = \"{url}\";\n")) + "}\n");
        _regions = _git.Commit("All regions");

        // A pull request that changes no line with a finding.
        _git.Checkout("main").Branch("feature/rename").Write("Directory.Build.props", Props("1.4.3"))
            .Write(ClientPath, ClientAt142.Replace("\"venafi\"", "\"venafi-cloud\"", StringComparison.Ordinal));
        _renamed = _git.Commit("Rename");

        _git.Checkout("main").Write("Directory.Build.props", Props("2.0.0")).Write(ClientPath, ClientAt150).Write(SettingsPath, SettingsAt150);
        _v200 = _git.Commit("Venafi connector 2.0.0");
        _git.Tag("v2.0.0");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _git.Dispose();
    }

    private static string Props(string version) =>
        $"<Project>\n  <PropertyGroup>\n    <Version>{version}</Version>\n  </PropertyGroup>\n</Project>\n";

    private RunnerEnvironment Runner(string failOn = "never", string sarifFile = "") =>
        new RunnerEnvironment(_server.ApiUrl, _git.Path, Repository)
            .Input("program", "venafi")
            .Input("github-token", Token)
            .Input("target-repository", "")
            .Input("labels", "recertification")
            .Input("assignees", "")
            .Input("version", "")
            .Input("previous-version", "")
            .Input("tag-pattern", "")
            .Input("fail-on", failOn)
            .Input("comment-on-pr", "false")
            .Input("closed-issue", "comment")
            .Input("policy-file", "")
            .Input("scan", "true")
            .Input("sarif-file", sarifFile);

    /// <summary>A pull request event with the head checked out, as actions/checkout leaves the workspace.</summary>
    private RunnerEnvironment PullRequestRunner(string branch, string headSha, string failOn = "never", string sarifFile = "")
    {
        _git.Checkout(branch);
        return Runner(failOn, sarifFile).Event("pull_request", $$"""
            {
              "action": "synchronize",
              "number": 12,
              "pull_request": {
                "number": 12,
                "title": "{{branch}}",
                "head": { "sha": "{{headSha}}", "ref": "{{branch}}", "repo": { "full_name": "{{Repository}}", "fork": false } },
                "base": { "sha": "{{_v142}}", "ref": "main", "repo": { "full_name": "{{Repository}}", "fork": false } }
              },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, headSha, "refs/pull/12/merge");
    }

    private RunnerEnvironment ReleaseRunner(string failOn = "never")
    {
        _git.Checkout("main");
        return Runner(failOn).Event("release", $$"""
            {
              "action": "published",
              "release": { "id": 1, "tag_name": "v2.0.0", "name": "v2.0.0", "draft": false, "prerelease": false,
                           "target_commitish": "main", "html_url": "https://github.com/{{Repository}}/releases/tag/v2.0.0" },
              "repository": { "full_name": "{{Repository}}" }
            }
            """, _v200, "refs/tags/v2.0.0");
    }

    private static List<string> Lines(string text, string prefix) =>
        text.Split('\n').Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static string Scan(string text) => text[text.IndexOf("<h3>CertKit scan</h3>", StringComparison.Ordinal)..];

    private const string TokenUrlWarning =
        "::warning title=CK1001 Hardcoded URL,file=src/VenafiConnector/VenafiClient.cs,line=6,endLine=6,col=38,endColumn=97::" +
        "The URL 'https://auth.europe-west1.gcp.commercetools.com/oauth/token' is hardcoded; read it from configuration";

    private const string ClientSecretWarning =
        "::warning title=CK1002 Hardcoded credential,file=src/VenafiConnector/VenafiClient.cs,line=7,endLine=7,col=41,endColumn=57::" +
        "'ClientSecret' is given a hardcoded credential; read it from a secret store or the environment";

    private const string SettingsWarning =
        "::warning title=CK1001 Hardcoded URL,file=src/VenafiConnector/appsettings.json,line=4,endLine=4,col=17,endColumn=41::" +
        "The URL 'https://api.venafi.cloud' is hardcoded in a configuration file; supply it per deployment (environment, secured configuration)";

    [Fact]
    public void Pull_request_annotates_only_the_findings_on_lines_it_changes()
    {
        using var runner = PullRequestRunner("feature/commercetools-token", _v150, sarifFile: "results/certkit.sarif");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([TokenUrlWarning, ClientSecretWarning, SettingsWarning], Lines(run.Stdout, "::warning"));
        Assert.Empty(Lines(run.Stdout, "::error"));
        Assert.Empty(Lines(run.Stdout, "::notice"));
        Assert.Contains("3 of the 4 findings are on lines changed since " + _v142 + ".\n", run.Stdout);
        Assert.Equal("3", run.Output("findings"));
        Assert.Equal("results/certkit.sarif", run.Output("sarif-file"));

        // The SARIF file has the whole repository, the unchanged line too, for code scanning to sort out.
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_git.Path, "results", "certkit.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToList();
        Assert.Equal([("CK1001", 5), ("CK1001", 6), ("CK1002", 7), ("CK1001", 4)], results);

        // A second run does not scan the first run's SARIF file (still 3 files analysed).
        var again = runner.Run(app);
        Assert.Equal(Scan(run.Summary), Scan(again.Summary));
        Assert.Contains("3 files analysed", Scan(again.Summary));
    }

    [Fact]
    public void Pull_request_summary_lists_the_findings_on_changed_lines_with_counts_per_rule()
    {
        using var runner = PullRequestRunner("feature/commercetools-token", _v150);

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "<h3>CertKit scan</h3>\n" +
            "<p>3 findings on the lines this pull request changes (3 files analysed: its changes and what a flow into them needs).</p>\n" +
            "<table><tr><th>Rule</th><th>Title</th><th>Findings</th></tr>" +
            "<tr><td><a href=\"" + CertKit.Analyzers.RuleIds.HelpLink("CK1001") + "\">CK1001</a></td><td>Hardcoded URL</td><td>2</td></tr>" +
            "<tr><td><a href=\"" + CertKit.Analyzers.RuleIds.HelpLink("CK1002") + "\">CK1002</a></td><td>Hardcoded credential</td><td>1</td></tr></table>\n" +
            "<table><tr><th>Rule</th><th>Location</th><th>Message</th></tr>" +
            "<tr><td>CK1001</td><td><code>src/VenafiConnector/VenafiClient.cs:6</code></td><td>The URL &#39;https://auth.europe-west1.gcp.commercetools.com/oauth/token&#39; is hardcoded; read it from configuration</td></tr>" +
            "<tr><td>CK1002</td><td><code>src/VenafiConnector/VenafiClient.cs:7</code></td><td>&#39;ClientSecret&#39; is given a hardcoded credential; read it from a secret store or the environment</td></tr>" +
            "<tr><td>CK1001</td><td><code>src/VenafiConnector/appsettings.json:4</code></td><td>The URL &#39;https://api.venafi.cloud&#39; is hardcoded in a configuration file; supply it per deployment (environment, secured configuration)</td></tr></table>\n",
            Scan(run.Summary));
    }

    [Fact]
    public void More_than_ten_warnings_give_ten_annotations_and_one_line_counting_the_rest()
    {
        using var runner = PullRequestRunner("feature/regions", _regions);

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        var warnings = Lines(run.Stdout, "::warning");
        Assert.Equal(10, warnings.Count);
        Assert.All(warnings.Select((line, i) => (line, i)), w =>
            Assert.StartsWith($"::warning title=CK1001 Hardcoded URL,file=src/VenafiConnector/Regions.cs,line={w.i + 5},endLine={w.i + 5},col=", w.line));
        // 13 hardcoded URLs (CK1001), two of them Adobe Sign shard hosts (CK1004 too): 15 findings.
        Assert.Equal(["certkit: and 5 more warning findings, not annotated (GitHub shows 10 warning annotations per step); see the job summary."],
            Lines(run.Stdout, "certkit: and "));
        Assert.Equal("15", run.Output("findings"));
        // The summary lists all 15 (none on the unchanged line 5 of VenafiClient.cs).
        var summary = Scan(run.Summary);
        Assert.StartsWith("<h3>CertKit scan</h3>\n<p>15 findings on the lines this pull request changes (3 files analysed: its changes and what a flow into them needs).</p>\n", summary);
        Assert.Equal(15, summary.Split("<td><code>src/VenafiConnector/Regions.cs:").Length - 1);
        Assert.DoesNotContain("VenafiClient.cs", summary);
    }

    [Fact]
    public void Release_issue_body_counts_the_findings_per_rule()
    {
        using var runner = ReleaseRunner();

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        var issue = Assert.Single(_server.Repositories[Repository].Issues, i => !i.IsPullRequest);
        Assert.Contains(
            "\n### Scan\n\n" +
            "4 findings in 2 files (3 files analysed).\n\n" +
            "| Rule | Title | Findings |\n|---|---|---:|\n" +
            "| [CK1001](" + CertKit.Analyzers.RuleIds.HelpLink("CK1001") + ") | Hardcoded URL | 3 |\n" +
            "| [CK1002](" + CertKit.Analyzers.RuleIds.HelpLink("CK1002") + ") | Hardcoded credential | 1 |\n" +
            "\n---\n",
            issue.Body);
        // A release annotates every finding of the repository.
        Assert.Equal(4, Lines(run.Stdout, "::warning").Count);
        Assert.Equal("4", run.Output("findings"));
    }

    [Fact]
    public void Fail_on_findings_fails_after_outputs_summary_and_annotations_with_one_error_line()
    {
        using var runner = PullRequestRunner("feature/commercetools-token", _v150, failOn: "findings");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(Lines(run.Stdout, "::error"));
        Assert.Equal("::error::certkit scan: 3 findings on lines changed by pull request #12 (fail-on: findings).", error);
        Assert.EndsWith(SettingsWarning + "\n" + error + "\n", run.Stdout);
        Assert.Equal(
            ["previous-version", "version", "bump", "recertification-required", "reasons", "findings", "sarif-file", "issue-number", "issue-url"],
            run.Outputs.Select(o => o.Key));
        Assert.StartsWith("<h3>CertKit scan</h3>\n<p>3 findings on the lines this pull request changes", Scan(run.Summary));
    }

    [Fact]
    public void Fail_on_findings_passes_when_the_pull_request_adds_none_even_if_the_repository_has_some()
    {
        using var runner = PullRequestRunner("feature/rename", _renamed, failOn: "findings");

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(Lines(run.Stdout, "::warning"));
        Assert.Empty(Lines(run.Stdout, "::error"));
        Assert.Equal("0", run.Output("findings"));
        Assert.Equal(
            "<h3>CertKit scan</h3>\n<p>No findings on the lines this pull request changes (3 files analysed: its changes and what a flow into them needs).</p>\n",
            Scan(run.Summary));
    }

    [Fact]
    public void Fail_on_both_gives_one_error_line_with_both_reasons_after_filing_the_issue()
    {
        using var runner = ReleaseRunner(failOn: "recertification,findings");

        var run = runner.Run(app);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(_server.Repositories[Repository].Issues, i => !i.IsPullRequest);
        Assert.Equal(
            ["::error::Venafi TLS Protect Cloud re-certification is required for 2.0.0 (fail-on: recertification). certkit scan: 4 findings (fail-on: findings)."],
            Lines(run.Stdout, "::error"));
    }

    [Fact]
    public void A_project_in_the_workspace_is_opened_with_MSBuild_by_the_published_app()
    {
        using var project = TestRepository.Create();
        project.Write("src/Connector/Connector.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.0.0</Version>
              </PropertyGroup>
            </Project>
            """).Write("src/Connector/Client.cs", "namespace Connector;\n\npublic sealed class Client\n{\n    public const string Endpoint = \"https://api.venafi.cloud\";\n}\n");
        var sha = project.Commit("Connector 1.0.0");
        using var runner = Runner().Event("workflow_dispatch", """{ "inputs": {}, "repository": { "full_name": "acme/venafi-connector" } }""", sha, "refs/heads/main");
        runner["GITHUB_WORKSPACE"] = project.Path;

        var run = runner.Run(app);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\n  src/Connector/Connector.csproj: loaded with MSBuild; 1 C# files, 1 other files\n", run.Stdout);
        Assert.Equal(
            ["::warning title=CK1001 Hardcoded URL,file=src/Connector/Client.cs,line=5,endLine=5,col=37,endColumn=61::The URL 'https://api.venafi.cloud' is hardcoded; read it from configuration"],
            Lines(run.Stdout, "::warning"));
        Assert.Equal("<h3>CertKit scan</h3>\n<p>1 finding in 1 file (2 files analysed).</p>\n", Scan(run.Summary)[..Scan(run.Summary).IndexOf("<table>", StringComparison.Ordinal)]);
    }
}
