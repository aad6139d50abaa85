using CertKit.Action.Readiness.Checks;
using CertKit.Analyzers;

namespace CertKit.Action.Readiness;

/// <summary>Every readiness check by id: the programs and <c>certkit.yml</c> name them from here.</summary>
internal static class CheckCatalog
{
    private static readonly IReadOnlyList<IReadinessCheck> All =
    [
        new ConnectYamlCheck(),
        new DirectoryStructureCheck(),
        new SecuredConfigurationCheck(),
        new ApiScopesCheck(),
        new LicenseCheck(),
        new DocumentationCheck(),
        new UsageExamplesCheck(),
        new SupportModelCheck(),
        new CreatorContactCheck(),
        new TestsCheck(),
        new GitTagCheck(),
        new RuntimeCheck(),
        new DependenciesCheck(),
        new EndpointInventoryCheck(),
        new ScanFindingsCheck("hardcoded-values", "No hardcoded URLs, tokens, credentials or passwords in code and configuration.", RuleIds.HardcodedUrl, RuleIds.HardcodedCredential, RuleIds.HardcodedSecretContent, RuleIds.HardcodedAdobeSignShard),
        new ScanFindingsCheck("production-code", "No logs or code/configuration not intended for production use.", RuleIds.NonProductionOutput, RuleIds.SensitiveDataInLogs, RuleIds.DebugFeatureOutsideDevelopment),
        new ScanFindingsCheck("token-encryption", "All tokens are stored encrypted.", RuleIds.PlaintextTokenStorage),
        new ScanFindingsCheck("app-secret", "The partner app secret is never in source or configuration.", RuleIds.HardcodedCredential, RuleIds.HardcodedSecretContent),
        new ScanFindingsCheck("api-access-point", "Adobe Sign calls go to the account's api_access_point, never a hardcoded shard host.", RuleIds.HardcodedAdobeSignShard),
        new ScanFindingsCheck("tls", "TLS certificates are validated.", RuleIds.TlsValidationDisabled),
        new OAuthRedirectHttpsCheck(),
        new OAuthStateCheck(),
        new OAuthScopesCheck(),
        new BaseUriCachedCheck(),
        new SoapApiCheck(),
        new ManualCheck("data-harvesting", "The integration makes no attempts to harvest user data.", "a reviewer judges what the integration collects and sends; state it in the documentation (what is read, what is stored, where it goes)"),
        new ManualCheck("demo", "A demonstration of all documented functionality is scheduled and completed.", "schedule the demonstration with the Venafi Ecosystem team (https://venafi-service-certification.paperform.co); for Advanced, a 5-10 minute demo video must be available online"),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(check => check.Id)];

    public static IReadinessCheck? Find(string id) => All.FirstOrDefault(check => check.Id == id);
}
