using CertKit.Action.Reporting;

namespace CertKit.Action.Programs.AdobeSign;

/// <summary>
/// Adobe Acrobat Sign partner application certification: a security review with the partner manager. The requirements are
/// quoted from the partner certification text (seed <c>002_d49ae4c418af9d9b.txt</c>) and Adobe's API best practices.
/// </summary>
internal static class AdobeSignProgram
{
    public static readonly RequirementSource PartnerCertification = new(
        "Adobe Sign: Partner Application \"Certification\"",
        null,
        "002_d49ae4c418af9d9b.txt",
        new DateOnly(2026, 12, 6));

    public static readonly RequirementSource BestPractices = new(
        "Acrobat Sign developer guide: API Best Practices",
        "https://developer.adobe.com/acrobat-sign/docs/overview/developer_guide/bestpractices",
        null,
        new DateOnly(2026, 12, 6));

    public static readonly RequirementSource EmbedMigration = new(
        "Acrobat Sign Embed 2.0: Changes in the Acrobat Sign product and APIs",
        "https://developer.adobe.com/acrobat-sign/docs/overview/embedpartner/migrationchanges",
        null,
        new DateOnly(2026, 12, 6));

    /// <summary>The OAuth and redirect rules are CertKit's reading of OWASP for an OAuth app; nobody verified a page that states them.</summary>
    private const string Owasp = "following the OWASP top 10";

    private const string Encryption = "making sure you're encrypting all the tokens as well as your partner \"App Secret\"";

    public static CertificationProgram Definition { get; } = new()
    {
        Id = "adobe-sign",
        Aliases = ["acrobat-sign"],
        AlsoKnownAs = ["Adobe Acrobat Sign (formerly EchoSign)", "Acrobat Sign for Government (secure.na1.adobesign.us: OAuth only, no x-api-user)"],
        Policy = new AdobeSignPolicy(),
        PolicySource = PartnerCertification,
        Submission = "Ask the Adobe partner manager for the security review, with this pack (scopes, token storage, endpoints) attached",
        Checks =
        [
            new("token-encryption", "verify with you that you are storing all tokens for the integration in an encrypted format.", PartnerCertification),
            new("app-secret", Encryption, PartnerCertification),
            new("oauth-redirect-https", Owasp, PartnerCertification, "CertKit: an OAuth redirect_uri over plain http exposes the authorization code"),
            new("oauth-state", Owasp, PartnerCertification, "CertKit: the authorize request carries a state value the callback verifies"),
            new("api-access-point", "Cache and reuse the apiAccessPoint for all users within the same account", BestPractices, "never a hardcoded regional shard host"),
            new("base-uri-cached", "Redundant invocation of the getBaseUri API before every REST call for each user within the same account", BestPractices, "a bad practice Adobe names: cache the apiAccessPoint, call getBaseUri again only on INVALID_API_ACCESS_POINT"),
            new("soap-api", "SOAP API usage is disallowed on the 2.0 platform", EmbedMigration, "Embed 2.0; the legacy SOAP API is out of support for every app"),
            new("oauth-scopes", "If your integration functionality, or permissions realted to your app need to change in the future, the application will need to be re-certified.", PartnerCertification),
            new("tls", Owasp, PartnerCertification, "A02: cryptographic failures"),
        ],

        // "If your integration functionality, or permissions related to your app need to change … re-certified";
        // certification is a security review with the partner manager and the security team.
        Checklist = decision =>
        [
            DecisionReport.ScopesChanged(decision)
                ? "Tell the Adobe partner manager which OAuth scopes changed: " + CertificationChecklists.ScopeChanges(decision)
                : "List the changed functionality and any changed OAuth scopes for the Adobe partner manager",
            "Arrange the security review: demonstrate the OAuth connection and the typical send/track/sign use, and give the security team access to an instance",
            "Confirm that all tokens and the app secret are still stored encrypted",
        ],
    };
}
