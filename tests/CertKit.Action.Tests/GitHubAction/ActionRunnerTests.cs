using CertKit.Action.GitHubAction;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.Git;

namespace CertKit.Action.Tests.GitHubAction;

public sealed class ActionRunnerTests
{
    [Fact]
    public async Task A_user_error_of_the_scan_fails_the_step_with_one_error_line_that_names_the_scan()
    {
        using var workspace = TestRepository.Create();
        workspace.Write("src/VenafiClient.cs", "namespace V;\n\npublic sealed class VenafiClient { }\n");
        var baseSha = workspace.Commit("base");
        workspace.Write("src/VenafiClient.cs", "namespace V;\n\npublic sealed class VenafiClient { private const string Url = \"https://api.venafi.cloud\"; }\n");
        var headSha = workspace.Commit("head");
        var eventPath = Path.Combine(workspace.Path, "..", $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventPath, $$"""
            {
              "number": 12,
              "pull_request": {
                "number": 12,
                "title": "Venafi endpoint",
                "head": { "sha": "{{headSha}}", "ref": "feature/endpoint", "repo": { "full_name": "acme/venafi-connector" } },
                "base": { "sha": "{{baseSha}}", "ref": "main", "repo": { "full_name": "acme/venafi-connector" } }
              }
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_WORKSPACE"] = workspace.Path,
            ["GITHUB_REPOSITORY"] = "acme/venafi-connector",
            ["INPUT_PROGRAM"] = "venafi",
            ["INPUT_GITHUB-TOKEN"] = "ghs_fakeTokenForTheScanErrorTest000000",
            ["INPUT_SCAN"] = "true",
            ["INPUT_BASELINE"] = "certkit-baseline.json",
            ["INPUT_VERSION"] = "1.5.0",
            ["INPUT_PREVIOUS-VERSION"] = "1.4.2",
            ["INPUT_FAIL-ON"] = "never",
            ["INPUT_COMMENT-ON-PR"] = "false",
        };
        var stdout = new StringWriter { NewLine = "\n" };
        var core = new ActionsCore(stdout, name => environment.GetValueOrDefault(name));

        try
        {
            var exitCode = await new ActionRunner(core).RunAsync();

            Assert.Equal(1, exitCode);
            var error = Assert.Single(stdout.ToString().Split('\n'), line => line.StartsWith("::error", StringComparison.Ordinal));
            Assert.Equal(
                $"::error::certkit scan: the baseline input: the file '{Path.Combine(workspace.Path, "certkit-baseline.json")}' does not exist (write one with --write-baseline)",
                error);
        }
        finally
        {
            File.Delete(eventPath);
        }
    }

    [Fact]
    public async Task A_downgrade_fails_the_Action_with_the_words_of_certkit_decide()
    {
        using var workspace = TestRepository.Create();
        workspace.Write("src/VenafiClient.cs", "namespace V;\n\npublic sealed class VenafiClient { }\n");
        workspace.Commit("only");
        var eventPath = Path.Combine(workspace.Path, "..", $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventPath, """{ "inputs": {} }""");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "workflow_dispatch",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_WORKSPACE"] = workspace.Path,
            ["GITHUB_REPOSITORY"] = "acme/venafi-connector",
            ["INPUT_PROGRAM"] = "venafi",
            ["INPUT_VERSION"] = "1.0.0",
            ["INPUT_PREVIOUS-VERSION"] = "1.4.2",
            ["INPUT_COMMENT-ON-PR"] = "false",
        };
        var stdout = new StringWriter { NewLine = "\n" };

        var exitCode = await new ActionRunner(new ActionsCore(stdout, name => environment.GetValueOrDefault(name))).RunAsync();
        File.Delete(eventPath);
        var cli = Cli.CertkitProcess.Run(workspace.Path, "decide", "--program", "venafi", "--version", "1.0.0", "--previous-version", "1.4.2");

        Assert.Equal(1, exitCode);
        Assert.Equal(1, cli.ExitCode);
        var error = Assert.Single(stdout.ToString().Split('\n'), line => line.StartsWith("::error", StringComparison.Ordinal));
        const string Downgrade = "version 1.0.0 (--version) is lower than the previous version 1.4.2 (--previous-version): a downgrade cannot be released; " +
            "check the version, or name the previous one (--previous-version, or the Action's previous-version input)";
        Assert.Equal("::error::" + Downgrade, error);
        Assert.Equal(["certkit decide: " + Downgrade], cli.ErrorLines);
    }
}
