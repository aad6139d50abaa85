namespace CertKit.Action.Policies;

/// <summary>The kinds of evidence (what changed between two commits) a policy can rule on, beside the version bump.</summary>
public enum EvidenceKind
{
    /// <summary>A breaking change of the public API (removed or changed members, optional parameters made required …).</summary>
    ApiBreaking,

    /// <summary>New public types or members.</summary>
    ApiAddition,

    /// <summary>An outbound endpoint (or VCert function) called at head and not at base.</summary>
    EndpointAdded,

    /// <summary>An outbound endpoint no longer called.</summary>
    EndpointRemoved,

    /// <summary>A connect.yaml change that asks more of a deployment (application removed, key made required).</summary>
    ContractBreaking,

    /// <summary>Any other connect.yaml change (application or key added, API client scopes changed).</summary>
    ContractChange,
}
