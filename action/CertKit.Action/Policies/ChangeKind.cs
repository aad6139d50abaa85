using CertKit.Action.Versioning;

namespace CertKit.Action.Policies;

/// <summary>The change a policy rules on: the bump kinds, with the release of a pre-release told apart from a new pre-release.</summary>
public enum ChangeKind
{
    Initial,
    Major,
    Minor,
    Patch,

    /// <summary>A new pre-release of the same version (<c>2.0.0-rc.1 → 2.0.0-rc.2</c>).</summary>
    Prerelease,

    /// <summary>The release of a pre-release (<c>2.0.0-rc.1 → 2.0.0</c>).</summary>
    ReleaseOfPrerelease,

    None,
}

/// <summary>One row of a policy: whether the change requires re-certification, and why (the program's rule, in words).</summary>
public sealed record PolicyRule(bool Required, string Rationale);

internal static class ChangeKinds
{
    public static ChangeKind From(Bump bump) => bump.Kind switch
    {
        BumpKind.Initial => ChangeKind.Initial,
        BumpKind.Major => ChangeKind.Major,
        BumpKind.Minor => ChangeKind.Minor,
        BumpKind.Patch => ChangeKind.Patch,
        BumpKind.Prerelease => bump.ReleasesPrerelease ? ChangeKind.ReleaseOfPrerelease : ChangeKind.Prerelease,
        BumpKind.None => ChangeKind.None,
        _ => throw new ArgumentOutOfRangeException(nameof(bump), bump.Kind, "a downgrade is not a change a policy rules on"),
    };
}
