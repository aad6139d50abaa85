namespace CertKit.Action.Readiness.Checks;

/// <summary>What the ecosystems' tools said about a repository's dependencies, gathered for the <c>dependencies</c> check.</summary>
internal sealed class DependencyFindings
{
    /// <summary>Advisories at or above the severity threshold: the check fails.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>What could not be judged (a tool missing, no network, no lock file): the check is manual, never passed.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>What was audited and found clean.</summary>
    public List<string> Evidence { get; } = [];

    /// <summary>Outdated packages, advisories below the threshold: never change the status.</summary>
    public List<string> Warnings { get; } = [];
}
