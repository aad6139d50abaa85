using System.Text.Json;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// <c>certkit decide</c>'s endpoint evidence on a client whose every call goes through one request helper: a release that
/// adds one endpoint reports exactly that one (at its caller), and renaming the base variable reports nothing.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class EndpointDecisionTests : IClassFixture<EndpointDecisionTests.History>
{
    private const string Client = "src/Venafi.Connector/VenafiApi.cs";

    private readonly History history;

    public EndpointDecisionTests(History history)
    {
        this.history = history;
    }

    [Fact]
    public async Task OneEndpointAddedThroughTheHelperIsExactlyThatEndpoint()
    {
        var run = await EvidenceDecisionTests.DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "add-endpoint", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var endpoints = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("evidence").GetProperty("endpoints");
        var added = Assert.Single(endpoints.GetProperty("added").EnumerateArray());
        Assert.Equal("POST", added.GetProperty("method").GetString());
        Assert.Equal("/outagedetection/v1/certificaterequests", added.GetProperty("path").GetString());
        var line = History.Added.Split('\n').ToList().FindIndex(l => l.Contains("RequestAsync", StringComparison.Ordinal)) + 1;
        var site = Assert.Single(added.GetProperty("sites").EnumerateArray());
        Assert.Equal(Client, site.GetProperty("file").GetString());
        Assert.Equal(line, site.GetProperty("line").GetInt32());
        Assert.Empty(endpoints.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task RenamingTheBaseVariableIsNoEndpointChange()
    {
        var run = await EvidenceDecisionTests.DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "rename-base", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var endpoints = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("evidence").GetProperty("endpoints");
        Assert.Empty(endpoints.GetProperty("added").EnumerateArray());
        Assert.Empty(endpoints.GetProperty("removed").EnumerateArray());
    }

    /// <summary>v2.0.0, then a branch that adds one endpoint through the helper and one that renames the base field.</summary>
    public sealed class History : IDisposable
    {
        public const string Base = """
            namespace Venafi.Connector;

            public sealed class VenafiApi
            {
                private readonly HttpClient _http = new();
                private readonly string _apiUrl;

                public VenafiApi(string apiUrl) => _apiUrl = apiUrl;

                public Task<string> ZonesAsync() => SendAsync(HttpMethod.Get, "outagedetection/v1/zones");

                public Task<string> CertificateAsync(string id) => SendAsync(HttpMethod.Get, $"outagedetection/v1/certificates/{id}");

                private async Task<string> SendAsync(HttpMethod method, string path)
                {
                    using var request = new HttpRequestMessage(method, $"{_apiUrl}/{path}");
                    using var response = await _http.SendAsync(request);
                    return await response.Content.ReadAsStringAsync();
                }
            }
            """;

        // A new public method above the others (every later line moves) that calls the helper with a new path.
        public static readonly string Added = Base.Replace(
            "    public Task<string> ZonesAsync()",
            "    public Task<string> RequestAsync() => SendAsync(HttpMethod.Post, \"outagedetection/v1/certificaterequests\");\n\n    public Task<string> ZonesAsync()",
            StringComparison.Ordinal);

        public History()
        {
            Repository = TestRepository.Create();
            Project("2.0.0").Write(Client, Base).Commit();
            Repository.Tag("v2.0.0");
            Change("add-endpoint", "2.1.0", Added);
            Change("rename-base", "2.0.1", Base.Replace("_apiUrl", "_serviceUrl", StringComparison.Ordinal).Replace("string apiUrl", "string serviceUrl", StringComparison.Ordinal).Replace("= apiUrl", "= serviceUrl", StringComparison.Ordinal));
        }

        public TestRepository Repository { get; }

        private TestRepository Project(string version) => Repository.Write("src/Venafi.Connector/Venafi.Connector.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <Version>{version}</Version>
              </PropertyGroup>
            </Project>
            """);

        private void Change(string branch, string version, string client)
        {
            Repository.Git("checkout", "--quiet", "-b", branch, "v2.0.0");
            Project(version).Write(Client, client).Commit();
            Repository.Checkout("main");
        }

        public void Dispose() => Repository.Dispose();
    }
}
