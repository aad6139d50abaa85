using CertKit.Action.Reporting;

namespace CertKit.Action.Cli;

/// <summary>What the action asks the decision engine: the repository, the refs, and the user's overrides.</summary>
public sealed record ActionDecisionRequest(
    string Program,
    string? PolicyFile,
    string RepositoryPath,
    string? BaseRef,
    string HeadRef,
    string? Version,
    string? PreviousVersion,
    string? TagPattern)
{
    /// <summary>How much evidence to gather (the <c>evidence</c> input).</summary>
    public Evidence.EvidenceMode Evidence { get; init; } = CertKit.Action.Evidence.EvidenceMode.None;

    /// <summary>The last certified version (the <c>certified-version</c> input, or a certified re-certification issue), or null.</summary>
    public string? CertifiedVersion { get; init; }

    /// <summary>Where <see cref="CertifiedVersion"/> comes from ("issue #12, closed 2026-05-02").</summary>
    public string? CertifiedSource { get; init; }
}

/// <summary>
/// The decision engine as the action sees it. Throws <see cref="DecisionFailedException"/> (one line) when no
/// decision can be made from the repository and inputs.
/// </summary>
public interface IDecisionSource
{
    ActionDecision Decide(ActionDecisionRequest request);
}

/// <summary>No decision could be made (bad version, shallow clone, missing ref…); the message is one line.</summary>
public sealed class DecisionFailedException(string message, Exception? inner = null) : Exception(message, inner);
