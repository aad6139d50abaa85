using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers;

/// <summary>Every diagnostic CertKit reports. Titles and messages are what a reviewer reads: keep them plain.</summary>
public static class Descriptors
{
    public const string SecretsCategory = "Certification.Secrets";
    public const string StorageCategory = "Certification.Storage";
    public const string ProductionCategory = "Certification.Production";
    public const string TransportCategory = "Certification.Transport";

    public static readonly DiagnosticDescriptor HardcodedUrl = Create(
        RuleIds.HardcodedUrl,
        "Hardcoded URL",
        "The URL '{0}' is hardcoded; read it from configuration",
        SecretsCategory,
        "Certification reviews (commercetools Connect) reject integrations that contain hardcoded URLs in code or configuration. Read endpoints from configuration so each environment can set its own.");

    /// <summary>CK1001 in a configuration file (appsettings.json, web.config, docker-compose.yml, .env): the advice fits a file the deployment reads.</summary>
    public static readonly DiagnosticDescriptor HardcodedUrlInConfiguration = Create(
        RuleIds.HardcodedUrl,
        "Hardcoded URL",
        "The URL '{0}' is hardcoded in a configuration file; supply it per deployment (environment, secured configuration)",
        SecretsCategory,
        "Certification reviews (commercetools Connect) reject integrations that contain hardcoded URLs in code or configuration. A committed configuration file ships the same value to every environment: leave the key empty or out of the committed file and supply the URL per deployment, from the environment or the platform's secured configuration.");

    /// <summary>CK1001 on the <c>default:</c> of a connect.yaml setting: documented and overridable per deployment, so reported as a note (Info).</summary>
    public static readonly DiagnosticDescriptor HardcodedUrlManifestDefault = Create(
        RuleIds.HardcodedUrl,
        "Hardcoded URL",
        "The URL '{0}' is the default of a connect.yaml setting, which each deployment can override; leave the default empty if every environment must set its own",
        SecretsCategory,
        "A default in the deployment manifest is a documented setting, not a URL hidden in code: the merchant sees it and can change it at deployment. Keep it only when it suits most deployments.");

    /// <summary>CK1001 in a template of settings (.env.template, .env.example): an example value, so reported as a note (Info).</summary>
    public static readonly DiagnosticDescriptor HardcodedUrlTemplateValue = Create(
        RuleIds.HardcodedUrl,
        "Hardcoded URL",
        "The URL '{0}' is an example value in a settings template; mark it as one (a comment, or a placeholder such as https://api.example.com) so it is not deployed unchanged",
        SecretsCategory,
        "A settings template documents which values a deployment sets; its values are copied, so a real URL there should read as an example.");

    public static readonly DiagnosticDescriptor HardcodedCredential = Create(
        RuleIds.HardcodedCredential,
        "Hardcoded credential",
        "'{0}' is given a hardcoded credential; read it from a secret store or the environment",
        SecretsCategory,
        "Certification reviews (commercetools Connect, Adobe Sign, OWASP A07) reject hardcoded tokens, credentials and passwords. Load them from a secret store, the environment or protected configuration.");

    /// <summary>CK1002 found by flow: a literal that reaches a credential sink, whatever it is named (across members and files: reported at compilation end).</summary>
    public static readonly DiagnosticDescriptor HardcodedCredentialFlow = Create(
        RuleIds.HardcodedCredential,
        "Hardcoded credential",
        "This literal reaches {0}; read the credential from a secret store or the environment",
        SecretsCategory,
        "Certification reviews (commercetools Connect, Adobe Sign, OWASP A07) reject hardcoded tokens, credentials and passwords. A literal that flows into a credential parameter or property is one, whatever the variables on the way are called.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CK1002 found by flow inside one member body: reported while the body is analysed, so the IDE shows it as the user types.</summary>
    public static readonly DiagnosticDescriptor HardcodedCredentialLocalFlow = Create(
        RuleIds.HardcodedCredential,
        "Hardcoded credential",
        "This literal reaches {0}; read the credential from a secret store or the environment",
        SecretsCategory,
        "Certification reviews (commercetools Connect, Adobe Sign, OWASP A07) reject hardcoded tokens, credentials and passwords. A literal that flows into a credential parameter or property is one, whatever the variables on the way are called.");

    public static readonly DiagnosticDescriptor HardcodedSecretContent = Create(
        RuleIds.HardcodedSecretContent,
        "Hardcoded secret",
        "This value looks like {0}; remove it from source and rotate it",
        SecretsCategory,
        "A literal has the shape of a real secret (a known token format, a private key or a high-entropy string in a credential context). Secrets in source are leaked secrets: rotate it and load it at run time.");

    /// <summary>CK1003 found by flow: a literal that reaches a cryptographic key or IV (across members and files: reported at compilation end).</summary>
    public static readonly DiagnosticDescriptor HardcodedKeyFlow = Create(
        RuleIds.HardcodedSecretContent,
        "Hardcoded secret",
        "This literal reaches {0}, a cryptographic key; remove it from source, rotate it and load it at run time",
        SecretsCategory,
        "A key written in source is a leaked key: anyone with the code or the binary decrypts or forges what it protects. Load keys from a key vault or protected configuration.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CK1003 found by flow inside one member body: reported while the body is analysed.</summary>
    public static readonly DiagnosticDescriptor HardcodedKeyLocalFlow = Create(
        RuleIds.HardcodedSecretContent,
        "Hardcoded secret",
        "This literal reaches {0}, a cryptographic key; remove it from source, rotate it and load it at run time",
        SecretsCategory,
        "A key written in source is a leaked key: anyone with the code or the binary decrypts or forges what it protects. Load keys from a key vault or protected configuration.");

    public static readonly DiagnosticDescriptor HardcodedAdobeSignShard = Create(
        RuleIds.HardcodedAdobeSignShard,
        "Hardcoded Adobe Sign shard host",
        "'{0}' is one Adobe Sign region's host; call the api_access_point that OAuth returns for the account",
        SecretsCategory,
        "Each Adobe Sign account lives on one regional shard (na1, eu1, au1, jp1, …). OAuth returns it as api_access_point (and web_access_point); a hardcoded shard host breaks every customer on another shard, and Adobe's partner review rejects it.");

    public static readonly DiagnosticDescriptor PlaintextTokenStorage = Create(
        RuleIds.PlaintextTokenStorage,
        "Token stored in plaintext",
        "{0} is written to {1} without encryption; protect it first (IDataProtector, ProtectedData, SecureStorage)",
        StorageCategory,
        "Adobe Sign's security review verifies that all tokens and the app secret are stored encrypted. Pass tokens through a protector before they reach a file, the registry, a cookie, a session, a cache or a database.");

    /// <summary>
    /// CK2001 found across members and files (reported at compilation end): a hardcoded credential that reaches an
    /// authentication cookie, or a token given to this project's own method that stores that parameter in a database or a file.
    /// </summary>
    public static readonly DiagnosticDescriptor PlaintextTokenStorageFlow = Create(
        RuleIds.PlaintextTokenStorage,
        "Token stored in plaintext",
        "{0} is written to {1} without encryption; protect it first (IDataProtector, ProtectedData, SecureStorage)",
        StorageCategory,
        "A credential in an authentication cookie is readable by the browser and everything between it and the server; a token a project's own repository method writes to a database or a file is stored as it is. Issue an opaque, protected session value, and protect tokens before they are stored.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>What a rule's note says first when it marks code the rule could not analyse (a readiness check reads it as a gap, not advice).</summary>
    public const string NotAnalysedPrefix = "Not analysed: ";

    /// <summary>
    /// CK2001 could not see whether a token is stored encrypted: a token-named value is written to an object, or given to
    /// this project's method, whose save call did not resolve (a missing reference). Reported as a note (Info) at compilation end.
    /// </summary>
    public static readonly DiagnosticDescriptor TokenStoreNotResolved = Create(
        RuleIds.PlaintextTokenStorage,
        "Token store not analysed",
        NotAnalysedPrefix + "{0} is written to {1}, whose save call {2} did not resolve (a missing reference); whether the token is stored encrypted could not be checked",
        StorageCategory,
        "CK2001 recognises a database or file store by the types it resolves. Where the persistence library is not referenced (a package that was not restored), the save call binds to nothing and no store is seen: the note says so instead of letting silence read as 'no plaintext token'.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CK2001 found by flow inside one member body: reported while the body is analysed.</summary>
    public static readonly DiagnosticDescriptor PlaintextTokenStorageLocalFlow = Create(
        RuleIds.PlaintextTokenStorage,
        "Token stored in plaintext",
        "{0} is written to {1} without encryption; protect it first (IDataProtector, ProtectedData, SecureStorage)",
        StorageCategory,
        "A credential in an authentication cookie is readable by the browser and everything between it and the server. Issue an opaque, protected session value instead.");

    /// <summary>CK2001 on JS/TS: the same rule, with advice that fits browsers and Node.js.</summary>
    public static readonly DiagnosticDescriptor PlaintextTokenStorageScript = Create(
        RuleIds.PlaintextTokenStorage,
        "Token stored in plaintext",
        "{0} is written to {1} without encryption; keep it server-side (an httpOnly session) or encrypt it first",
        StorageCategory,
        "Web storage and document.cookie are readable by every script on the page; a file is readable by everyone with access to the disk. Tokens and secrets stay on the server, or are encrypted before they are stored.");

    public static readonly DiagnosticDescriptor NonProductionOutput = Create(
        RuleIds.NonProductionOutput,
        "Non-production output",
        "'{0}' is debugging output; use ILogger or remove it",
        ProductionCategory,
        "commercetools Connect rejects logs or code not intended for production use. Console, Debug and Trace output and debugger calls in library and service code are development leftovers.");

    /// <summary>CK3001 on JS/TS: the same rule, with advice that fits Node.js.</summary>
    public static readonly DiagnosticDescriptor NonProductionOutputScript = Create(
        RuleIds.NonProductionOutput,
        "Non-production output",
        "'{0}' is debugging output; log through the service's logger or remove it",
        ProductionCategory,
        "commercetools Connect rejects logs or code not intended for production use. console.* calls, process.stdout/stderr writes and debugger statements in a service's code are development leftovers.");

    public static readonly DiagnosticDescriptor SensitiveDataInLogs = Create(
        RuleIds.SensitiveDataInLogs,
        "Sensitive data written to a log",
        "{0} is written to {1}; log that it exists, never its value",
        ProductionCategory,
        "Tokens, secrets and connection strings written to logs or exception messages leak to everyone who can read the logs (OWASP A09).");

    public static readonly DiagnosticDescriptor DebugFeatureOutsideDevelopment = Create(
        RuleIds.DebugFeatureOutsideDevelopment,
        "Debug-only feature enabled outside development",
        "'{0}' is enabled outside development; guard it with IsDevelopment() or #if DEBUG",
        ProductionCategory,
        "Developer exception pages, Swagger UI, sensitive data logging and detailed errors expose internals. commercetools Connect rejects code not intended for production use.");

    public static readonly DiagnosticDescriptor TlsValidationDisabled = Create(
        RuleIds.TlsValidationDisabled,
        "TLS certificate validation disabled",
        "{0} accepts any server certificate; validate the certificate chain",
        TransportCategory,
        "A certificate callback that always returns true lets anyone intercept the integration's traffic, tokens included (OWASP A02).");

    /// <summary>CK4001 for protocols: SSL 3, TLS 1.0 or TLS 1.1 enabled (<c>SecurityProtocolType</c>, <c>SslProtocols</c>).</summary>
    public static readonly DiagnosticDescriptor DeprecatedTlsProtocol = Create(
        RuleIds.TlsValidationDisabled,
        "Deprecated TLS or SSL protocol enabled",
        "'{0}' enables a deprecated protocol; allow TLS 1.2 and later only, or leave the choice to the operating system",
        TransportCategory,
        "SSL 3, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996, PCI DSS); a client or server that enables them can be downgraded and its traffic, tokens included, read (OWASP A02).");

    /// <summary>
    /// CK4001 for protocols kept in a field or property (<c>static readonly SslProtocols Allowed = Tls | Tls12;</c>, <c>=&gt; Tls | …</c>):
    /// reported at compilation end, once the field or property is seen written out where protocols are enabled.
    /// </summary>
    public static readonly DiagnosticDescriptor DeprecatedTlsProtocolStored = Create(
        RuleIds.TlsValidationDisabled,
        "Deprecated TLS or SSL protocol enabled",
        "'{0}' in '{1}' enables a deprecated protocol where '{1}' is used; allow TLS 1.2 and later only, or leave the choice to the operating system",
        TransportCategory,
        "SSL 3, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996, PCI DSS); a field or property that carries them into a client's or server's protocol setting enables them as surely as a direct assignment (OWASP A02).",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, string description, params string[] customTags) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: RuleIds.HelpLink(id), customTags: customTags);
}
