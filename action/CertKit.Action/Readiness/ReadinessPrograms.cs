using CertKit.Action.Policies;

namespace CertKit.Action.Readiness;

/// <summary>A check as a program lists it: its id and the program's own words for the requirement.</summary>
internal sealed record ProgramCheck(string Id, string Requirement);

/// <summary>A certification program's review as a list of checks (data, like the policies).</summary>
internal sealed record ReadinessProgram(string Id, string Name, IReadOnlyList<ProgramCheck> Checks);

/// <summary>
/// What each program's review asks that a repository can show, quoted from the programs' texts (<c>shared/seeds</c>) and,
/// where marked, their public developer documentation.
/// </summary>
internal static class ReadinessPrograms
{
    private const string CommercetoolsHardcoded = "Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration.";
    private const string AdobeEncryption = "Make sure you're encrypting all the tokens as well as your partner \"App Secret\".";

    public static readonly ReadinessProgram Commercetools = new("commercetools", "commercetools Connect",
    [
        new("connect-yaml", "Must contain a configured `connect.yaml` file in the root directory."),
        new("directory-structure", "Must have a specific directory structure. Must follow language-specific configurations to support buildpack. Must have self-contained dependencies, with global dependencies referenced in `package.json`."),
        new("secured-configuration", CommercetoolsHardcoded + " (Secrets belong in `securedConfiguration`.)"),
        new("api-scopes", "Stable and secure, with no security vulnerabilities. (Connect docs: `inheritAs.apiClient.scopes` grants the deployment's API client; request the least privilege.)"),
        new("license", "License files."),
        new("documentation", "Installation guide and documentation."),
        new("creator-contact", "Creator information and contact details."),
        new("tests", "Unit tests and self-contained integration tests."),
        new("git-tag", "Must have a Git tag that remains the same during the certification process."),
        new("dependencies", "Must not use outdated or insecure dependency libraries."),
        new("hardcoded-values", CommercetoolsHardcoded),
        new("production-code", "Should not include logs or any code/configuration which are not intended for production use."),
        new("runtime", "Must follow language-specific configurations to support buildpack. (Connect docs, supported runtimes: Node.js 22 or 24; Java LTS with Maven.)"),
    ]);

    public static readonly ReadinessProgram Venafi = new("venafi", "Venafi TLS Protect Cloud",
    [
        new("documentation", "Foundation 5: Accompanying documentation must be packaged with the integration and should include any necessary configuration instructions."),
        new("usage-examples", "Foundation 5: … as well as clear usage examples."),
        new("support-model", "Foundation 6: The support model is clearly defined for all user types."),
        new("tests", "Advanced 3: Automated testing must be put in place to test all documented functionality of your integration."),
        new("endpoint-inventory", "Advanced 4: All REST endpoints and/or VCert functions used by the integration must be documented and provided to Venafi."),
        new("hardcoded-values", "Foundation 3: The integration was developed with overall security best practices in mind."),
        new("data-harvesting", "Foundation 3: … and makes no attempts to harvest user data."),
        new("demo", "Foundation 7: A demonstration of all documented functionality must be scheduled & completed with the Venafi Ecosystem team."),
    ]);

    public static readonly ReadinessProgram AdobeSign = new("adobe-sign", "Adobe Sign",
    [
        new("token-encryption", AdobeEncryption + " They will verify with you that you are storing all tokens for the integration in an encrypted format."),
        new("app-secret", AdobeEncryption),
        new("oauth-redirect-https", "Following the OWASP top 10. (Adobe Sign developer guide: the OAuth redirect_uri must use https.)"),
        new("oauth-state", "Following the OWASP top 10. (Adobe Sign developer guide: the authorize request carries a state value the callback verifies.)"),
        new("api-access-point", "Adobe Sign developer guide: use the api_access_point returned by OAuth, never a hardcoded regional shard host."),
        new("oauth-scopes", "If your integration functionality, or permissions related to your app need to change in the future, the application will need to be re-certified."),
        new("tls", "Following the OWASP top 10 (A02: cryptographic failures)."),
    ]);

    public static readonly IReadOnlyList<ReadinessProgram> BuiltIn = [Venafi, Commercetools, AdobeSign];

    /// <summary>The values <c>--program</c> accepts.</summary>
    public static IReadOnlyList<string> ProgramNames { get; } = [.. BuiltIn.Select(program => program.Id), PolicyCatalog.Custom];

    /// <summary>
    /// A built-in program, or for <c>custom</c> the <c>checks:</c> picked in <c>certkit.yml</c> (at the repository root,
    /// or <paramref name="policyFile"/>), each with its default requirement.
    /// </summary>
    public static ReadinessProgram Resolve(string program, string? policyFile, string repositoryPath)
    {
        if (program != PolicyCatalog.Custom)
        {
            if (policyFile is not null)
            {
                throw new CertKitException($"--policy is for --program custom; the {program} checks are built in");
            }

            return BuiltIn.FirstOrDefault(candidate => candidate.Id == program)
                ?? throw new CertKitException($"unknown program '{program}' (expected {string.Join("|", ProgramNames)})");
        }

        var path = policyFile ?? Path.Combine(repositoryPath, PolicyFile.DefaultFileName);
        if (!File.Exists(path))
        {
            throw new CertKitException(policyFile is null
                ? $"--program custom reads the checks from {PolicyFile.DefaultFileName}, and '{repositoryPath}' has none (add checks: [license, tests, …] or pass --policy FILE)"
                : $"policy file '{policyFile}' does not exist");
        }

        var file = PolicyFile.Load(path);
        if (file.Checks is not { Count: > 0 } checks)
        {
            throw new CertKitException($"{file.Name}: no checks: list the checks to run, e.g. checks: [license, tests] (known: {string.Join(", ", CheckCatalog.Ids)})");
        }

        var picked = new List<ProgramCheck>();
        foreach (var (id, line) in checks)
        {
            var check = CheckCatalog.Find(id)
                ?? throw new CertKitException($"{file.Name}:{line}: unknown check '{id}' (known: {string.Join(", ", CheckCatalog.Ids)})");
            if (picked.All(existing => existing.Id != id))
            {
                picked.Add(new ProgramCheck(id, check.Requirement));
            }
        }

        return new ReadinessProgram(PolicyCatalog.Custom, file.Program ?? "custom", picked);
    }
}
