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

    /// <summary>The version the verdict judged the change against (see <see cref="Policies.PolicyVerdict.ComparedWith"/>).</summary>
    public NuGetVersion? ComparedWith { get; init; }

    public NuGetVersion? PreviousVersion => Previous?.Version;

    public NuGetVersion Version => Current.Version;
}
