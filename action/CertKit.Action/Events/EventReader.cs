using System.Text.Json;
using CertKit.Action.Runtime;

namespace CertKit.Action.Events;

/// <summary>
/// Reads <c>GITHUB_EVENT_NAME</c> and the payload at <c>GITHUB_EVENT_PATH</c>.
/// One GitHub release fires several <c>release</c> events (<c>created</c>, <c>published</c>, then <c>released</c> or
/// <c>prereleased</c>), each starting its own run: the action acts on <c>published</c> only, which fires once for
/// releases and pre-releases alike (and when a draft is published), and ignores the others so one release files
/// one request even when the workflow subscribes to several types.
/// </summary>
public static class EventReader
{
    public const string PullRequest = "pull_request";
    public const string PullRequestTarget = "pull_request_target";
    public const string Push = "push";
    public const string Release = "release";
    public const string WorkflowDispatch = "workflow_dispatch";

    private const string TagRefPrefix = "refs/tags/";

    public static ActionEvent Read(Func<string, string?> environment)
    {
        var name = environment("GITHUB_EVENT_NAME");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ActionInputException(
                "GITHUB_EVENT_NAME is not set: `certkit action` runs inside GitHub Actions; on a laptop use `certkit decide`.");
        }

        if (name is not (PullRequest or PullRequestTarget or Push or Release or WorkflowDispatch))
        {
            return new IgnoredEvent(name, $"certkit acts on pull_request, push of a tag, release and workflow_dispatch; nothing to do for '{name}'.");
        }

        using var payload = ReadPayload(environment("GITHUB_EVENT_PATH"));
        return Parse(name, payload.RootElement, environment("GITHUB_SHA"), environment("GITHUB_REF"));
    }

    public static ActionEvent Parse(string name, JsonElement payload, string? githubSha, string? githubRef) => name switch
    {
        PullRequest or PullRequestTarget => ParsePullRequest(name, payload),
        Push => ParsePush(payload, githubSha),
        Release => ParseRelease(payload, githubSha),
        WorkflowDispatch => ParseDispatch(payload, githubSha, githubRef),
        _ => new IgnoredEvent(name, $"nothing to do for '{name}'."),
    };

    private static PullRequestEvent ParsePullRequest(string name, JsonElement payload)
    {
        var pullRequest = Required(payload, "pull_request", name);
        var head = Required(pullRequest, "head", name);
        var @base = Required(pullRequest, "base", name);
        var headRepository = String(Object(head, "repo"), "full_name");
        var baseRepository = String(Object(@base, "repo"), "full_name");
        // A fork's head repository is another repository (or gone, when the fork was deleted).
        var isFork = headRepository is null
            || !string.Equals(headRepository, baseRepository, StringComparison.OrdinalIgnoreCase);
        return new PullRequestEvent(
            name,
            Int(pullRequest, "number") ?? Int(payload, "number") ?? throw Malformed(name, "pull_request.number"),
            String(pullRequest, "title") ?? string.Empty,
            String(pullRequest, "html_url"),
            String(@base, "sha") ?? throw Malformed(name, "pull_request.base.sha"),
            String(@base, "ref") ?? string.Empty,
            String(head, "sha") ?? throw Malformed(name, "pull_request.head.sha"),
            String(head, "ref") ?? string.Empty,
            baseRepository,
            headRepository,
            isFork);
    }

    private static ActionEvent ParsePush(JsonElement payload, string? githubSha)
    {
        var gitRef = String(payload, "ref") ?? string.Empty;
        if (!gitRef.StartsWith(TagRefPrefix, StringComparison.Ordinal))
        {
            return new IgnoredEvent(Push, $"a push to '{gitRef}' is not a tag: certkit acts on pushed tags (and on pull requests and releases).");
        }

        var tag = gitRef[TagRefPrefix.Length..];
        if (Bool(payload, "deleted"))
        {
            return new IgnoredEvent(Push, $"tag '{tag}' was deleted: nothing to certify.");
        }

        return new ReleaseEvent(Push, tag, String(payload, "after") ?? githubSha, Prerelease: false, ReleaseName: null, HtmlUrl: null);
    }

    private static ActionEvent ParseRelease(JsonElement payload, string? githubSha)
    {
        var action = String(payload, "action") ?? string.Empty;
        var release = Required(payload, "release", Release);
        var tag = String(release, "tag_name") ?? throw Malformed(Release, "release.tag_name");
        if (Bool(release, "draft"))
        {
            return new IgnoredEvent(Release, $"release '{tag}' is a draft: certkit acts when it is published.");
        }

        if (action != "published")
        {
            return new IgnoredEvent(Release,
                $"release '{tag}' event '{action}' is ignored: certkit acts once per release, on 'published' (subscribe with `types: [published]`).");
        }

        return new ReleaseEvent(Release, tag, githubSha, Bool(release, "prerelease"), String(release, "name"), String(release, "html_url"));
    }

    private static WorkflowDispatchEvent ParseDispatch(JsonElement payload, string? githubSha, string? githubRef)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(payload, "inputs") is { } inputObject)
        {
            foreach (var property in inputObject.EnumerateObject())
            {
                inputs[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return new WorkflowDispatchEvent(WorkflowDispatch, String(payload, "ref") ?? githubRef, githubSha, inputs);
    }

    private static JsonDocument ReadPayload(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new ActionInputException($"the event payload GITHUB_EVENT_PATH ('{path}') is missing.");
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new ActionInputException($"the event payload '{path}' is not valid JSON: {exception.Message}");
        }
    }

    private static JsonElement Required(JsonElement element, string property, string eventName) =>
        Object(element, property) ?? throw Malformed(eventName, property);

    private static ActionInputException Malformed(string eventName, string property) =>
        new($"the {eventName} event payload has no '{property}'.");

    private static JsonElement? Object(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string? String(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var child) && child.ValueKind == JsonValueKind.String
            ? child.GetString()
            : null;

    private static bool Bool(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var child) && child.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var child)
            && child.ValueKind == JsonValueKind.Number && child.TryGetInt32(out var number)
            ? number
            : null;
}
