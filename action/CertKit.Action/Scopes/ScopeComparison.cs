namespace CertKit.Action.Scopes;

/// <summary>The OAuth scopes requested at base and at head, and the difference.</summary>
public sealed record ScopeComparison
{
    public required bool Compared { get; init; }

    /// <summary>Why the scopes were not compared, when they were not.</summary>
    public string? NotComparedBecause { get; init; }

    public IReadOnlyList<string> Added { get; init; } = [];

    public IReadOnlyList<string> Removed { get; init; } = [];

    public ScopeSet? Base { get; init; }

    public ScopeSet? Head { get; init; }

    public bool Changed => Added.Count > 0 || Removed.Count > 0;

    public static ScopeComparison NotCompared(string because) => new() { Compared = false, NotComparedBecause = because };

    public static ScopeComparison Between(ScopeSet baseScopes, ScopeSet headScopes) => new()
    {
        Compared = true,
        Base = baseScopes,
        Head = headScopes,
        Added = headScopes.Scopes.Except(baseScopes.Scopes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Removed = baseScopes.Scopes.Except(headScopes.Scopes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
    };
}

/// <summary>The scopes an app requests at one commit, and where they were read.</summary>
public sealed record ScopeSet(IReadOnlyList<string> Scopes, string Origin);
