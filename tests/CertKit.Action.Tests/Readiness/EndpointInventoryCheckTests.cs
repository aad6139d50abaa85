using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary><c>endpoint-inventory</c> matches documented endpoints by normalised path, whoever wrote the table.</summary>
[Collection(ScanCollection.Name)]
public sealed class EndpointInventoryCheckTests
{
    // Three endpoints, all through one helper; the base is a configured URL that ends in /vedsdk.
    private const string Client = """
        namespace Connector;

        public sealed class TppClient(HttpClient http, string tppUrl)
        {
            public Task<string> RequestAsync() => SendAsync(HttpMethod.Post, "/certificates/request");
            public Task<string> RetrieveAsync(string dn) => SendAsync(HttpMethod.Get, $"/certificates/{Uri.EscapeDataString(dn)}");
            public Task<string> RevokeAsync() => SendAsync(HttpMethod.Post, "/certificates/revoke");

            private async Task<string> SendAsync(HttpMethod method, string path)
            {
                using var response = await http.SendAsync(new HttpRequestMessage(method, tppUrl + path));
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    private const string HandWritten = """
        # TPP connector

        ## REST endpoints used

        | Method | Endpoint | Purpose |
        |---|---|---|
        | POST | /vedsdk/certificates/request | enroll |
        | GET | /vedsdk/certificates/:guid | retrieve |
        """;

    [Fact]
    public void A_hand_written_table_with_other_parameter_names_and_a_base_prefix_lists_exactly_the_undocumented()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Connector/TppClient.cs", Client);
        repository.Write("README.md", HandWritten);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Contains("endpoint-inventory", run.Ids("failed"));
        Assert.Equal(
            "src/Connector/TppClient.cs:7: POST /certificates/revoke is not named in any Markdown document (certkit endpoints --markdown writes the inventory)",
            Assert.Single(run.Evidence("endpoint-inventory")));
    }

    [Fact]
    public async Task The_tools_own_markdown_and_a_completed_table_both_pass()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Connector/TppClient.cs", Client);
        repository.Write("README.md", HandWritten + "| POST | `/vedsdk/certificates/revoke` | revoke |\n");

        Assert.DoesNotContain("endpoint-inventory", CheckRun.Of(repository.Root, "venafi").Ids("failed"));

        var report = await EndpointInventory.ScanAsync(repository.Root, CancellationToken.None);
        repository.Write("README.md", "# TPP connector\n");
        repository.Write("docs/endpoints.md", EndpointMarkdown.Render(report));
        Assert.DoesNotContain("endpoint-inventory", CheckRun.Of(repository.Root, "venafi").Ids("failed"));
        Assert.Contains("endpoint-inventory", CheckRun.Of(repository.Root, "venafi").Ids("passed"));
    }

    [Fact]
    public void A_method_named_on_the_line_must_be_the_endpoints()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Connector/TppClient.cs", Client);
        repository.Write("README.md", HandWritten.Replace("| POST | /vedsdk/certificates/request", "| GET | /vedsdk/certificates/request", StringComparison.Ordinal) + "- `POST /vedsdk/certificates/revoke`\n");

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(
            "src/Connector/TppClient.cs:5: POST /certificates/request is not named in any Markdown document (certkit endpoints --markdown writes the inventory)",
            Assert.Single(run.Evidence("endpoint-inventory")));
    }
}
