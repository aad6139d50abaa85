namespace SampleIntegration.Venafi;

/// <summary>Venafi TLS Protect Cloud settings, bound from the "Venafi" configuration section.</summary>
public sealed class VenafiOptions
{
    public const string SectionName = "Venafi";

    /// <summary>The region's API host, US or EU (from configuration).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key, sent in the tppl-api-key header; comes from the secret store.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>SHA-256 thumbprint of the on-premises proxy's certificate, when the integration runs behind one.</summary>
    public string? PinnedProxyCertificateSha256 { get; set; }
}
