using CertKit.Action.Tests.TestServer;
using CertKit.Action.GitHub;
using Octokit;

namespace CertKit.Action.Tests.GitHub;

public sealed class IssueCommentsTests : IAsyncLifetime
{
    private const string Marker = "<!-- certkit:pr-report program=adobe-sign -->";
    private static readonly RepositoryName Repository = new("acme", "adobe-sign-connector");
    private GitHubTestServer _server = null!;
    private FakeIssue _pullRequest = null!;

    public async Task InitializeAsync()
    {
        _server = await GitHubTestServer.StartAsync();
        var repository = _server.AddRepository("acme/adobe-sign-connector");
        _pullRequest = _server.AddIssue(repository, "Add agreement_write scope", "PR body", pullRequest: true);
        _server.AddComment(_pullRequest, "LGTM");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Posts_one_comment_then_updates_it_and_leaves_other_comments_alone()
    {
        var comments = new GitHubHarness(_server).Comments;

        var first = await comments.UpsertAsync(Repository, _pullRequest.Number, Marker, $"{Marker}\nminor bump", "pull-requests: write");
        var second = await comments.UpsertAsync(Repository, _pullRequest.Number, Marker, $"{Marker}\nmajor bump", "pull-requests: write");
        var third = await comments.UpsertAsync(Repository, _pullRequest.Number, Marker, $"{Marker}\nmajor bump", "pull-requests: write");

        Assert.Equal(2, _pullRequest.Comments.Count);
        Assert.Equal("LGTM", _pullRequest.Comments[0].Body);
        var ours = _pullRequest.Comments[1];
        Assert.Equal($"{Marker}\nmajor bump", ours.Body);
        Assert.Equal((ours.Id, CommentOutcome.Created), (first.Id, first.Outcome));
        Assert.Equal((ours.Id, CommentOutcome.Updated), (second.Id, second.Outcome));
        Assert.Equal(CommentOutcome.Unchanged, third.Outcome);
        Assert.Equal($"{GitHubTestServer.HtmlHost}/acme/adobe-sign-connector/pull/{_pullRequest.Number}#issuecomment-{ours.Id}", first.Url);
        Assert.Single(_server.Requests, r => r.Method == "PATCH" && r.Path == $"/repos/acme/adobe-sign-connector/issues/comments/{ours.Id}");
    }

    [Fact]
    public async Task A_comment_posted_behind_a_502_is_not_posted_twice()
    {
        _server.Inject(new Fault("POST", "/comments$", FaultKind.SucceedThenBadGateway));
        var comments = new GitHubHarness(_server).Comments;

        var result = await comments.UpsertAsync(Repository, _pullRequest.Number, Marker, $"{Marker}\nminor bump", "pull-requests: write");

        Assert.Equal(CommentOutcome.Created, result.Outcome);
        Assert.Single(_pullRequest.Comments, c => c.Body.Contains(Marker));
        Assert.Single(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_read_only_token_surfaces_as_a_403_for_the_caller_to_fall_back()
    {
        _server.Repositories["acme/adobe-sign-connector"].TokenIsReadOnly = true;
        var comments = new GitHubHarness(_server).Comments;

        var error = await Assert.ThrowsAsync<ForbiddenException>(() =>
            comments.UpsertAsync(Repository, _pullRequest.Number, Marker, $"{Marker}\nminor bump", "pull-requests: write"));

        Assert.True(GitHubErrors.IsPermissionDenied(error));
        Assert.Single(_pullRequest.Comments);
    }
}
