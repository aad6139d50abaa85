namespace SampleIntegration.Commercetools;

/// <summary>commercetools API client settings, bound from the "Commercetools" configuration section.</summary>
public sealed class CommercetoolsOptions
{
    public const string SectionName = "Commercetools";

    /// <summary>The region's auth host, e.g. the europe-west1.gcp one (from configuration).</summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>The region's API host (from configuration).</summary>
    public Uri? ApiUrl { get; set; }

    public string ProjectKey { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    public string Scope { get; set; } = "view_orders manage_orders";
}
