using System.Text.Json.Serialization;

namespace SampleIntegration.AdobeSign;

/// <summary>The OAuth tokens Adobe Sign issues for one account.</summary>
public sealed record AdobeSignTokens(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt)
{
    /// <summary>Refresh a minute early so a request never leaves with a token that expires on the way.</summary>
    public bool IsExpired(TimeProvider clock) => clock.GetUtcNow() >= ExpiresAt - TimeSpan.FromMinutes(1);
}

/// <summary>The body of Adobe Sign's /oauth/v2/refresh answer.</summary>
public sealed record AdobeSignRefreshResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
