using CertKit.Action.Scopes;
using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Decision;

/// <summary>The decision: versions, bump, whether re-certification is required, every reason, and the scope changes.</summary>
public sealed record RecertificationDecision
{
    public required string Program { get; init; }

    public required string ProgramName { get; init; }

    public required DiscoveredVersion? Previous { get; init; }

    public required DiscoveredVersion Current { get; init; }

    public required BumpKind Bump { get; init; }

    public required bool RecertificationRequired { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required ScopeComparison Scopes { get; init; }

    /// <summary>What the person deciding should know about the inputs (a release tag higher than the version found in a project file, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The version the verdict judged the change against (see <see cref="Policies.PolicyVerdict.ComparedWith"/>).</summary>
    public NuGetVersion? ComparedWith { get; init; }

    /// <summary>What changed between the compared commits, or null when it was not gathered (see <see cref="EvidenceNotGatheredBecause"/>).</summary>
    internal CertKit.Action.Evidence.EvidenceReport? Evidence { get; init; }

    /// <summary>The certified version, when known, and whether the verdict was judged against it.</summary>
    public CertifiedBaseline? Certified { get; init; }

    /// <summary>Why no evidence was gathered (--evidence none, no commit to compare with), or null.</summary>
    public string? EvidenceNotGatheredBecause { get; init; }

    /// <summary>The bump the evidence implies (major, minor, patch), or null without evidence.</summary>
    public BumpKind? ImpliedBump => Evidence?.ImpliedBump;

    /// <summary>Whether the declared bump (patch, minor) is lower than the one the evidence implies.</summary>
    public bool BumpUnderstated => ImpliedBump is { } implied && Bump is BumpKind.Patch or BumpKind.Minor && Rank(Bump) < Rank(implied);

    private static int Rank(BumpKind kind) => kind switch
    {
        BumpKind.Major => 3,
        BumpKind.Minor => 2,
        BumpKind.Patch => 1,
        _ => 0,
    };

    public NuGetVersion? PreviousVersion => Previous?.Version;

    public NuGetVersion Version => Current.Version;
}
