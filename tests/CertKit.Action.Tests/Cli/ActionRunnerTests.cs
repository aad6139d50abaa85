using CertKit.Action.Cli;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.Git;

namespace CertKit.Action.Tests.Cli;

public sealed class ActionRunnerTests
{
    /// <summary>A decision that needs nothing from git, so the scan is the step that meets the user error.</summary>
    private sealed class FixedDecision : IDecisionSource
    {
        public ActionDecision Decide(ActionDecisionRequest request) =>
            new("venafi", "Venafi TLS Protect Cloud", "1.4.2", "1.5.0", "minor", false, [], [], []);
    }

    [Fact]
    public async Task A_user_error_of_the_scan_fails_the_step_with_one_error_line_that_names_the_scan()
    {
        using var origin = TestRepository.Create();
        origin.Write("src/VenafiClient.cs", "namespace V;\n\npublic sealed class VenafiClient { }\n");
        var baseSha = origin.Commit("base");
        origin.Write("src/VenafiClient.cs", "namespace V;\n\npublic sealed class VenafiClient { private const string Url = \"https://api.venafi.cloud\"; }\n");
        var headSha = origin.Commit("head");
        // actions/checkout's default: one commit, so the pull request's base commit is missing.
        using var workspace = TestRepository.ShallowCloneOf(origin);
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
            ["INPUT_FAIL-ON"] = "never",
            ["INPUT_COMMENT-ON-PR"] = "false",
        };
        var stdout = new StringWriter { NewLine = "\n" };
        var core = new ActionsCore(stdout, name => environment.GetValueOrDefault(name));

        try
        {
            var exitCode = await new ActionRunner(core, new FixedDecision()).RunAsync();

            Assert.Equal(1, exitCode);
            var error = Assert.Single(stdout.ToString().Split('\n'), line => line.StartsWith("::error", StringComparison.Ordinal));
            Assert.Equal(
                $"::error::certkit scan: cannot tell which lines the pull request changed ('{baseSha}' is not a commit in this repository); check out the repository with `fetch-depth: 0`.",
                error);
        }
        finally
        {
            File.Delete(eventPath);
        }
    }
}
