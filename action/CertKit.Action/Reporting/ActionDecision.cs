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
}
