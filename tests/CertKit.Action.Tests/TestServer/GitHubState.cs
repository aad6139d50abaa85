namespace CertKit.Action.Tests.TestServer;

/// <summary>The repositories the fake GitHub serves; mutated by requests, inspected by tests.</summary>
public sealed class FakeRepository(string fullName)
{
    public string FullName { get; } = fullName;
    public string Owner => FullName.Split('/')[0];
    public string Name => FullName.Split('/')[1];
    public long Id { get; } = 700_000 + (Math.Abs(fullName.GetHashCode(StringComparison.Ordinal)) % 100_000);

    /// <summary>Without push access GitHub drops the labels and assignees of a new issue, silently.</summary>
    public bool TokenCanPush { get; set; } = true;

    /// <summary>A read-only token (a fork's pull_request run): every write is a 403.</summary>
    public bool TokenIsReadOnly { get; set; }

    public List<FakeIssue> Issues { get; } = [];
    public List<FakeLabel> Labels { get; } = [];
    public int NextNumber { get; set; } = 1;
}

public sealed class FakeIssue
{
    public required long Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string State { get; set; } = "open";

    /// <summary>GitHub's <c>state_reason</c>: <c>completed</c>, <c>not_planned</c>, <c>reopened</c> or none.</summary>
    public string? StateReason { get; set; }
    public bool IsPullRequest { get; init; }
    public List<string> Labels { get; } = [];
    public List<string> Assignees { get; } = [];
    public List<FakeComment> Comments { get; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class FakeComment
{
    public required long Id { get; init; }
    public required string Body { get; set; }
    public string Login { get; init; } = "github-actions[bot]";
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed record FakeLabel(long Id, string Name, string Color, string? Description);

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? Authorization, int Status);
