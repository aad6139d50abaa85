namespace CertKit.Analyzers;

/// <summary>The one registry of CertKit rule ids. Ids are fixed once shipped; never reuse one.</summary>
public static class RuleIds
{
    // CK1xxx: hardcoded values (commercetools: "no hardcoded URLs, tokens, credentials, or passwords").
    public const string HardcodedUrl = "CK1001";
    public const string HardcodedCredential = "CK1002";
    public const string HardcodedSecretContent = "CK1003";
    public const string HardcodedAdobeSignShard = "CK1004";

    // CK2xxx: storage (Adobe Sign: "storing all tokens for the integration in an encrypted format").
    public const string PlaintextTokenStorage = "CK2001";

    // CK3xxx: production readiness (commercetools: "no logs or any code/configuration not intended for production use").
    public const string NonProductionOutput = "CK3001";
    public const string SensitiveDataInLogs = "CK3002";
    public const string DebugFeatureOutsideDevelopment = "CK3003";

    // CK4xxx: transport security (OWASP Top 10).
    public const string TlsValidationDisabled = "CK4001";

    /// <summary>
    /// Where every rule's documentation page lives, in the release that built these analyzers (tag <c>v{Version}</c>), so a
    /// help link describes the rule as this version applies it; descriptors and SARIF <c>helpUri</c> link to it.
    /// </summary>
    public const string DocumentationRoot = "https://github.com/certkit/certkit/blob/v" + ReleaseInfo.Version + "/docs/rules/";

    public static string HelpLink(string id) => DocumentationRoot + id + ".md";
}
