namespace CertKit.Action.Programs.Commercetools;

/// <summary>
/// commercetools Connect certification: a Connector's Git tag is certified before it goes live. The requirements are quoted
/// from the Connect certification page (seed <c>001_4da5f1480994dc1d.txt</c>).
/// </summary>
internal static class CommercetoolsProgram
{
    public static readonly RequirementSource Certification = new(
        "commercetools Connect: Certification",
        "https://docs.commercetools.com/connect/certification",
        "001_4da5f1480994dc1d.txt",
        new DateOnly(2026, 12, 6));

    private const string Hardcoded = "Must not contain any hardcoded URLs, tokens, credentials, or passwords in the application code and configuration.";

    public static CertificationProgram Definition { get; } = new()
    {
        Id = "commercetools",
        Aliases = ["connect"],
        AlsoKnownAs = ["commercetools Connect (Connectors on the Connect marketplace)"],
        Policy = new CommercetoolsPolicy(),
        PolicySource = Certification,
        Submission = "Publish the ConnectorStaged with certification: true (the Connect team's semi-automated review e-mails its report)",
        Checks =
        [
            new("connect-yaml", "Must contain a configured `connect.yaml` file in the root directory.", Certification),
            new("directory-structure", "Must have a specific directory structure. Must follow language-specific configurations to support buildpack. Must have self-contained dependencies, with global dependencies referenced in `package.json`.", Certification),
            new("secured-configuration", Hardcoded, Certification, "Secrets belong in `securedConfiguration`."),
            new("api-scopes", "Stable and secure, with no security vulnerabilities.", Certification, "Connect docs: `inheritAs.apiClient.scopes` grants the deployment's API client; request the least privilege."),
            new("license", "License files.", Certification),
            new("documentation", "Installation guide and documentation.", Certification),
            new("creator-contact", "Creator information and contact details.", Certification),
            new("tests", "Unit tests and self-contained integration tests.", Certification),
            new("git-tag", "Must have a Git tag that remains the same during the certification process.", Certification),
            new("dependencies", "Must not use outdated or insecure dependency libraries.", Certification),
            new("hardcoded-values", Hardcoded, Certification),
            new("production-code", "Should not include logs or any code/configuration which are not intended for production use.", Certification),
            new("runtime", "Must follow language-specific configurations to support buildpack.", Certification, "Connect docs, supported runtimes: Node.js 22 or 24; Java LTS with Maven."),
        ],

        // "To re-certify your ConnectorStaged, follow these steps" (1–4).
        Checklist = _ =>
        [
            "Push the changes to the application GitHub repository",
            "Generate a new Git tag (it must remain the same during the certification process)",
            "Use the Set Repository update action on the ConnectorStaged to reference the new tag",
            "Use the Publish update action with `certification` set to `true`, before the changes go live",
        ],
    };
}
