namespace SampleIntegration.AdobeSign;

/// <summary>Adobe Sign settings, bound from the "AdobeSign" configuration section.</summary>
public sealed class AdobeSignOptions
{
    public const string SectionName = "AdobeSign";

    /// <summary>The REST v6 base of the account's shard, e.g. the na1 or eu1 API host (from configuration).</summary>
    public Uri? BaseUrl { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Where the encrypted token file lives.</summary>
    public string TokenFilePath { get; set; } = "adobe-sign-tokens.bin";
}
