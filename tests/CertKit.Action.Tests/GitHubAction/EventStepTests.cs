using CertKit.Action.GitHubAction;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.Git;

namespace CertKit.Action.Tests.GitHubAction;

/// <summary>The event step alone, over a run record the inputs step filled: what the decision is asked, and where.</summary>
public sealed class EventStepTests
{
    [Fact]
    public async Task A_pull_request_is_decided_from_its_base_to_its_head_with_a_compare_link()
    {
        using var workspace = TestRepository.Create();
        var eventPath = Path.Combine(workspace.Path, "..", $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventPath, """
            {
              "number": 7,
              "pull_request": {
                "number": 7,
                "title": "New endpoint",
                "head": { "sha": "bbbb", "ref": "feature", "repo": { "full_name": "acme/connector" } },
                "base": { "sha": "aaaa", "ref": "main", "repo": { "full_name": "acme/connector" } }
              }
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_WORKSPACE"] = workspace.Path,
            ["GITHUB_REPOSITORY"] = "acme/connector",
            ["GITHUB_SERVER_URL"] = "https://ghe.example.test",
            ["INPUT_PROGRAM"] = "cyberark",
            ["INPUT_CERTIFIED-VERSION"] = "1.2.0",
        };
        var run = new ActionRun(new ActionsCore(new StringWriter(), name => environment.GetValueOrDefault(name)));

        try
        {
            await new InputsStep().RunAsync(run);
            await new EventStep().RunAsync(run);
        }
        finally
        {
            File.Delete(eventPath);
        }

        Assert.Null(run.IgnoredBecause);
        Assert.Equal(("aaaa", "bbbb", "venafi"), (run.Request.BaseRef, run.Request.HeadRef, run.Request.Policy.Id));
        Assert.Equal(("1.2.0", "certified-version input"), (run.Request.CertifiedVersion, run.Request.CertifiedSource));
        Assert.Equal(new CertKit.Action.Reporting.ReportContext("acme/connector", "pull request #7", "https://ghe.example.test/acme/connector/compare/aaaa...bbbb"), run.Context);
    }
}
