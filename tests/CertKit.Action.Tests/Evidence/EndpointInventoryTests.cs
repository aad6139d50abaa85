using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>The extractor on each shape it understands, and on the ones it does not (listed, never dropped).</summary>
public sealed class EndpointInventoryTests
{
    private static async Task<List<(string Kind, string? Method, string? Path, string? Base, string? Expression, string Sites)>> InventoryAsync(params (string Path, string Text)[] files)
    {
        using var repo = TempRepository.Create(git: false);
        foreach (var (path, text) in files)
        {
            repo.Write(path, text);
        }

        var report = await EndpointInventory.ScanAsync(repo.Root, CancellationToken.None);
        return report.Endpoints
            .OrderBy(e => e.Sites[0].File, StringComparer.Ordinal)
            .ThenBy(e => e.Sites[0].Line)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .Select(e => (e.Kind.ToString(), e.Method, e.Path, e.Base, e.Expression, string.Join(", ", e.Sites.Select(s => s.File + ":" + s.Line))))
            .ToList();
    }

    [Fact]
    public async Task HttpClientVerbsInterpolationsAndConfiguredBaseAddresses()
    {
        var endpoints = await InventoryAsync(
            ("src/Conn/Conn.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            ("src/Conn/Client.cs", """
                using Microsoft.Extensions.Configuration;
                namespace Conn;
                public sealed class Client
                {
                    private readonly HttpClient _http;
                    public Client(HttpClient http, IConfiguration configuration)
                    {
                        _http = http;
                        _http.BaseAddress = new Uri(configuration["Venafi:BaseUrl"]!);
                    }
                    public Task<string> Get(Guid id) => _http.GetStringAsync($"v1/certificates/{id}?x=1");
                    public Task Delete(string id) => _http.DeleteAsync("v1/certificates/" + id);
                    public Task Send(string id) => _http.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"v1/certificates/{Uri.EscapeDataString(id)}/renew"));
                    public Task Custom() => _http.SendAsync(new HttpRequestMessage(new HttpMethod("PATCH"), "v1/x"));
                    public Task Initialized() => _http.SendAsync(new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri("v1/y", UriKind.Relative) });
                    public Task Opaque(HttpRequestMessage message) => _http.SendAsync(BuildRequest(message));
                    public Task Parameter(string url) => _http.GetAsync(url);
                    private static HttpRequestMessage BuildRequest(HttpRequestMessage m) => m;
                }
                """),
            ("src/Conn/Env.cs", """
                namespace Conn;
                public sealed class Env(HttpClient http)
                {
                    private static readonly string Host = Environment.GetEnvironmentVariable("VENAFI_URL") ?? "https://api.venafi.cloud";
                    public Task Absolute() => http.PostAsync("https://api.venafi.cloud/v1/certificaterequests", null);
                    public Task FromEnvironment() => http.GetAsync(Host + "/v1/useraccounts");
                }
                """),
            ("tests/Conn.Tests/Conn.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"),
            ("tests/Conn.Tests/ClientTests.cs", "namespace T; public class C { public Task M(HttpClient h) => h.GetAsync(\"/test-only\"); }"));

        Assert.Equal(
            [
                ("Http", "GET", "/v1/certificates/{id}", "Venafi:BaseUrl", null, "src/Conn/Client.cs:11"),
                ("Http", "DELETE", "/v1/certificates/{id}", "Venafi:BaseUrl", null, "src/Conn/Client.cs:12"),
                ("Http", "PUT", "/v1/certificates/{id}/renew", "Venafi:BaseUrl", null, "src/Conn/Client.cs:13"),
                ("Http", "PATCH", "/v1/x", "Venafi:BaseUrl", null, "src/Conn/Client.cs:14"),
                ("Http", "POST", "/v1/y", "Venafi:BaseUrl", null, "src/Conn/Client.cs:15"),
                ("Http", null, null, null, "BuildRequest(message)", "src/Conn/Client.cs:16"),
                ("Http", "GET", null, null, "url", "src/Conn/Client.cs:17"),
                ("Http", "POST", "/v1/certificaterequests", "https://api.venafi.cloud", null, "src/Conn/Env.cs:5"),
                ("Http", "GET", "/v1/useraccounts", "env:VENAFI_URL", null, "src/Conn/Env.cs:6"),
            ],
            endpoints);
    }

    [Fact]
    public async Task EndpointsOnAProgramPlatformsHostsCarryTheirFamilyAndRegion()
    {
        using var repo = TempRepository.Create(git: false);
        repo.Write("src/Conn/Conn.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        repo.Write("src/Conn/Clients.cs", """
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Conn;

            public sealed class Clients(HttpClient http)
            {
                public Task Eu() => http.PostAsync("https://api.eu.venafi.cloud/outagedetection/v1/certificaterequests", null);
                public Task Ngts() => http.GetAsync("https://api.strata.paloaltonetworks.com/ngts/v1/certificates");
                public Task Token() => http.PostAsync("https://auth.apps.paloaltonetworks.com/oauth2/access_token", null);
                public Task Other() => http.GetAsync("https://status.example-vendor.com/v1/health");
            }
            """);

        var report = await EndpointInventory.ScanAsync(repo.Root, CancellationToken.None);

        Assert.Equal(
            [
                ("/ngts/v1/certificates", "Palo Alto Networks Next-Generation Trust Services (NGTS)"),
                ("/oauth2/access_token", "Palo Alto Networks Next-Generation Trust Services (NGTS), OAuth token"),
                ("/outagedetection/v1/certificaterequests", "CyberArk Certificate Manager SaaS (Venafi TLS Protect Cloud), EU"),
                ("/v1/health", null),
            ],
            report.Endpoints.Select(e => (e.Path, e.Family)).OrderBy(e => e.Path, StringComparer.Ordinal));
        var json = EndpointJson.Render(report);
        Assert.Contains("\"base\": \"https://api.eu.venafi.cloud\",\n      \"family\": \"CyberArk Certificate Manager SaaS (Venafi TLS Protect Cloud), EU\",", json.ReplaceLineEndings("\n"));
        Assert.Contains("`https://api.strata.paloaltonetworks.com` (Palo Alto Networks Next-Generation Trust Services (NGTS))", EndpointMarkdown.Render(report));
    }

    [Fact]
    public async Task TypedClientsRefitRestSharpAndFlurl()
    {
        var endpoints = await InventoryAsync(
            ("Startup.cs", """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                public static class Startup
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration) =>
                        services.AddHttpClient<SignClient>(c => c.BaseAddress = new Uri(configuration.GetSection("AdobeSign")["ApiUrl"]!));
                }
                public sealed class SignClient(HttpClient http)
                {
                    public Task Agreements() => http.GetAsync("agreements");
                }
                """),
            ("Api.cs", """
                using Refit;
                public interface IVenafiApi
                {
                    [Get("/v1/certificates/{id}")]
                    Task<string> Certificate(string id);

                    [Post("/v1/certificaterequests")]
                    Task Request();
                }
                """),
            ("Rest.cs", """
                using RestSharp;
                public sealed class Rest(RestClient client)
                {
                    public Task Make() => client.ExecuteAsync(new RestRequest("v1/zones/{zone}", Method.Post));
                    public async Task Later()
                    {
                        var request = new RestRequest("v1/applications");
                        await client.PutAsync(request);
                    }
                }
                """),
            ("Flurl.cs", """
                using Flurl.Http;
                public sealed class Fl
                {
                    public Task Go(string id) => "https://api.commercetools.example".AppendPathSegment("orders").AppendPathSegment(id).WithOAuthBearerToken("t").GetJsonAsync<object>();
                }
                """));

        Assert.Equal(
            [
                ("Http", "GET", "/v1/certificates/{id}", "Refit:IVenafiApi", null, "Api.cs:4"),
                ("Http", "POST", "/v1/certificaterequests", "Refit:IVenafiApi", null, "Api.cs:7"),
                ("Http", "GET", "/orders/{id}", "https://api.commercetools.example", null, "Flurl.cs:4"),
                ("Http", "POST", "/v1/zones/{zone}", null, null, "Rest.cs:4"),
                ("Http", "PUT", "/v1/applications", null, null, "Rest.cs:7"),
                ("Http", "GET", "/agreements", "AdobeSign:ApiUrl", null, "Startup.cs:10"),
            ],
            endpoints);
    }

    [Fact]
    public async Task RestSharpRequestsTakeTheBaseOfTheirClassesRestClient()
    {
        var endpoints = await InventoryAsync(
            ("Tpp.cs", """
                using RestSharp;
                public sealed class Tpp
                {
                    private readonly RestClient _client = new RestClient();
                    public Tpp() => _client.BaseUrl = new Uri("https://tpp.example/vedsdk/");
                    public void Request() => _client.Execute(new RestRequest("certificates/request", Method.POST));
                    public Task<string> Zones() => _client.GetJsonAsync<string>("config/zones");
                }
                """),
            ("Cloud.cs", """
                using Microsoft.Extensions.Configuration;
                using RestSharp;
                public sealed class Cloud
                {
                    private readonly RestClient _client;
                    public Cloud(IConfiguration configuration) =>
                        _client = new RestClient(new RestClientOptions { BaseUrl = new Uri(configuration["Venafi:CloudUrl"]!) });
                    public Task Renew(string id) => _client.ExecuteAsync(new RestRequest($"outagedetection/v1/certificaterequests/{id}", Method.Put));
                }
                """));

        Assert.Equal(
            [
                ("Http", "PUT", "/outagedetection/v1/certificaterequests/{id}", "Venafi:CloudUrl", null, "Cloud.cs:8"),
                ("Http", "POST", "/certificates/request", "https://tpp.example", null, "Tpp.cs:6"),
                ("Http", "GET", "/config/zones", "https://tpp.example", null, "Tpp.cs:7"),
            ],
            endpoints);
    }

    [Fact]
    public async Task ConnectApplicationFetchAxiosAndCommercetoolsBuilderChains()
    {
        var endpoints = await InventoryAsync(
            ("service/src/index.ts", """
                import { createApiBuilderFromCtpClient } from '@commercetools/platform-sdk';
                const apiRoot = createApiBuilderFromCtpClient(ctpClient).withProjectKey({ projectKey: process.env.CTP_PROJECT_KEY });
                export async function product(id: string) {
                  return apiRoot.products().withId({ ID: id }).get().execute();
                }
                export const search = () => apiRoot
                  .productProjections()
                  .search()
                  .get({ queryArgs: { limit: 1 } })
                  .execute();
                export const byKey = (key: string) => apiRoot.customObjects().withContainerAndKey({ container: 'c', key }).delete().execute();
                const api = axios.create({ baseURL: process.env.VENAFI_URL });
                export const create = () => api.post('/v1/certificaterequests', {});
                export const raw = (path: string) => axios.get(path);
                export const hook = () => fetch(`${process.env.HOOK_URL}/hooks/${hookId}`, { method: 'POST' });
                // fetch('/commented-out')
                export const cfg = () => axios({ method: 'delete', url: 'https://api.example/v2/items' });
                """),
            ("service/src/index.test.ts", "fetch('/only-in-tests');\n"),
            ("scripts/enroll.sh", "#!/bin/sh\nvcert enroll -k \"$KEY\" --cn example.com\n"),
            ("README.md", "Run `vcert pickup` to fetch the certificate.\n"),
            ("src/Renew.cs", "public static class Renew { public static void Run() => System.Diagnostics.Process.Start(\"vcert\", \"renew --id x\"); }\n"));

        Assert.Equal(
            [
                ("VCert", null, "vcert enroll", null, null, "scripts/enroll.sh:2"),
                ("Http", "GET", "/{projectKey}/products/{ID}", "commercetools SDK", null, "service/src/index.ts:4"),
                ("Http", "GET", "/{projectKey}/product-projections/search", "commercetools SDK", null, "service/src/index.ts:6"),
                ("Http", "DELETE", "/{projectKey}/custom-objects/{container}/{key}", "commercetools SDK", null, "service/src/index.ts:11"),
                ("Http", "POST", "/v1/certificaterequests", "env:VENAFI_URL", null, "service/src/index.ts:13"),
                ("Http", "GET", null, null, "path", "service/src/index.ts:14"),
                ("Http", "POST", "/hooks/{hookId}", "env:HOOK_URL", null, "service/src/index.ts:15"),
                ("Http", "DELETE", "/v2/items", "https://api.example", null, "service/src/index.ts:17"),
                ("VCert", null, "vcert renew", null, null, "src/Renew.cs:1"),
            ],
            endpoints);
    }
}
