using CertKit.Action.Policies;

namespace CertKit.Action.Programs.Commercetools;

/// <summary>
/// commercetools Connect: any change that goes live (bug fixes included) is re-certified, and each certification is
/// of one Git tag, so every new version, pre-releases and the release of a pre-release included, needs it.
/// </summary>
public sealed class CommercetoolsPolicy : RecertificationPolicy
{
    private const string EveryChange =
        "commercetools Connect requires re-certification for any change, bug fixes included, before it goes live " +
        "(push, create a new Git tag, Set Repository to it, Publish with certification: true)";

    public override string Id => "commercetools";

    public override string DisplayName => "commercetools Connect";

    public override string SeedSentence =>
        "If you make any changes to your Connect applications, such as fixing bugs or adding new features, you must re-certify the ConnectorStaged before the changes go live.";

    public override IReadOnlyDictionary<ChangeKind, PolicyRule> Rules { get; } = new Dictionary<ChangeKind, PolicyRule>
    {
        [ChangeKind.Initial] = new(true, "this is the Connector's first certification, not a re-certification (Publish with certification: true)"),
        [ChangeKind.Major] = new(true, EveryChange),
        [ChangeKind.Minor] = new(true, EveryChange),
        [ChangeKind.Patch] = new(true, EveryChange),
        [ChangeKind.Prerelease] = new(true, "a new pre-release is a change too, and it gets its own Git tag to certify before it goes live"),
        [ChangeKind.ReleaseOfPrerelease] = new(
            true,
            "the release gets a new Git tag, and Connect certifies the one tag that remains the same during the certification process, so the pre-release tag's certification does not carry over"),
        [ChangeKind.None] = new(false, "there is no new version or Git tag to certify (releasing changes needs one)"),
    };

    public override IReadOnlyDictionary<EvidenceKind, PolicyRule> EvidenceRules { get; } = new Dictionary<EvidenceKind, PolicyRule>
    {
        [EvidenceKind.ApiBreaking] = new(true, EveryChange),
        [EvidenceKind.ApiAddition] = new(true, EveryChange),
        [EvidenceKind.EndpointAdded] = new(true, EveryChange),
        [EvidenceKind.EndpointRemoved] = new(true, EveryChange),
        [EvidenceKind.ContractBreaking] = new(true, EveryChange),
        [EvidenceKind.ContractChange] = new(true, EveryChange),
    };
}
