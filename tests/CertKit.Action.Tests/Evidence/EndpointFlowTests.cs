using System.Text;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// The interprocedural resolver on the client shapes real integrations use: each a small client written for the shape,
/// listed with its exact method and path, and a helper's callers each at their own line (the helper is not an endpoint).
/// </summary>
public sealed class EndpointFlowTests
{
    private static async Task<List<string>> InventoryAsync(params (string Path, string Text)[] files)
    {
        using var repo = TempRepository.Create(git: false);
        foreach (var (path, text) in files)
        {
            repo.Write(path, text);
        }

        var report = await EndpointInventory.ScanAsync(repo.Root, CancellationToken.None);
        return report.Endpoints
            .SelectMany(e => e.Sites.Select(s => (Site: s, Endpoint: e)))
            .OrderBy(x => x.Site.File, StringComparer.Ordinal).ThenBy(x => x.Site.Line).ThenBy(x => x.Endpoint.Display, StringComparer.Ordinal)
            .Select(x => $"{x.Site.File}:{x.Site.Line} {x.Endpoint.Display}{(x.Endpoint.Base is null ? string.Empty : " @ " + x.Endpoint.Base)}")
            .ToList();
    }

    private static void AssertRows(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    /// <summary>The 1-based line of the one line of <paramref name="text"/> that contains <paramref name="needle"/>.</summary>
    private static int Line(string text, string needle)
    {
        var lines = text.Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(needle, StringComparison.Ordinal)).ToList();
        Assert.Single(matches);
        return matches[0] + 1;
    }

    private const string VenafiClient = """
        using Microsoft.Extensions.Configuration;
        namespace Conn;
        public sealed class VenafiApi
        {
            private static readonly string CloudUrl = "https://api.venafi.cloud";
            private readonly HttpClient _http = new();
            private readonly string _baseUrl;

            public VenafiApi(IConfiguration configuration)
            {
                _baseUrl = configuration["Venafi:BaseUrl"]!;
            }

            public Task<string> Zones() => GetAsync("outagedetection/v1/zones");
            public Task<string> Certificate(string id) => GetAsync($"outagedetection/v1/certificates/{id}");
            public Task<string> Request(string csr) => PostAsync("outagedetection/v1/certificaterequests", csr);
            public Task<string> Accounts() => SendAsync(HttpMethod.Get, $"{CloudUrl}/v1/useraccounts");
            public Task<string> Retire(string id) => SendAsync(new HttpMethod("PATCH"), string.Format("{0}/outagedetection/v1/certificates/{1}", _baseUrl, id));

            private Task<string> GetAsync(string path) => SendAsync(HttpMethod.Get, $"{_baseUrl}/{path}");
            private Task<string> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, _baseUrl + "/" + path, body);

            private async Task<string> SendAsync(HttpMethod method, string url, string? body = null)
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new StringContent(body);
                }

                using var response = await _http.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    private const string SignClient = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        namespace Conn;
        public sealed class SignEndpoints { public Uri? ApiBase { get; set; } }
        public static class Registration
        {
            public static void Add(IServiceCollection services, IConfiguration configuration) =>
                services.Configure<SignEndpoints>(configuration.GetSection("AdobeSign"));
        }
        public sealed class RestApi(IOptions<SignEndpoints> options)
        {
            private readonly HttpClient _client = new();
            public Task<string> GetRestJson(string endpoint)
            {
                endpoint = endpoint.TrimStart('/');
                return _client.GetStringAsync(new Uri(options.Value.ApiBase!, endpoint));
            }
        }
        public sealed class Agreements(RestApi api)
        {
            public Task<string> All() => api.GetRestJson("/agreements");
            public Task<string> One(string agreementId)
            {
                var endpoint = string.Format("/agreements/{0}", agreementId);
                return api.GetRestJson(endpoint);
            }
        }
        """;

    [Fact]
    public async Task HelperRoutedClientListsEachEndpointAtEachCaller()
    {
        var endpoints = await InventoryAsync(("src/Conn/Conn.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"), ("src/Conn/VenafiApi.cs", VenafiClient), ("src/Conn/Sign.cs", SignClient));

        AssertRows(
            [
                $"src/Conn/Sign.cs:{Line(SignClient, "api.GetRestJson(\"/agreements\")")} GET /agreements @ AdobeSign:ApiBase",
                $"src/Conn/Sign.cs:{Line(SignClient, "api.GetRestJson(endpoint)")} GET /agreements/{{agreementId}} @ AdobeSign:ApiBase",
                $"src/Conn/VenafiApi.cs:{Line(VenafiClient, "Zones()")} GET /outagedetection/v1/zones @ Venafi:BaseUrl",
                $"src/Conn/VenafiApi.cs:{Line(VenafiClient, "Certificate(string id)")} GET /outagedetection/v1/certificates/{{id}} @ Venafi:BaseUrl",
                $"src/Conn/VenafiApi.cs:{Line(VenafiClient, "Request(string csr)")} POST /outagedetection/v1/certificaterequests @ Venafi:BaseUrl",
                $"src/Conn/VenafiApi.cs:{Line(VenafiClient, "Accounts()")} GET /v1/useraccounts @ https://api.venafi.cloud",
                $"src/Conn/VenafiApi.cs:{Line(VenafiClient, "Retire(string id)")} PATCH /outagedetection/v1/certificates/{{id}} @ Venafi:BaseUrl",
            ],
            endpoints);
    }

    [Fact]
    public async Task HelperWithoutCallersIsListedAtTheHelperAsNotFollowed()
    {
        const string helper = """
            public sealed class Raw(HttpClient http)
            {
                public Task<string> Get(string url) => http.GetStringAsync(url);
            }
            """;

        AssertRows(["Raw.cs:3 GET url"], await InventoryAsync(("Raw.cs", helper)));
    }

    [Fact]
    public async Task WebRequestAndWebClientTakeTheirMethodFromTheCode()
    {
        const string legacy = """
            using System.Net;
            public sealed class Legacy
            {
                private const string Tpp = "https://tpp.example/vedsdk";
                public string Request(string dn)
                {
                    var request = (HttpWebRequest)WebRequest.Create(Tpp + "/certificates/request");
                    request.Method = "POST";
                    request.ContentType = "application/json";
                    return request.GetResponse().ToString()!;
                }
                public WebResponse Retrieve() => WebRequest.Create(Tpp + "/certificates/retrieve").GetResponse();
                public string Download(WebClient web) => web.DownloadString(Tpp + "/certificates/");
                public string Put(WebClient web, string body) => web.UploadString(Tpp + "/config/write", "PUT", body);
                public string Post(WebClient web, string body) => web.UploadString(Tpp + "/authorize/", body);
            }
            """;

        AssertRows(
            [
                $"Legacy.cs:{Line(legacy, "WebRequest.Create(Tpp + \"/certificates/request\")")} POST /vedsdk/certificates/request @ https://tpp.example",
                $"Legacy.cs:{Line(legacy, "Retrieve()")} GET /vedsdk/certificates/retrieve @ https://tpp.example",
                $"Legacy.cs:{Line(legacy, "DownloadString")} GET /vedsdk/certificates/ @ https://tpp.example",
                $"Legacy.cs:{Line(legacy, "\"PUT\"")} PUT /vedsdk/config/write @ https://tpp.example",
                $"Legacy.cs:{Line(legacy, "/authorize/")} POST /vedsdk/authorize/ @ https://tpp.example",
            ],
            await InventoryAsync(("Legacy.cs", legacy)));
    }

    // RestSharp as a real integration's compilation sees it: the package is not referenced, nothing of it binds.
    private const string RestSharp106 = """
        using RestSharp;
        public sealed class Sign106
        {
            private readonly RestClient _client = new RestClient("https://api.na1.adobesign.com/api/rest/v6");
            public IRestResponse Agreement(string id) => _client.Execute(new RestRequest("agreements/{id}", Method.GET).AddUrlSegment("id", id));
            public IRestResponse Create(object body)
            {
                var request = new RestRequest(Method.POST);
                request.Resource = "agreements";
                request.AddJsonBody(body);
                return _client.Execute(request);
            }
            public IRestResponse Upload() => _client.Execute(new RestRequest("transientDocuments", Method.POST, DataFormat.Json));
            public IRestResponse Cancel(string id) => _client.Execute(new RestRequest { Resource = "agreements/{id}/state", Method = Method.PUT });
        }
        """;

    // RestSharp 107 to 112 spelling, bound against a stub of the package's types.
    private const string RestSharp112 = """
        using RestSharp;
        public sealed class Sign112(RestClient client)
        {
            public Task<RestResponse> Agreement(string id) => client.ExecuteAsync(new RestRequest("agreements/{id}", Method.Get));
            public Task<RestResponse> Delete(string id) => client.ExecuteAsync(new RestRequest($"agreements/{id}/documents", Method.Delete));
            public Task<object?> Users() => client.GetJsonAsync<object>("users");
            public Task<RestResponse> Later()
            {
                var request = new RestRequest("webhooks");
                request.Method = Method.Post;
                return client.ExecuteAsync(request);
            }
        }
        """;

    private const string RestSharpStub = """
        namespace RestSharp
        {
            public enum Method { Get, Post, Put, Delete, Head, Options, Patch, Merge, Copy, Search }
            public enum DataFormat { Json, Xml, Binary, None }
            public class RestResponse { }
            public class RestRequest
            {
                public RestRequest() { }
                public RestRequest(string? resource, Method method = Method.Get) { Resource = resource ?? ""; Method = method; }
                public string Resource { get; set; } = "";
                public Method Method { get; set; }
            }
            public class RestClient
            {
                public System.Threading.Tasks.Task<RestResponse> ExecuteAsync(RestRequest request) => System.Threading.Tasks.Task.FromResult(new RestResponse());
            }
            public static class RestClientExtensions
            {
                public static System.Threading.Tasks.Task<T?> GetJsonAsync<T>(this RestClient client, string resource) => System.Threading.Tasks.Task.FromResult(default(T));
            }
        }
        """;

    [Fact]
    public async Task RestSharpRequestsInEveryOverloadAndEnumSpelling()
    {
        AssertRows(
            [
                $"Sign106.cs:{Line(RestSharp106, "Agreement(string id)")} GET /agreements/{{id}} @ https://api.na1.adobesign.com",
                $"Sign106.cs:{Line(RestSharp106, "new RestRequest(Method.POST)")} POST /agreements @ https://api.na1.adobesign.com",
                $"Sign106.cs:{Line(RestSharp106, "Upload()")} POST /transientDocuments @ https://api.na1.adobesign.com",
                $"Sign106.cs:{Line(RestSharp106, "Cancel(string id)")} PUT /agreements/{{id}}/state @ https://api.na1.adobesign.com",
            ],
            await InventoryAsync(("Sign106.cs", RestSharp106)));

        AssertRows(
            [
                $"Sign112.cs:{Line(RestSharp112, "Agreement(string id)")} GET /agreements/{{id}}",
                $"Sign112.cs:{Line(RestSharp112, "Delete(string id)")} DELETE /agreements/{{id}}/documents",
                $"Sign112.cs:{Line(RestSharp112, "Users()")} GET /users",
                $"Sign112.cs:{Line(RestSharp112, "new RestRequest(\"webhooks\")")} POST /webhooks",
            ],
            await InventoryAsync(("Sign112.cs", RestSharp112), ("RestSharpStub.cs", RestSharpStub)));
    }

    /// <summary>A swagger-codegen client of <paramref name="operations"/> operations: each calls ApiClient.CallApi(path, Method.X, …).</summary>
    private static (string Api, string Client, List<(string Method, string Path, string Needle)> Expected) SwaggerCodegenClient(int operations)
    {
        var verbs = new[] { "GET", "POST", "PUT", "DELETE", "PATCH" };
        var api = new StringBuilder("using RestSharp;\nnamespace IO.Swagger.Api\n{\n    public partial class AgreementsApi\n    {\n        public IO.Swagger.Client.ApiClient ApiClient { get; set; } = new();\n");
        var expected = new List<(string, string, string)>();
        for (var i = 0; i < operations; i++)
        {
            var verb = verbs[i % verbs.Length];
            var path = i % 2 == 0 ? $"/resource{i}" : $"/resource{i}/{{resourceId}}";
            api.Append($"        public object Operation{i}(string resourceId)\n        {{\n");
            api.Append($"            var localVarPath = \"{path}\";\n");
            api.Append("            localVarPath = localVarPath.Replace(\"{format}\", \"json\");\n");
            api.Append("            var localVarPathParams = new Dictionary<string, string>();\n");
            api.Append("            if (resourceId != null) localVarPathParams.Add(\"resourceId\", ApiClient.ParameterToString(resourceId));\n");
            api.Append($"            IRestResponse localVarResponse = (IRestResponse) ApiClient.CallApi(localVarPath, Method.{verb}, localVarPathParams, null); // operation {i} end\n");
            api.Append("            return localVarResponse;\n        }\n");
            expected.Add((verb, path, $"// operation {i} end"));
        }

        api.Append("    }\n}\n");
        const string client = """
            using RestSharp;
            namespace IO.Swagger.Client
            {
                public partial class ApiClient
                {
                    public RestClient RestClient { get; set; } = new RestClient("https://api.example/v2");
                    public string ParameterToString(object obj) => obj.ToString()!;
                    public object CallApi(string path, Method method, Dictionary<string, string> pathParams, string? postBody)
                    {
                        var request = PrepareRequest(path, method, pathParams, postBody);
                        return RestClient.Execute(request);
                    }
                    private RestRequest PrepareRequest(string path, Method method, Dictionary<string, string> pathParams, string? postBody)
                    {
                        var request = new RestRequest(path, method);
                        foreach (var param in pathParams)
                            request.AddParameter(param.Key, param.Value, ParameterType.UrlSegment);
                        return request;
                    }
                }
            }
            """;
        return (api.ToString(), client, expected);
    }

    [Fact]
    public async Task GeneratedClientWithTwentyOperationsListsTwentyEndpoints()
    {
        var (api, client, expected) = SwaggerCodegenClient(20);

        var endpoints = await InventoryAsync(("src/IO.Swagger/Api/AgreementsApi.cs", api), ("src/IO.Swagger/Client/ApiClient.cs", client));

        AssertRows(
            expected.Select(e => $"src/IO.Swagger/Api/AgreementsApi.cs:{Line(api, e.Needle)} {e.Method} {e.Path} @ https://api.example").ToList(),
            endpoints);
    }

    [Fact]
    public async Task NSwagAndKiotaClientsListEachOperation()
    {
        const string nswag = """
            namespace Generated
            {
                public partial class PetClient
                {
                    private string _baseUrl = "";
                    private readonly System.Net.Http.HttpClient _httpClient = new();
                    public async System.Threading.Tasks.Task GetPetByIdAsync(long petId)
                    {
                        var client_ = _httpClient;
                        using (var request_ = new System.Net.Http.HttpRequestMessage())
                        {
                            request_.Method = new System.Net.Http.HttpMethod("GET");
                            var urlBuilder_ = new System.Text.StringBuilder();
                            if (!string.IsNullOrEmpty(_baseUrl)) urlBuilder_.Append(_baseUrl);
                            urlBuilder_.Append("pet/");
                            urlBuilder_.Append(System.Uri.EscapeDataString(petId.ToString()));
                            var url_ = urlBuilder_.ToString();
                            request_.RequestUri = new System.Uri(url_, System.UriKind.RelativeOrAbsolute);
                            await client_.SendAsync(request_);
                        }
                    }
                    public async System.Threading.Tasks.Task AddPetAsync()
                    {
                        using (var request_ = new System.Net.Http.HttpRequestMessage())
                        {
                            request_.Method = new System.Net.Http.HttpMethod("POST");
                            var urlBuilder_ = new System.Text.StringBuilder();
                            urlBuilder_.Append(_baseUrl != null ? _baseUrl.TrimEnd('/') : "").Append("/pet");
                            request_.RequestUri = new System.Uri(urlBuilder_.ToString(), System.UriKind.RelativeOrAbsolute);
                            await _httpClient.SendAsync(request_);
                        }
                    }
                }
            }
            """;
        const string kiota = """
            using Microsoft.Kiota.Abstractions;
            namespace ApiSdk.Pet.Item
            {
                public partial class WithPetItemRequestBuilder : BaseRequestBuilder
                {
                    public WithPetItemRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter) : base(requestAdapter, "{+baseurl}/pet/{petId}{?expand*}", pathParameters) { }
                    public RequestInformation ToGetRequestInformation()
                    {
                        var requestInfo = new RequestInformation(Method.GET, UrlTemplate, PathParameters);
                        return requestInfo;
                    }
                    public RequestInformation ToDeleteRequestInformation()
                    {
                        var requestInfo = new RequestInformation(Method.DELETE, UrlTemplate, PathParameters);
                        return requestInfo;
                    }
                }
            }
            """;

        AssertRows(
            [
                $"Kiota.cs:{Line(kiota, "Method.GET")} GET /pet/{{petId}} @ {{+baseurl}}",
                $"Kiota.cs:{Line(kiota, "Method.DELETE")} DELETE /pet/{{petId}} @ {{+baseurl}}",
                $"NSwag.cs:{Line(nswag, "GetPetByIdAsync") + 3} GET /pet/{{petId}}",
                $"NSwag.cs:{Line(nswag, "AddPetAsync") + 2} POST /pet",
            ],
            await InventoryAsync(("NSwag.cs", nswag), ("Kiota.cs", kiota)));
    }

    [Fact]
    public async Task GraphQLOperationsAreListedByTypeAndName()
    {
        const string client = """
            using GraphQL;
            using GraphQL.Client.Http;
            public sealed class Catalog(GraphQLHttpClient client)
            {
                private const string CreateCart = "mutation CreateCart($draft: CartDraft!) { createCart(draft: $draft) { id } }";
                public Task Products() => client.SendQueryAsync<object>(new GraphQLRequest { Query = @"query ProductList { products { results { id } } }" });
                public Task Cart() => client.SendMutationAsync<object>(new GraphQLRequest(CreateCart));
                public Task Me() => client.SendQueryAsync<object>(Send("{ me { id } }"));
                private static GraphQLRequest Send(string document) => new GraphQLRequest { Query = document };
            }
            """;

        AssertRows(
            [
                $"Catalog.cs:{Line(client, "Products()")} GraphQL query ProductList",
                $"Catalog.cs:{Line(client, "Cart()")} GraphQL mutation CreateCart",
                $"Catalog.cs:{Line(client, "Me()")} GraphQL query me",
            ],
            await InventoryAsync(("Catalog.cs", client)));
    }
}
