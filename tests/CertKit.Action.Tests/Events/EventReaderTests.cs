using CertKit.Action.Events;
using CertKit.Action.Runtime;

namespace CertKit.Action.Tests.Events;

public sealed class EventReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certkit-events-").FullName;

    private ActionEvent Read(string eventName, string payload, string? sha = "c0ffee0000000000000000000000000000000001", string? gitRef = null)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, payload);
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = path,
            ["GITHUB_SHA"] = sha,
            ["GITHUB_REF"] = gitRef,
        };
        return EventReader.Read(name => environment.GetValueOrDefault(name));
    }

    private const string SameRepositoryPullRequest = """
        {
          "action": "synchronize",
          "number": 42,
          "pull_request": {
            "number": 42,
            "title": "Add agreement_write:self scope ::warning::x",
            "html_url": "https://github.com/acme/adobe-sign-connector/pull/42",
            "head": { "sha": "1111111111111111111111111111111111111111", "ref": "feature/scopes",
                      "repo": { "full_name": "acme/adobe-sign-connector", "fork": false } },
            "base": { "sha": "2222222222222222222222222222222222222222", "ref": "main",
                      "repo": { "full_name": "acme/adobe-sign-connector", "fork": false } }
          },
          "repository": { "full_name": "acme/adobe-sign-connector" }
        }
        """;

    [Fact]
    public void Pull_request_gives_base_and_head_sha_and_ref_and_is_not_a_fork()
    {
        var pullRequest = Assert.IsType<PullRequestEvent>(Read("pull_request", SameRepositoryPullRequest));

        Assert.Equal(42, pullRequest.Number);
        Assert.Equal("Add agreement_write:self scope ::warning::x", pullRequest.Title);
        Assert.Equal("2222222222222222222222222222222222222222", pullRequest.BaseSha);
        Assert.Equal("main", pullRequest.BaseRef);
        Assert.Equal("1111111111111111111111111111111111111111", pullRequest.HeadSha);
        Assert.Equal("feature/scopes", pullRequest.HeadRef);
        Assert.False(pullRequest.IsFork);
        Assert.False(pullRequest.TokenIsReadOnly);
    }

    [Fact]
    public void Pull_request_from_a_fork_has_a_read_only_token_but_pull_request_target_does_not()
    {
        var payload = """
            { "action": "opened", "number": 43,
              "pull_request": { "number": 43, "title": "Fix typo",
                "head": { "sha": "1111111111111111111111111111111111111111", "ref": "patch-1",
                          "repo": { "full_name": "contributor/adobe-sign-connector", "fork": true } },
                "base": { "sha": "2222222222222222222222222222222222222222", "ref": "main",
                          "repo": { "full_name": "acme/adobe-sign-connector", "fork": false } } } }
            """;

        var fromFork = Assert.IsType<PullRequestEvent>(Read("pull_request", payload));
        var target = Assert.IsType<PullRequestEvent>(Read("pull_request_target", payload));

        Assert.Equal("contributor/adobe-sign-connector", fromFork.HeadRepository);
        Assert.True(fromFork.IsFork);
        Assert.True(fromFork.TokenIsReadOnly);
        Assert.True(target.IsFork);
        Assert.False(target.TokenIsReadOnly);
    }

    [Fact]
    public void Pull_request_whose_fork_was_deleted_counts_as_a_fork()
    {
        var payload = """
            { "pull_request": { "number": 7, "title": "t",
              "head": { "sha": "1111111111111111111111111111111111111111", "ref": "x", "repo": null },
              "base": { "sha": "2222222222222222222222222222222222222222", "ref": "main", "repo": { "full_name": "acme/c" } } } }
            """;

        Assert.True(Assert.IsType<PullRequestEvent>(Read("pull_request", payload)).IsFork);
    }

    [Fact]
    public void Push_of_a_tag_is_a_release_of_that_tag()
    {
        var release = Assert.IsType<ReleaseEvent>(Read("push", """
            { "ref": "refs/tags/connector-a/v2.0.0", "after": "3333333333333333333333333333333333333333", "deleted": false, "created": true }
            """));

        Assert.Equal("connector-a/v2.0.0", release.Tag);
        Assert.Equal("3333333333333333333333333333333333333333", release.Sha);
    }

    [Fact]
    public void Push_that_deletes_a_tag_is_ignored()
    {
        var ignored = Assert.IsType<IgnoredEvent>(Read("push", """
            { "ref": "refs/tags/v2.0.0", "after": "0000000000000000000000000000000000000000", "deleted": true }
            """));

        Assert.Equal("tag 'v2.0.0' was deleted: nothing to certify.", ignored.Reason);
    }

    [Fact]
    public void Push_to_a_branch_is_ignored()
    {
        var ignored = Assert.IsType<IgnoredEvent>(Read("push", """{ "ref": "refs/heads/main", "deleted": false }"""));

        Assert.Contains("'refs/heads/main' is not a tag", ignored.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Published_release_or_prerelease_is_acted_on(bool prerelease)
    {
        var release = Assert.IsType<ReleaseEvent>(Read("release", $$"""
            { "action": "published", "release": { "tag_name": "v2.0.0", "name": "2.0.0", "draft": false,
              "prerelease": {{(prerelease ? "true" : "false")}}, "html_url": "https://github.com/acme/venafi-connector/releases/tag/v2.0.0" } }
            """));

        Assert.Equal("v2.0.0", release.Tag);
        Assert.Equal(prerelease, release.Prerelease);
        Assert.Equal("c0ffee0000000000000000000000000000000001", release.Sha);
        Assert.Equal("https://github.com/acme/venafi-connector/releases/tag/v2.0.0", release.HtmlUrl);
    }

    [Theory]
    [InlineData("released")]
    [InlineData("prereleased")]
    [InlineData("created")]
    [InlineData("edited")]
    public void Other_actions_of_the_same_release_are_ignored_so_one_release_acts_once(string action)
    {
        var ignored = Assert.IsType<IgnoredEvent>(Read("release", $$"""
            { "action": "{{action}}", "release": { "tag_name": "v2.0.0", "draft": false, "prerelease": false } }
            """));

        Assert.Contains("on 'published'", ignored.Reason);
    }

    [Fact]
    public void Draft_release_is_ignored()
    {
        var ignored = Assert.IsType<IgnoredEvent>(Read("release", """
            { "action": "published", "release": { "tag_name": "v2.0.0", "draft": true, "prerelease": false } }
            """));

        Assert.Contains("is a draft", ignored.Reason);
    }

    [Fact]
    public void Workflow_dispatch_exposes_its_inputs()
    {
        var dispatch = Assert.IsType<WorkflowDispatchEvent>(Read("workflow_dispatch", """
            { "ref": "refs/heads/main", "inputs": { "version": " 1.5.0 ", "previous-version": "", "dry": false } }
            """));

        Assert.Equal("1.5.0", dispatch.Input("version"));
        Assert.Null(dispatch.Input("previous-version"));
        Assert.Equal("false", dispatch.Inputs["dry"]);
        Assert.Equal("refs/heads/main", dispatch.Ref);
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("schedule")]
    [InlineData("merge_group")]
    public void Other_events_are_ignored_with_a_reason(string eventName)
    {
        var ignored = Assert.IsType<IgnoredEvent>(Read(eventName, "{}"));

        Assert.Contains($"nothing to do for '{eventName}'", ignored.Reason);
    }

    [Fact]
    public void Missing_event_name_or_payload_is_a_one_line_input_error()
    {
        var noName = Assert.Throws<ActionInputException>(() => EventReader.Read(_ => null));
        var noPayload = Assert.Throws<ActionInputException>(() => EventReader.Read(name => name == "GITHUB_EVENT_NAME" ? "release" : null));
        var badJson = Assert.Throws<ActionInputException>(() => Read("release", "{ not json"));
        var noTag = Assert.Throws<ActionInputException>(() => Read("release", """{ "action": "published", "release": {} }"""));

        Assert.StartsWith("GITHUB_EVENT_NAME is not set", noName.Message);
        Assert.StartsWith("the event payload GITHUB_EVENT_PATH", noPayload.Message);
        Assert.Contains("is not valid JSON", badJson.Message);
        Assert.Equal("the release event payload has no 'release.tag_name'.", noTag.Message);
        Assert.DoesNotContain('\n', noName.Message + noPayload.Message + badJson.Message + noTag.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
