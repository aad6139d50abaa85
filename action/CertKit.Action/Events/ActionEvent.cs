namespace CertKit.Action.Events;

/// <summary>What triggered the workflow run, reduced to what the action needs.</summary>
public abstract record ActionEvent(string EventName);

/// <summary>
/// A pull request: the decision compares its base with its head. <see cref="TokenIsReadOnly"/> is true for a
/// <c>pull_request</c> from a fork, whose <c>GITHUB_TOKEN</c> cannot comment.
/// </summary>
public sealed record PullRequestEvent(
    string EventName,
    int Number,
    string Title,
    string? HtmlUrl,
    string BaseSha,
    string BaseRef,
    string HeadSha,
    string HeadRef,
    string? BaseRepository,
    string? HeadRepository,
    bool IsFork) : ActionEvent(EventName)
{
    public bool TokenIsReadOnly => IsFork && EventName == EventReader.PullRequest;
}

/// <summary>A version was released: a pushed tag or a published GitHub release.</summary>
public sealed record ReleaseEvent(
    string EventName,
    string Tag,
    string? Sha,
    bool Prerelease,
    string? ReleaseName,
    string? HtmlUrl) : ActionEvent(EventName);

/// <summary>A manual run; its inputs may name the versions explicitly.</summary>
public sealed record WorkflowDispatchEvent(
    string EventName,
    string? Ref,
    string? Sha,
    IReadOnlyDictionary<string, string> Inputs) : ActionEvent(EventName)
{
    public string? Input(string name) =>
        Inputs.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>An event the action does not act on (or a duplicate of one it does): a notice and exit 0.</summary>
public sealed record IgnoredEvent(string EventName, string Reason) : ActionEvent(EventName);
