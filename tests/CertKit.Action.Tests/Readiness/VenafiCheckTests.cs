using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

[Collection(ScanCollection.Name)]
public sealed class VenafiCheckTests
{
    private const string Client = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        namespace Connector;

        public sealed class VenafiClient(HttpClient http)
        {
            public Task<HttpResponseMessage> RequestAsync(string commonName) =>
                http.PostAsJsonAsync("outagedetection/v1/certificaterequests", new { commonName });
        }
        """;

    private const string Readme = """
        # Venafi connector

        ## Installation

        Add the package.

        ## Configuration

        Set `Venafi:ApiKey` from your secret store.

        ## Usage

        ```csharp
        var certificate = await client.RequestAsync("app.internal");
        ```

        ## Support

        Open an issue: https://github.com/acme/venafi-connector/issues

        ## Endpoints

        - `POST /outagedetection/v1/certificaterequests`
        """;

    [Fact]
    public void A_documented_tested_integration_passes_and_the_demo_stays_manual()
    {
        using var repository = Integration(Readme);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(["documentation", "usage-examples", "support-model", "tests", "endpoint-inventory", "hardcoded-values"], run.Ids("passed"));
        Assert.Equal("1 endpoint(s), each named in the documentation: POST /outagedetection/v1/certificaterequests (README.md)", Assert.Single(run.Evidence("endpoint-inventory")));
        Assert.Equal(["data-harvesting", "demo"], run.Ids("manual"));
        Assert.Equal("README.md:17: Support: https://github.com/acme/venafi-connector/issues", Assert.Single(run.Evidence("support-model")));
        Assert.Equal("README.md:11: Usage, with a code example", Assert.Single(run.Evidence("usage-examples")));
        Assert.True(run.Ready);
    }

    [Fact]
    public void Without_a_support_section_support_model_fails()
    {
        using var repository = Integration(Readme.Replace("## Support\n\nOpen an issue: https://github.com/acme/venafi-connector/issues\n\n", string.Empty, StringComparison.Ordinal));

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(["support-model"], run.Ids("failed"));
        Assert.Equal("README.md: no support section (a heading with Support, Getting help or Contact), no paragraph that names a support channel, and no SUPPORT.md", Assert.Single(run.Evidence("support-model")));
        Assert.Equal(1, run.Run.ExitCode);
    }

    [Fact]
    public void An_endpoint_missing_from_the_documentation_fails_endpoint_inventory()
    {
        using var repository = Integration(Readme[..Readme.IndexOf("## Endpoints", StringComparison.Ordinal)]);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(["endpoint-inventory"], run.Ids("failed"));
        Assert.Equal(
            "src/Connector/VenafiClient.cs:10: POST /outagedetection/v1/certificaterequests is not named in any Markdown document (certkit endpoints --markdown writes the inventory)",
            Assert.Single(run.Evidence("endpoint-inventory")));
    }

    private static TempRepository Integration(string readme)
    {
        var repository = TempRepository.Create();
        repository.Write("README.md", readme);
        repository.Write("src/Connector/VenafiClient.cs", Client);
        repository.Write("tests/Connector.Tests/Connector.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"17.0.0\" />\n  </ItemGroup>\n</Project>\n");
        repository.Write("tests/Connector.Tests/GreetingTests.cs", "public class GreetingTests { }\n");
        return repository;
    }
}
