using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SampleIntegration.Venafi;

/// <summary>Venafi TLS Protect Cloud: lists certificates that expire soon, authenticated with the tppl-api-key header.</summary>
public sealed class VenafiClient
{
    /// <summary>The header's name, not its value.</summary>
    public const string ApiKeyHeaderName = "tppl-api-key";

    // Where the integration's local stub listens during development: loopback is fine.
    public const string DevelopmentStubUrl = "http://localhost:8089/";

    private readonly HttpClient _http;
    private readonly ILogger<VenafiClient> _logger;

    public VenafiClient(HttpClient http, IOptions<VenafiOptions> options, ILogger<VenafiClient> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new InvalidOperationException("Venafi:ApiKey is not configured; store it in the secret store, not in appsettings.json.");
        }

        _http = http;
        _logger = logger;
        _http.BaseAddress = settings.BaseUrl ?? new Uri(DevelopmentStubUrl);
        _http.DefaultRequestHeaders.Add(ApiKeyHeaderName, settings.ApiKey);
    }

    public async Task<IReadOnlyList<ExpiringCertificate>> ExpiringWithinAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var query = new
        {
            expression = new
            {
                operands = new[] { new { field = "validityEnd", @operator = "LTE", value = DateTimeOffset.UtcNow.Add(window).ToString("O") } },
            },
        };
        using var response = await _http.PostAsJsonAsync("outagedetection/v1/certificatesearch", query, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<CertificateSearchResult>(cancellationToken);
        var certificates = result?.Certificates ?? [];
        _logger.LogInformation("{Count} certificates expire within {Window}", certificates.Count, window);
        return certificates;
    }

    private sealed record CertificateSearchResult([property: JsonPropertyName("certificates")] List<ExpiringCertificate> Certificates);
}

public sealed record ExpiringCertificate(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("subjectCN")] IReadOnlyList<string> SubjectCommonNames,
    [property: JsonPropertyName("validityEnd")] DateTimeOffset ValidityEnd);
