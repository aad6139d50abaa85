using System;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// The API hosts of the certification programs' platforms, by region, and the family an endpoint on them belongs to
/// (<c>api.eu.venafi.cloud</c> → "CyberArk Certificate Manager SaaS (EU)", <c>api.strata.paloaltonetworks.com</c> → NGTS).
/// Pure data, shared by the endpoint inventory. Sources (verified 2026-12-06): Venafi/vcert-python README at 59efb24754f9
/// ("Currently, we support the following regions": US, EU, AU, UK, SG, CA), Venafi/VenafiPS VenafiPS.psm1 at ec4f17337ca5
/// (api.eu.venafi.cloud), cert-manager pkg/apis/certmanager/v1/types_issuer.go (NGTS: api.strata.paloaltonetworks.com/ngts
/// and auth.apps.paloaltonetworks.com); see ../shared/programs-2026.md.
/// </summary>
public static class VendorHosts
{
    private const string CertificateManagerSaaS = "CyberArk Certificate Manager SaaS (Venafi TLS Protect Cloud)";

    private static readonly (string Host, string Family)[] Hosts =
    {
        ("api.venafi.cloud", CertificateManagerSaaS + ", US"),
        ("api.venafi.eu", CertificateManagerSaaS + ", EU"),
        ("api.eu.venafi.cloud", CertificateManagerSaaS + ", EU"),
        ("api.au.venafi.cloud", CertificateManagerSaaS + ", AU"),
        ("api.uk.venafi.cloud", CertificateManagerSaaS + ", UK"),
        ("api.sg.venafi.cloud", CertificateManagerSaaS + ", SG"),
        ("api.ca.venafi.cloud", CertificateManagerSaaS + ", CA"),
        ("api.strata.paloaltonetworks.com", "Palo Alto Networks Next-Generation Trust Services (NGTS)"),
        ("auth.apps.paloaltonetworks.com", "Palo Alto Networks Next-Generation Trust Services (NGTS), OAuth token"),
    };

    /// <summary>The family of an endpoint whose base is <paramref name="baseAddress"/> (an absolute URL or a bare host), or null.</summary>
    public static string? FamilyOf(string? baseAddress)
    {
        if (baseAddress is null || baseAddress.Length == 0)
        {
            return null;
        }

        var host = baseAddress;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
        }

        var end = host.IndexOfAny(new[] { '/', ':', '?', '#' });
        if (end >= 0)
        {
            host = host.Substring(0, end);
        }

        foreach (var (known, family) in Hosts)
        {
            if (string.Equals(host, known, StringComparison.OrdinalIgnoreCase))
            {
                return family;
            }
        }

        return null;
    }
}
