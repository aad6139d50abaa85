namespace CertKit.Action.Reporting;

/// <summary>The decision as the action reports it (the fields of <c>certkit decide --json</c>).</summary>
public sealed record ActionDecision(
    string Program,
    string ProgramName,
    string? PreviousVersion,
    string Version,
    string Bump,
    bool RecertificationRequired,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ScopesAdded,
    IReadOnlyList<string> ScopesRemoved)
{
    public bool ScopesChanged => ScopesAdded.Count > 0 || ScopesRemoved.Count > 0;

    /// <summary>What changed between the compared commits, when evidence was gathered.</summary>
    internal Evidence.EvidenceReport? Evidence { get; init; }

    /// <summary>The bump the evidence implies (major, minor, patch), or null without evidence.</summary>
    public string? ImpliedBump { get; init; }

    /// <summary>Whether the declared bump is lower than the implied one.</summary>
    public bool BumpUnderstated { get; init; }

    /// <summary>What the verdict was judged against (the certified version, or the previous one), in words.</summary>
    public string? Baseline { get; init; }

    /// <summary>The certified version the verdict was judged against, or null when it was judged against the previous version.</summary>
    public string? CertifiedVersion { get; init; }

    /// <summary>The engine's whole decision, when the engine made it (the evidence pack writes it as <c>decide --json</c> does).</summary>
    internal Decision.RecertificationDecision? Engine { get; init; }
}
