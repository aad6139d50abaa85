using CertKit.Action.Evidence.Api;
using CertKit.Action.Evidence.Contract;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Versioning;

namespace CertKit.Action.Evidence;

/// <summary>How much evidence <c>certkit decide</c> gathers: none, the public API only, or everything (API, endpoints, contract).</summary>
public enum EvidenceMode
{
    None,
    Api,
    All,
}

/// <summary>
/// What changed between two commits, as facts: the public API diff, the endpoints added and removed, the Connect contract
/// changes, and notes on what could not be read fully. Null parts were not gathered (see <see cref="EvidenceMode"/>).
/// </summary>
internal sealed record EvidenceReport(
    string ComparedWith,
    ApiDiffResult? Api,
    EndpointDiffResult? Endpoints,
    IReadOnlyList<ContractChange>? Contract,
    EndpointReport? HeadEndpoints,
    IReadOnlyList<string> Notes)
{
    /// <summary>Which changed files the readers compared and which they could not; null when the changed files are unknown.</summary>
    public EvidenceCoverage? Coverage { get; init; }

    /// <summary>Changed shipped code no reader compared: "no change" would claim more than the evidence saw.</summary>
    public bool Incomplete => Coverage?.Incomplete == true;

    public bool HasBreaking => Api?.Breaking.Count > 0 || Contract?.Any(c => c.Breaking) == true;

    public bool HasAdditions => Api?.Added.Count > 0 || Endpoints?.Added.Count > 0 || Contract?.Any(c => !c.Breaking) == true;

    /// <summary><c>major</c> for any breaking change, <c>minor</c> for additions, else <c>patch</c>.</summary>
    public BumpKind ImpliedBump => HasBreaking ? BumpKind.Major : HasAdditions ? BumpKind.Minor : BumpKind.Patch;

    public bool IsEmpty => !HasBreaking && !HasAdditions && (Endpoints?.Removed.Count ?? 0) == 0;
}
