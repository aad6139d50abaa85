using System.Net.Http.Json;

namespace Venafi.Connector;

/// <summary>Reads certificates from Venafi TLS Protect Cloud.</summary>
public sealed class VenafiClient(HttpClient http, ConnectorSettings settings)
{
    public async Task<IReadOnlyList<CertificateSummary>> ListCertificatesAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseAddress, "outagedetection/v1/certificatesearch"));
        request.Headers.Add("tppl-api-key", settings.ApiKey);
        request.Content = JsonContent.Create(new { expression = new { operands = Array.Empty<object>() } });
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<CertificatePage>(cancellationToken);
        return page?.Certificates ?? [];
    }
}

public sealed record CertificateSummary(string Id, string CertificateName);

public sealed record CertificatePage(IReadOnlyList<CertificateSummary> Certificates);

/// <summary>Settings come from the environment (VENAFI_BASE_ADDRESS, VENAFI_API_KEY), never from code.</summary>
public sealed record ConnectorSettings(Uri BaseAddress, string ApiKey)
{
    public static ConnectorSettings FromEnvironment() => new(
        new Uri(Environment.GetEnvironmentVariable("VENAFI_BASE_ADDRESS") ?? throw new InvalidOperationException("VENAFI_BASE_ADDRESS is not set")),
        Environment.GetEnvironmentVariable("VENAFI_API_KEY") ?? throw new InvalidOperationException("VENAFI_API_KEY is not set"));
}
