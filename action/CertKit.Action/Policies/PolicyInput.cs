using CertKit.Action.Scopes;
using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Policies;

/// <summary>Everything a policy looks at: the versions and their bump, the last release, scope and path changes.</summary>
public sealed record PolicyInput
{
    public required NuGetVersion? PreviousVersion { get; init; }

    public required NuGetVersion Version { get; init; }

    public required Bump Bump { get; init; }

    /// <summary>Whether a 0.y.z minor bump counts as major (the policy's setting or the command line's).</summary>
    public bool ZeroMajorMinorIsMajor { get; init; } = true;

    /// <summary>The highest release (no pre-release label) below <see cref="Version"/>, when tags show one.</summary>
    public NuGetVersion? LastRelease { get; init; }

    /// <summary>The OAuth scope comparison, when the policy asked for one.</summary>
    public ScopeComparison Scopes { get; init; } = ScopeComparison.NotCompared("the policy does not consider OAuth scopes");

    /// <summary>The files changed since the previous version, or null when there was no commit to compare with.</summary>
    public IReadOnlyList<string>? ChangedFiles { get; init; }

    /// <summary>What <see cref="ChangedFiles"/> were compared with ("base main", "tag v1.4.2").</summary>
    public string? ComparedWith { get; init; }

    /// <summary>What changed between the two commits (public API, endpoints, contract), when it was gathered.</summary>
    internal CertKit.Action.Evidence.EvidenceReport? Evidence { get; init; }
}

/// <summary>
/// A policy's answer: required or not, and every reason, each naming the rule that fired. <see cref="ComparedWith"/> is the
/// version the rule judged the change against: the previous version, or the last release when a pre-release is released
/// under a program that certifies releases only (null when there is none: a first certification).
/// </summary>
public sealed record PolicyVerdict(bool Required, IReadOnlyList<string> Reasons, NuGetVersion? ComparedWith);
