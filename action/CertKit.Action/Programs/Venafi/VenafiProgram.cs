namespace CertKit.Action.Programs.Venafi;

/// <summary>
/// Venafi TLS Protect Cloud certification, now CyberArk Certificate Manager SaaS (and, through CyberArk, Palo Alto Networks):
/// the same certification text covers TLS Protect for Kubernetes. The requirements are quoted from the certification guide
/// (Venafi/ecosystem-docs, seed <c>000_25f66f53acc40111.txt</c>).
/// </summary>
internal static class VenafiProgram
{
    public static readonly RequirementSource Guide = new(
        "Venafi TLS Protect Cloud certification guide",
        "https://github.com/Venafi/ecosystem-docs/tree/main/docs/Developers/Certification/TLS-Protect-Cloud",
        "000_25f66f53acc40111.txt",
        new DateOnly(2026, 12, 6));

    public static CertificationProgram Definition { get; } = new()
    {
        Id = "venafi",
        Aliases = ["cyberark", "certificate-manager", "certificate-manager-saas", "tls-protect-cloud"],
        AlsoKnownAs =
        [
            "CyberArk Certificate Manager SaaS (TLS Protect Cloud)",
            "CyberArk Certificate Manager Self-Hosted / Palo Alto Networks Trust Protection Foundation (TPP)",
            "Palo Alto Networks Next-Generation Trust Services (NGTS, api.strata.paloaltonetworks.com/ngts)",
            "TLS Protect for Kubernetes (same requirements, \"REST endpoints and/or jsctl functions\")",
        ],
        Policy = new VenafiPolicy(),
        PolicySource = Guide,
        Submission = "Submit a Certification Request (https://venafi-service-certification-request.paperform.co) or e-mail ecosystem@venafi.com, with the endpoint list and this pack attached",
        Checks =
        [
            new("documentation", "Accompanying documentation must be packaged with the integration and should include any necessary configuration instructions", Guide, "Foundation 5"),
            new("usage-examples", "as well as clear usage examples", Guide, "Foundation 5"),
            new("support-model", "The support model is clearly defined for all user types", Guide, "Foundation 6"),
            new("tests", "Automated testing must be put in place to test all documented functionality of your integration", Guide, "Advanced 3"),
            new("endpoint-inventory", "All REST endpoints and/or VCert functions used by the integration must be documented and provided to Venafi", Guide, "Advanced 4"),
            new("hardcoded-values", "The integration was developed with overall security best practices in mind", Guide, "Foundation 3"),
            new("data-harvesting", "makes no attempts to harvest user data", Guide, "Foundation 3"),
            new("demo", "A demonstration of all documented functionality must be scheduled & completed with the Venafi Ecosystem team", Guide, "Foundation 7"),
        ],

        // "re-certify for any Major release or feature addition/enhancement … submit a new Certification Request";
        // a demo of the documented functionality and automated tests are part of certification.
        Checklist = _ =>
        [
            "Submit a new Certification Request: https://venafi-service-certification-request.paperform.co",
            "Schedule and complete a demonstration of the new or changed functionality with the Venafi Ecosystem team",
            "Re-run the automated tests that cover all documented functionality (Advanced Certification)",
            "Update the documentation packaged with the integration so it describes the new functionality",
        ],
    };
}
