using CertKit.Action.Policies;

namespace CertKit.Action.Programs.Venafi;

/// <summary>
/// Venafi TLS Protect Cloud: re-certify for a major release or a feature addition (a SemVer major or minor bump);
/// what Venafi calls a minor release (a SemVer patch) does not need it. Venafi certifies releases listed on its
/// Marketplace, so pre-releases are not ruled on and a release is judged against the last release.
/// </summary>
public sealed class VenafiPolicy : RecertificationPolicy
{
    public override string Id => "venafi";

    public override string DisplayName => "Venafi TLS Protect Cloud";

    public override string SeedSentence =>
        "For now, we'd like you to re-certify for any Major release or feature addition/enhancement. Minor releases don't require re-certification.";

    public override bool PrereleasesAreNotCertified => true;

    public override IReadOnlyDictionary<ChangeKind, PolicyRule> Rules { get; } = new Dictionary<ChangeKind, PolicyRule>
    {
        [ChangeKind.Initial] = new(true, "this is the integration's first certification, not a re-certification (submit a Certification Request)"),
        [ChangeKind.Major] = new(true, "Venafi asks to re-certify for any Major release"),
        [ChangeKind.Minor] = new(true, "a minor bump adds features, and Venafi asks to re-certify for any feature addition/enhancement"),
        [ChangeKind.Patch] = new(false, "a patch (fixes, no new feature) is what Venafi calls a minor release, and minor releases don't require re-certification"),
        [ChangeKind.Prerelease] = new(false, "Venafi certifies releases, not pre-releases"),
        [ChangeKind.ReleaseOfPrerelease] = new(false, "Venafi certifies releases, not pre-releases"),
        [ChangeKind.None] = new(false, "there is no new release to certify"),
    };

    public override IReadOnlyDictionary<EvidenceKind, PolicyRule> EvidenceRules { get; } = new Dictionary<EvidenceKind, PolicyRule>
    {
        [EvidenceKind.ApiBreaking] = new(true, "a breaking change makes it a Major release whatever its label, and Venafi asks to re-certify for any Major release"),
        [EvidenceKind.ApiAddition] = new(true, "Venafi asks to re-certify for any feature addition/enhancement, and new public API is one"),
        [EvidenceKind.EndpointAdded] = new(true, "Venafi asks to re-certify for any feature addition/enhancement, and calling a new endpoint is one (the REST endpoints and VCert functions used must be documented to Venafi)"),
        [EvidenceKind.EndpointRemoved] = new(false, "an endpoint no longer called removes no feature Venafi certified on its own; update the endpoint list given to Venafi"),
    };
}
