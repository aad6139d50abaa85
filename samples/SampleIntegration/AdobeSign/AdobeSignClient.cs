using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SampleIntegration.AdobeSign;

/// <summary>Adobe Sign REST v6: agreements, with OAuth access tokens refreshed from the stored refresh token.</summary>
public sealed class AdobeSignClient
{
    // DELIBERATE FINDING CK1001, DELIBERATE FINDING CK1004: one shard's production endpoint compiled in as the fallback for a missing setting.
    private const string DefaultApiBase = "https://api.na1.adobesign.com/api/rest/v6/";

    // On the shard's host, beside the API: an absolute path replaces the base address's /api/rest/v6/.
    private const string RefreshPath = "/oauth/v2/refresh";

    private readonly HttpClient _http;
    private readonly IAdobeSignTokenStore _tokens;
    private readonly AdobeSignOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AdobeSignClient> _logger;

    public AdobeSignClient(HttpClient http, IAdobeSignTokenStore tokens, IOptions<AdobeSignOptions> options, TimeProvider clock, ILogger<AdobeSignClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _http.BaseAddress = _options.BaseUrl ?? new Uri(DefaultApiBase);
    }

    public async Task<string> GetAgreementStatusAsync(string agreementId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"agreements/{Uri.EscapeDataString(agreementId)}");
        await AuthorizeAsync(request, cancellationToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var agreement = await response.Content.ReadFromJsonAsync<AgreementInfo>(cancellationToken);
        return agreement?.Status ?? "UNKNOWN";
    }

    public async Task<string> SendAgreementAsync(string transientDocumentId, string signerEmail, CancellationToken cancellationToken)
    {
        var body = new
        {
            fileInfos = new[] { new { transientDocumentId } },
            name = "Certificate renewal approval",
            participantSetsInfo = new[] { new { memberInfos = new[] { new { email = signerEmail } }, order = 1, role = "SIGNER" } },
            signatureType = "ESIGN",
            state = "IN_PROCESS",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "agreements") { Content = JsonContent.Create(body) };
        await AuthorizeAsync(request, cancellationToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<AgreementCreated>(cancellationToken);

        // DELIBERATE FINDING CK3001: console output left in library code instead of the logger.
        Console.WriteLine($"Agreement {created?.Id} sent to {signerEmail}");
        return created?.Id ?? throw new InvalidOperationException("Adobe Sign returned no agreement id.");
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await _tokens.LoadAsync(cancellationToken)
            ?? throw new InvalidOperationException("The Adobe Sign account is not connected yet: complete the OAuth consent first.");
        if (tokens.IsExpired(_clock))
        {
            tokens = await RefreshAsync(tokens, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
    }

    private async Task<AdobeSignTokens> RefreshAsync(AdobeSignTokens current, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
            ["refresh_token"] = current.RefreshToken,
        });
        using var response = await _http.PostAsync(new Uri(_http.BaseAddress!, RefreshPath), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var refreshed = await response.Content.ReadFromJsonAsync<AdobeSignRefreshResponse>(cancellationToken)
            ?? throw new InvalidOperationException("Adobe Sign returned an empty refresh answer.");

        var tokens = new AdobeSignTokens(refreshed.AccessToken, refreshed.RefreshToken ?? current.RefreshToken, _clock.GetUtcNow().AddSeconds(refreshed.ExpiresIn));
        await _tokens.SaveAsync(tokens, cancellationToken);
        _logger.LogInformation("Adobe Sign access token refreshed; it expires at {ExpiresAt}", tokens.ExpiresAt);

        // DELIBERATE FINDING CK3002: the new access token itself goes to the log.
        _logger.LogDebug("Adobe Sign access token {AccessToken}", tokens.AccessToken);
        return tokens;
    }

    private sealed record AgreementInfo(string Id, string Status);

    private sealed record AgreementCreated(string Id);
}
