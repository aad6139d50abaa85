using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CertKit.Action.Tests.TestServer;

/// <summary>
/// A GitHub-compatible REST server on 127.0.0.1 (Kestrel, a free port), answering the endpoints Octokit calls
/// with GitHub's response shapes (repositories, issues, comments, labels; Link pagination), recording every request,
/// and applying injected <see cref="Fault"/>s. <see cref="PathPrefix"/> serves the API under a path, as GitHub
/// Enterprise Server does (<c>/api/v3</c>).
/// </summary>
public sealed partial class GitHubTestServer : IAsyncDisposable
{
    public const string HtmlHost = "https://github.test";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Fault> _faults = [];
    private long _nextId = 5_000_000;

    private GitHubTestServer(WebApplication app, string pathPrefix)
    {
        _app = app;
        PathPrefix = pathPrefix;
    }

    public static async Task<GitHubTestServer> StartAsync(string pathPrefix = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new GitHubTestServer(app, pathPrefix.TrimEnd('/'));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Origin = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public string Origin { get; private set; } = string.Empty;

    public string PathPrefix { get; }

    /// <summary>What <c>GITHUB_API_URL</c> is set to.</summary>
    public string ApiUrl => Origin + PathPrefix;

    /// <summary>
    /// Awaited with each request's method and path before it is carried out, outside the server's lock: lets a test
    /// change the state between two requests of one client, as a concurrent client would (<see cref="AddIssue"/> and
    /// <see cref="Inject"/> take the lock themselves), or hold one client's request until another client has got
    /// somewhere (bound the wait in the test).
    /// </summary>
    public Func<string, string, Task>? BeforeRequest { get; set; }

    /// <summary>When set, requests must carry this token.</summary>
    public string? ValidToken { get; set; }

    public Dictionary<string, FakeRepository> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeRepository AddRepository(string fullName)
    {
        var repository = new FakeRepository(fullName);
        lock (_gate)
        {
            Repositories[fullName] = repository;
        }

        return repository;
    }

    public void Inject(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public FakeIssue AddIssue(FakeRepository repository, string title, string? body, IEnumerable<string>? labels = null, string state = "open", bool pullRequest = false)
    {
        lock (_gate)
        {
            var issue = new FakeIssue { Id = ++_nextId, Number = repository.NextNumber++, Title = title, Body = body, State = state, IsPullRequest = pullRequest };
            issue.Labels.AddRange(labels ?? []);
            repository.Issues.Add(issue);
            return issue;
        }
    }

    public FakeComment AddComment(FakeIssue issue, string body, string login = "someone")
    {
        lock (_gate)
        {
            var comment = new FakeComment { Id = ++_nextId, Body = body, Login = login };
            issue.Comments.Add(comment);
            return comment;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var path = request.Path.Value ?? "/";
        var authorization = request.Headers.Authorization.ToString();
        Reply reply;
        Fault? fault;
        if (BeforeRequest is { } beforeRequest)
        {
            await beforeRequest(request.Method, path);
        }

        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => f.Matches(request.Method, path));
            if (fault is not null)
            {
                fault.Remaining--;
            }
        }

        lock (_gate)
        {
            reply = fault switch
            {
                { Kind: FaultKind.InternalServerError } => Reply.Error(500, "Internal Server Error"),
                { Kind: FaultKind.BadGateway } => Reply.Error(502, "Server Error"),
                { Kind: FaultKind.SecondaryRateLimit } => Reply.Error(403,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 1234:5678.",
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
                    .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)),
                { Kind: FaultKind.PrimaryRateLimit } => Reply.Error(403,
                    "API rate limit exceeded for installation ID 1.", "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting")
                    .WithHeader("x-ratelimit-remaining", "0")
                    .WithHeader("x-ratelimit-reset", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + fault.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture)),
                { Kind: FaultKind.Forbidden } => Reply.Error(403, "Resource not accessible by integration"),
                { Kind: FaultKind.Unauthorized } => Reply.Error(401, "Bad credentials"),
                { Kind: FaultKind.Validation } => Reply.Validation("Issue", "assignees", "invalid", "nobody"),
                _ when ValidToken is not null && !IsAuthorized(authorization) => Reply.Error(401, "Bad credentials"),
                _ => Route(request.Method, path, request.Query, body),
            };

            if (fault?.Kind == FaultKind.SucceedThenBadGateway)
            {
                reply = Reply.Error(502, "Server Error");
            }

            _requests.Add(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, body, authorization, reply.Status));
        }

        if (fault?.Kind == FaultKind.Slow)
        {
            // Carried out at once, answered late: the client may give up on a request that did happen.
            await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.Headers["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Response.Headers["X-RateLimit-Limit"] = "5000";
        context.Response.Headers["X-RateLimit-Resource"] = "core";
        if (!reply.Headers.ContainsKey("x-ratelimit-remaining"))
        {
            context.Response.Headers["X-RateLimit-Remaining"] = "4990";
            context.Response.Headers["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Json.ToJsonString());
        }
    }

    // GitHub accepts both schemes for a token, case-insensitively.
    private bool IsAuthorized(string authorization)
    {
        var parts = authorization.Split(' ', 2);
        return parts.Length == 2 && parts[0].ToLowerInvariant() is "token" or "bearer" && parts[1] == ValidToken;
    }

    // ---- routing -------------------------------------------------------------------------------------------------

    private Reply Route(string method, string path, IQueryCollection query, string body)
    {
        if (!path.StartsWith(PathPrefix + "/repos/", StringComparison.Ordinal))
        {
            return Reply.Error(404, "Not Found");
        }

        var match = RepositoryPath().Match(path[PathPrefix.Length..]);
        if (!match.Success)
        {
            return Reply.Error(404, "Not Found");
        }

        var fullName = $"{Uri.UnescapeDataString(match.Groups["owner"].Value)}/{Uri.UnescapeDataString(match.Groups["repo"].Value)}";
        if (!Repositories.TryGetValue(fullName, out var repository))
        {
            return Reply.Error(404, "Not Found");
        }

        var rest = match.Groups["rest"].Value;
        var isWrite = method is "POST" or "PATCH" or "PUT" or "DELETE";
        if (isWrite && repository.TokenIsReadOnly)
        {
            return Reply.Error(403, "Resource not accessible by integration");
        }

        JsonObject? input = null;
        if (isWrite && body.Length > 0)
        {
            input = JsonNode.Parse(body) as JsonObject;
        }

        switch (method, rest)
        {
            case ("GET", ""):
                return Reply.Ok(RepositoryJson(repository));
            case ("GET", "/issues"):
                return ListIssues(repository, path, query);
            case ("POST", "/issues"):
                return CreateIssue(repository, input!);
            case ("GET", "/labels"):
                return Reply.Ok(new JsonArray(repository.Labels.Select(label => (JsonNode)LabelJson(repository, label)).ToArray()));
            case ("POST", "/labels"):
                return CreateLabel(repository, input!);
        }

        if (IssuePath().Match(rest) is { Success: true } issueMatch)
        {
            var number = int.Parse(issueMatch.Groups["number"].Value, CultureInfo.InvariantCulture);
            var issue = repository.Issues.FirstOrDefault(i => i.Number == number);
            if (issue is null)
            {
                return Reply.Error(404, "Not Found");
            }

            return (method, issueMatch.Groups["rest"].Value) switch
            {
                ("GET", "") => Reply.Ok(IssueJson(repository, issue)),
                ("PATCH", "") => UpdateIssue(repository, issue, input!),
                ("GET", "/comments") => Paginate(path, query, issue.Comments.OrderBy(c => c.Id).Select(c => (JsonNode)CommentJson(repository, issue, c)).ToList()),
                ("POST", "/comments") => CreateComment(repository, issue, input!),
                ("GET", "/labels") => Reply.Ok(new JsonArray(issue.Labels.Select(name => (JsonNode)LabelJson(repository, FindLabel(repository, name))).ToArray())),
                ("POST", "/labels") => AddLabels(repository, issue, body),
                _ => Reply.Error(404, "Not Found"),
            };
        }

        if (CommentPath().Match(rest) is { Success: true } commentMatch && method is "GET" or "PATCH")
        {
            var id = long.Parse(commentMatch.Groups["id"].Value, CultureInfo.InvariantCulture);
            var owner = repository.Issues.FirstOrDefault(i => i.Comments.Any(c => c.Id == id));
            var comment = owner?.Comments.First(c => c.Id == id);
            if (owner is null || comment is null)
            {
                return Reply.Error(404, "Not Found");
            }

            if (method == "PATCH")
            {
                comment.Body = input!["body"]!.GetValue<string>();
                comment.UpdatedAt = DateTimeOffset.UtcNow;
            }

            return Reply.Ok(CommentJson(repository, owner, comment));
        }

        if (LabelPath().Match(rest) is { Success: true } labelMatch && method == "GET")
        {
            var name = Uri.UnescapeDataString(labelMatch.Groups["name"].Value);
            var label = repository.Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            return label is null ? Reply.Error(404, "Not Found") : Reply.Ok(LabelJson(repository, label));
        }

        return Reply.Error(404, "Not Found");
    }

    private Reply ListIssues(FakeRepository repository, string path, IQueryCollection query)
    {
        var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var labels = query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ascending = query["direction"].ToString() == "asc";
        var matching = repository.Issues
            .Where(issue => state == "all" || issue.State == state)
            .Where(issue => labels.All(label => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase)));
        matching = ascending ? matching.OrderBy(i => i.Number) : matching.OrderByDescending(i => i.Number);
        return Paginate(path, query, matching.Select(issue => (JsonNode)IssueJson(repository, issue)).ToList());
    }

    private Reply Paginate(string path, IQueryCollection query, List<JsonNode> items)
    {
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var size) ? size : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"], out var p) ? p : 1);
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var reply = Reply.Ok(new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).ToArray()));
        var links = new List<string>();
        string Link(int target, string rel)
        {
            var parameters = query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page={target}");
            return $"<{Origin}{path}?{string.Join("&", parameters)}>; rel=\"{rel}\"";
        }

        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
            links.Add(Link(1, "first"));
        }

        if (page < lastPage)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(lastPage, "last"));
        }

        if (links.Count > 0)
        {
            reply.Headers["Link"] = string.Join(", ", links);
        }

        return reply;
    }

    private Reply CreateIssue(FakeRepository repository, JsonObject input)
    {
        var title = input["title"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            return Reply.Validation("Issue", "title", "missing_field", null);
        }

        var issue = new FakeIssue { Id = ++_nextId, Number = repository.NextNumber++, Title = title, Body = input["body"]?.GetValue<string>() };
        if (repository.TokenCanPush)
        {
            foreach (var label in Strings(input["labels"]))
            {
                if (FindLabelOrNull(repository, label) is null)
                {
                    repository.Labels.Add(new FakeLabel(++_nextId, label, "ededed", null));
                }

                issue.Labels.Add(FindLabel(repository, label).Name);
            }

            issue.Assignees.AddRange(Strings(input["assignees"]));
        }

        repository.Issues.Add(issue);
        return Reply.Ok(IssueJson(repository, issue), 201);
    }

    private Reply UpdateIssue(FakeRepository repository, FakeIssue issue, JsonObject input)
    {
        if (input["title"] is { } title)
        {
            issue.Title = title.GetValue<string>();
        }

        if (input["body"] is { } body)
        {
            issue.Body = body.GetValue<string>();
        }

        var stateReason = input["state_reason"]?.GetValue<string>();
        if (input["state"]?.GetValue<string>() is { } state && state != issue.State)
        {
            issue.State = state;
            issue.ClosedAt = state == "closed" ? DateTimeOffset.UtcNow : null;
            issue.StateReason = stateReason ?? (state == "closed" ? "completed" : null);
        }
        else if (stateReason is not null)
        {
            issue.StateReason = stateReason;
        }

        if (repository.TokenCanPush && input["labels"] is JsonArray labels)
        {
            issue.Labels.Clear();
            issue.Labels.AddRange(Strings(labels));
        }

        issue.UpdatedAt = DateTimeOffset.UtcNow;
        return Reply.Ok(IssueJson(repository, issue));
    }

    private Reply CreateComment(FakeRepository repository, FakeIssue issue, JsonObject input)
    {
        var comment = new FakeComment { Id = ++_nextId, Body = input["body"]!.GetValue<string>() };
        issue.Comments.Add(comment);
        return Reply.Ok(CommentJson(repository, issue, comment), 201);
    }

    private Reply CreateLabel(FakeRepository repository, JsonObject input)
    {
        var name = input["name"]!.GetValue<string>();
        if (FindLabelOrNull(repository, name) is not null)
        {
            return Reply.Validation("Label", "name", "already_exists", null);
        }

        var label = new FakeLabel(++_nextId, name, input["color"]?.GetValue<string>() ?? "ededed", input["description"]?.GetValue<string>());
        repository.Labels.Add(label);
        return Reply.Ok(LabelJson(repository, label), 201);
    }

    private Reply AddLabels(FakeRepository repository, FakeIssue issue, string body)
    {
        var node = JsonNode.Parse(body);
        var names = node is JsonArray array ? Strings(array) : Strings(node?["labels"]);
        foreach (var name in names.Where(name => !issue.Labels.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            if (FindLabelOrNull(repository, name) is null)
            {
                repository.Labels.Add(new FakeLabel(++_nextId, name, "ededed", null));
            }

            issue.Labels.Add(name);
        }

        return Reply.Ok(new JsonArray(issue.Labels.Select(name => (JsonNode)LabelJson(repository, FindLabel(repository, name))).ToArray()));
    }

    // ---- GitHub's response shapes --------------------------------------------------------------------------------

    private string ApiRepositoryUrl(FakeRepository repository) => $"{ApiUrl}/repos/{repository.FullName}";

    private static JsonObject UserJson(string login) => new()
    {
        ["login"] = login,
        ["id"] = login == "github-actions[bot]" ? 41898282 : 1000 + Math.Abs(login.GetHashCode(StringComparison.Ordinal) % 1000),
        ["node_id"] = "MDM6Qm90NDE4OTgyODI=",
        ["avatar_url"] = "https://avatars.githubusercontent.com/in/15368?v=4",
        ["gravatar_id"] = "",
        ["url"] = $"https://api.github.test/users/{login}",
        ["html_url"] = $"{HtmlHost}/{login}",
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
    };

    private JsonObject RepositoryJson(FakeRepository repository) => new()
    {
        ["id"] = repository.Id,
        ["node_id"] = "R_kgDOAAAAAA",
        ["name"] = repository.Name,
        ["full_name"] = repository.FullName,
        ["private"] = false,
        ["owner"] = UserJson(repository.Owner),
        ["html_url"] = $"{HtmlHost}/{repository.FullName}",
        ["description"] = "A certified partner integration",
        ["fork"] = false,
        ["url"] = ApiRepositoryUrl(repository),
        ["default_branch"] = "main",
        ["has_issues"] = true,
        ["open_issues_count"] = repository.Issues.Count(i => i.State == "open"),
        ["created_at"] = "2024-01-15T10:00:00Z",
        ["updated_at"] = "2026-11-20T10:00:00Z",
        ["pushed_at"] = "2026-11-20T10:00:00Z",
        ["visibility"] = "public",
        ["permissions"] = new JsonObject
        {
            ["admin"] = false, ["maintain"] = false, ["push"] = repository.TokenCanPush, ["triage"] = repository.TokenCanPush, ["pull"] = true,
        },
    };

    private JsonObject LabelJson(FakeRepository repository, FakeLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = "LA_kwDOAAAAAA",
        ["url"] = $"{ApiRepositoryUrl(repository)}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["description"] = label.Description,
        ["color"] = label.Color,
        ["default"] = false,
    };

    private JsonObject IssueJson(FakeRepository repository, FakeIssue issue)
    {
        var api = $"{ApiRepositoryUrl(repository)}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["url"] = api,
            ["repository_url"] = ApiRepositoryUrl(repository),
            ["labels_url"] = api + "/labels{/name}",
            ["comments_url"] = api + "/comments",
            ["events_url"] = api + "/events",
            ["html_url"] = $"{HtmlHost}/{repository.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["id"] = issue.Id,
            ["node_id"] = "I_kwDOAAAAAA",
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["user"] = UserJson("github-actions[bot]"),
            ["labels"] = new JsonArray(issue.Labels.Select(name => (JsonNode)LabelJson(repository, FindLabel(repository, name))).ToArray()),
            ["state"] = issue.State,
            ["locked"] = false,
            ["assignee"] = issue.Assignees.Count > 0 ? UserJson(issue.Assignees[0]) : null,
            ["assignees"] = new JsonArray(issue.Assignees.Select(login => (JsonNode)UserJson(login)).ToArray()),
            ["milestone"] = null,
            ["comments"] = issue.Comments.Count,
            ["created_at"] = Timestamp(issue.CreatedAt),
            ["updated_at"] = Timestamp(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Timestamp(closed) : null,
            ["author_association"] = "NONE",
            ["active_lock_reason"] = null,
            ["body"] = issue.Body,
            ["closed_by"] = null,
            ["state_reason"] = issue.StateReason ?? (issue.State == "closed" ? "completed" : null),
            ["timeline_url"] = api + "/timeline",
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{ApiRepositoryUrl(repository)}/pulls/{issue.Number}",
                ["html_url"] = $"{HtmlHost}/{repository.FullName}/pull/{issue.Number}",
                ["diff_url"] = $"{HtmlHost}/{repository.FullName}/pull/{issue.Number}.diff",
                ["patch_url"] = $"{HtmlHost}/{repository.FullName}/pull/{issue.Number}.patch",
                ["merged_at"] = null,
            };
        }

        return json;
    }

    private JsonObject CommentJson(FakeRepository repository, FakeIssue issue, FakeComment comment) => new()
    {
        ["url"] = $"{ApiRepositoryUrl(repository)}/issues/comments/{comment.Id}",
        ["html_url"] = $"{HtmlHost}/{repository.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{ApiRepositoryUrl(repository)}/issues/{issue.Number}",
        ["id"] = comment.Id,
        ["node_id"] = "IC_kwDOAAAAAA",
        ["user"] = UserJson(comment.Login),
        ["created_at"] = Timestamp(comment.CreatedAt),
        ["updated_at"] = Timestamp(comment.UpdatedAt),
        ["author_association"] = "NONE",
        ["body"] = comment.Body,
    };

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private FakeLabel FindLabel(FakeRepository repository, string name) =>
        FindLabelOrNull(repository, name) ?? new FakeLabel(0, name, "ededed", null);

    private static FakeLabel? FindLabelOrNull(FakeRepository repository, string name) =>
        repository.Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [];

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex("^/issues/(?<number>[0-9]+)(?<rest>/[a-z]+)?$")]
    private static partial Regex IssuePath();

    [GeneratedRegex("^/issues/comments/(?<id>[0-9]+)$")]
    private static partial Regex CommentPath();

    [GeneratedRegex("^/labels/(?<name>[^/]+)$")]
    private static partial Regex LabelPath();

    private sealed record Reply(int Status, JsonNode? Json)
    {
        public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

        public static Reply Ok(JsonNode json, int status = 200) => new(status, json);

        public Reply WithHeader(string name, string value)
        {
            Headers[name] = value;
            return this;
        }

        public static Reply Error(int status, string message, string documentation = "https://docs.github.com/rest") => new(status, new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = documentation,
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        });

        public static Reply Validation(string resource, string field, string code, string? value) => new(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["field"] = field, ["code"] = code, ["value"] = value }),
            ["documentation_url"] = "https://docs.github.com/rest/issues/issues#create-an-issue",
            ["status"] = "422",
        });
    }
}
