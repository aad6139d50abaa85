namespace CertKit.Action.Readiness;

/// <summary>How the dependencies check reaches the ecosystems' advisory data.</summary>
/// <param name="NpmRegistry">The npm registry to audit against (npm's own configuration when null).</param>
/// <param name="MinimumSeverity">The lowest advisory severity that fails the check: low, moderate, high or critical.</param>
/// <param name="Timeout">How long one tool run may take.</param>
/// <param name="Environment">Variables set on every tool the check runs (a null value removes one): a seam for tests that
/// keep NuGet's caches in a folder of their own.</param>
internal sealed record DependencyTools(string? NpmRegistry, string MinimumSeverity, TimeSpan Timeout, IReadOnlyDictionary<string, string?>? Environment = null)
{
    public static readonly IReadOnlyList<string> Severities = ["low", "moderate", "high", "critical"];

    public static DependencyTools Default { get; } = new(null, "low", TimeSpan.FromMinutes(3));

    /// <summary>Whether an advisory of <paramref name="severity"/> (npm: info…critical; NuGet: Low…Critical) is at or above the threshold.</summary>
    public bool Fails(string severity)
    {
        var normalized = severity.ToLowerInvariant() switch
        {
            "medium" => "moderate",
            var other => other,
        };
        var index = Severities.ToList().IndexOf(normalized);
        return index >= 0 && index >= Severities.ToList().IndexOf(MinimumSeverity);
    }
}
