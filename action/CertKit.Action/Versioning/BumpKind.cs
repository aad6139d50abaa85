namespace CertKit.Action.Versioning;

/// <summary>How a version moved from the previous one. Rendered in lower case (<c>major</c>, …) in JSON and text.</summary>
public enum BumpKind
{
    /// <summary>The major part grew (or, in 0.y.z with the default setting, the minor part: SemVer §4).</summary>
    Major,

    /// <summary>The minor part grew.</summary>
    Minor,

    /// <summary>The patch part (or the fourth, revision, part) grew.</summary>
    Patch,

    /// <summary>Same major.minor.patch(.revision); only the pre-release label moved (<c>rc.1 → rc.2</c>, or <c>rc.1 →</c> the release).</summary>
    Prerelease,

    /// <summary>The same version (build metadata is ignored).</summary>
    None,

    /// <summary>Lower than the previous version.</summary>
    Downgrade,

    /// <summary>There is no previous version: a first certification.</summary>
    Initial,
}

public static class BumpKindNames
{
    public static string ToName(this BumpKind kind) => kind switch
    {
        BumpKind.Major => "major",
        BumpKind.Minor => "minor",
        BumpKind.Patch => "patch",
        BumpKind.Prerelease => "prerelease",
        BumpKind.None => "none",
        BumpKind.Downgrade => "downgrade",
        BumpKind.Initial => "initial",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
