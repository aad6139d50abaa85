using CertKit.Action.Decision;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Tests.Decision;

/// <summary>Decisions as the engine makes them, for the reports' tests: explicit versions, the given verdict and reasons.</summary>
internal static class Decisions
{
    public static RecertificationDecision Made(
        string program, string programName, string? previous, string version, BumpKind bump, bool required,
        IReadOnlyList<string> reasons, IReadOnlyList<string>? scopesAdded = null, IReadOnlyList<string>? scopesRemoved = null) =>
        new()
        {
            Program = program,
            ProgramName = programName,
            Previous = previous is null ? null : new DiscoveredVersion(NuGetVersion.Parse(previous), VersionSourceKind.Explicit, "--previous-version", null),
            Current = new DiscoveredVersion(NuGetVersion.Parse(version), VersionSourceKind.Explicit, "--version", null),
            Bump = bump,
            RecertificationRequired = required,
            Reasons = reasons,
            Scopes = new ScopeComparison { Compared = scopesAdded is not null || scopesRemoved is not null, Added = scopesAdded ?? [], Removed = scopesRemoved ?? [] },
        };
}
