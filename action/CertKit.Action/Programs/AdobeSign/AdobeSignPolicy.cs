using CertKit.Action.Policies;

namespace CertKit.Action.Programs.AdobeSign;

/// <summary>
/// Adobe Sign partner apps: re-certify when the integration's functionality changes (a major or minor bump) or
/// its permissions change (any added or removed OAuth scope, even in a patch). Adobe reviews the app in a running
/// instance, so a pre-release that was reviewed carries its review to its release.
/// </summary>
public sealed class AdobeSignPolicy : RecertificationPolicy
{
    public override string Id => "adobe-sign";

    public override string DisplayName => "Adobe Sign";

    public override string SeedSentence =>
        "If your integration functionality, or permissions realted to your app need to change in the future, the application will need to be re-certified.";

    public override PolicyRule? ScopeChangeRule { get; } = new(
        true,
        "the OAuth scopes are the permissions the app requests, and Adobe Sign re-certifies an app whose permissions change, even in a patch");

    public override IReadOnlyDictionary<ChangeKind, PolicyRule> Rules { get; } = new Dictionary<ChangeKind, PolicyRule>
    {
        [ChangeKind.Initial] = new(true, "this is the app's first certification, not a re-certification (security review before general use)"),
        [ChangeKind.Major] = new(true, "the integration's functionality changes, and Adobe Sign re-certifies when functionality changes"),
        [ChangeKind.Minor] = new(true, "a minor bump adds functionality, and Adobe Sign re-certifies when functionality changes"),
        [ChangeKind.Patch] = new(false, "a patch fixes without changing functionality; only a permission (OAuth scope) change would require it"),
        [ChangeKind.Prerelease] = new(false, "a pre-release iteration belongs to the version under review, whose functionality change was ruled on when its pre-release line began"),
        [ChangeKind.ReleaseOfPrerelease] = new(false, "the release ships the functionality that was reviewed at the pre-release; only a permission (OAuth scope) change would require it"),
        [ChangeKind.None] = new(false, "the version did not change, so the functionality is not released anew; only a permission (OAuth scope) change would require it"),
    };

    public override IReadOnlyDictionary<EvidenceKind, PolicyRule> EvidenceRules { get; } = new Dictionary<EvidenceKind, PolicyRule>
    {
        [EvidenceKind.ApiBreaking] = new(true, "the integration's functionality changes, and Adobe Sign re-certifies when functionality changes"),
        [EvidenceKind.ApiAddition] = new(true, "new public API is new functionality, and Adobe Sign re-certifies when functionality changes"),
        [EvidenceKind.EndpointAdded] = new(true, "calling a new endpoint changes what the integration does, and Adobe Sign re-certifies when functionality changes"),
        [EvidenceKind.EndpointRemoved] = new(true, "no longer calling an endpoint changes what the integration does, and Adobe Sign re-certifies when functionality changes"),
    };
}
