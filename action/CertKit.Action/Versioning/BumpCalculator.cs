using NuGet.Versioning;

namespace CertKit.Action.Versioning;

/// <summary>A bump and whether a 0.y.z minor bump was promoted to major.</summary>
public sealed record Bump(BumpKind Kind, bool PromotedFromZeroMajorMinor)
{
    /// <summary>Whether the bump moves from a pre-release to the release of the same version (<c>2.0.0-rc.1 → 2.0.0</c>).</summary>
    public bool ReleasesPrerelease { get; init; }
}

/// <summary>Classifies the move from a previous version to the current one (NuGet.Versioning ordering, build metadata ignored).</summary>
public static class BumpCalculator
{
    public static Bump Compute(NuGetVersion? previous, NuGetVersion current, bool zeroMajorMinorIsMajor)
    {
        if (previous is null)
        {
            return new Bump(BumpKind.Initial, false);
        }

        var order = VersionText.Comparer.Compare(current, previous);
        if (order == 0)
        {
            return new Bump(BumpKind.None, false);
        }

        if (order < 0)
        {
            return new Bump(BumpKind.Downgrade, false);
        }

        if (current.Major != previous.Major)
        {
            return new Bump(BumpKind.Major, false);
        }

        if (current.Minor != previous.Minor)
        {
            // SemVer §4: in 0.y.z anything may change at any time, so a minor bump can break like a major one.
            return current.Major == 0 && zeroMajorMinorIsMajor
                ? new Bump(BumpKind.Major, true)
                : new Bump(BumpKind.Minor, false);
        }

        if (current.Patch != previous.Patch || current.Revision != previous.Revision)
        {
            return new Bump(BumpKind.Patch, false);
        }

        // Same numbers, so only the pre-release label differs; the current one is higher.
        return new Bump(BumpKind.Prerelease, false) { ReleasesPrerelease = !current.IsPrerelease };
    }
}
