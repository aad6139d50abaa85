using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SampleIntegration.Commercetools;

/// <summary>commercetools HTTP API with an OAuth client-credentials token kept in memory until it expires.</summary>
public sealed class CommercetoolsClient
{
    private const string TokenPath = "oauth/token";

    private readonly HttpClient _http;
    private readonly CommercetoolsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<CommercetoolsClient> _logger;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private (string Value, DateTimeOffset ExpiresAt)? _token;

    public CommercetoolsClient(HttpClient http, IOptions<CommercetoolsOptions> options, TimeProvider clock, ILogger<CommercetoolsClient> logger)
    {
        _http = http;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public async Task<int> CountOrdersAsync(CancellationToken cancellationToken)
    {
        var apiUrl = _options.ApiUrl ?? throw new InvalidOperationException("Commercetools:ApiUrl is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(apiUrl, $"{_options.ProjectKey}/orders?limit=0"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(cancellationToken));
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<PagedResult>(cancellationToken);
        return page?.Total ?? 0;
    }

    private async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } cached && cached.ExpiresAt > _clock.GetUtcNow().AddMinutes(1))
            {
                return cached.Value;
            }

            var authUrl = _options.AuthUrl ?? throw new InvalidOperationException("Commercetools:AuthUrl is not configured.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = $"{_options.Scope} project:{_options.ProjectKey}",
                ["client_id"] = _options.ClientId,
                // DELIBERATE FINDING CK1002: a hardcoded client secret as the fallback for a missing setting.
                ["client_secret"] = _options.ClientSecret ?? "mQ7-k2Lp-9vXr",
            });
            using var response = await _http.PostAsync(new Uri(authUrl, TokenPath), form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("commercetools returned an empty token answer.");
            _token = (token.AccessToken, _clock.GetUtcNow().AddSeconds(token.ExpiresIn));
            _logger.LogInformation("commercetools token issued for scope {Scope}", token.Scope);
            return token.AccessToken;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string Scope);

    private sealed record PagedResult([property: JsonPropertyName("total")] int Total);
}
