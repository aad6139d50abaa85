using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// Adoption on an existing codebase: <c>--write-baseline</c>, then <c>--baseline</c> reports only what is new; suppressed
/// findings stay in the SARIF with their suppression. Runs the shipped CertKit rules through the real command.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class ScanBaselineTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json");

    private const string Legacy = """
        using System.Diagnostics.CodeAnalysis;

        namespace Legacy;

        public static class Settings
        {
            public const string ApiKey = "Zx81-kLm2-Qp07";
        #pragma warning disable CK1002
            public const string ClientSecret = "q7Rt-2mZx-Lp9W";
        #pragma warning restore CK1002

            [SuppressMessage("Security", "CK1002", Justification = "rotated monthly")]
            public static string Password() => "W1nter-2024!";
        }
        """;

    [Fact]
    public async Task A_baseline_reports_only_the_new_secret_and_the_sarif_keeps_the_rest_with_their_state()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Legacy.cs", Legacy);
        repo.Write("config/appsettings.json", "{\n  \"Venafi\": {\n    \"ApiKey\": \"vn-4411-aa90-k2\"\n  }\n}\n");
        repo.Write("docker-compose.yml", "services:\n  db:\n    environment:\n      # certkit:allow local fixture database\n      POSTGRES_PASSWORD: Pr0d-Passw0rd\n");
        repo.Write("tools/sync.js", "const api = 'https://api.venafi.cloud/v1';\n");
        repo.Write(".editorconfig", "root = true\n\n[tools/**.js]\ndotnet_diagnostic.CK1001.severity = none\n");
        repo.Commit();
        var baseline = Path.Combine(repo.Root, ".certkit-baseline.json");

        var first = await ScanHarness.RunAsync(repo.Root, "--write-baseline", baseline, "--json");

        Assert.True(first.ExitCode == 0, first.Error);
        var accepted = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray();
        Assert.Equal(
            ["config/appsettings.json:CK1002", "src/Legacy.cs:CK1002"],
            accepted.Select(f => (string)f!["path"]! + ":" + (string)f["ruleId"]!).Order(StringComparer.Ordinal));

        // Lines move above both accepted findings, and one new secret is added.
        repo.Write("src/Legacy.cs", "// Settings kept for the v1 clients.\n\n" + Legacy);
        repo.Write("config/appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Venafi\": {\n    \"ApiKey\": \"vn-4411-aa90-k2\"\n  }\n}\n");
        repo.Write("config/.env", "ADOBE_SIGN_CLIENT_SECRET=Kx8mP2vQ9rT5wY3z\n");
        var sarifPath = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-baseline.sarif");
        try
        {
            var second = await ScanHarness.RunAsync(repo.Root, "--baseline", baseline, "--sarif", sarifPath, "--json");

            Assert.Equal(1, second.ExitCode);
            var reported = second.Json.GetProperty("findings").EnumerateArray().ToList();
            var single = Assert.Single(reported);
            Assert.Equal("CK1002", single.GetProperty("ruleId").GetString());
            Assert.Equal("config/.env", single.GetProperty("path").GetString());
            Assert.Equal(2, second.Json.GetProperty("baseline").GetProperty("unchanged").GetInt32());
            Assert.Equal(1, second.Json.GetProperty("allowedInline").GetInt32());

            var sarif = await File.ReadAllTextAsync(sarifPath);
            var schema = await JsonSchema.FromFileAsync(SchemaPath);
            Assert.Empty(schema.Validate(sarif).Select(e => e.ToString()));

            var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
            string Describe(JsonNode r) =>
                (string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]! + ":" + (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!
                + " " + (string)r["ruleId"]! + " " + (string?)r["baselineState"]
                + (r["suppressions"] is JsonArray suppressions ? " " + (string)suppressions[0]!["kind"]! : string.Empty);
            Assert.Equal(
                [
                    "config/.env:1 CK1002 new",
                    "config/appsettings.json:4 CK1002 unchanged external",
                    "docker-compose.yml:5 CK1002 new inSource",
                    "src/Legacy.cs:11 CK1002 new inSource",
                    "src/Legacy.cs:15 CK1002 new inSource",
                    "src/Legacy.cs:9 CK1002 unchanged external",
                    "tools/sync.js:1 CK1001 new external",
                ],
                results.Select(r => Describe(r!)).Order(StringComparer.Ordinal));
            var allowed = results.Single(r => (string?)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "docker-compose.yml")!;
            Assert.Equal("certkit:allow: local fixture database", (string?)allowed["suppressions"]![0]!["justification"]);
        }
        finally
        {
            File.Delete(sarifPath);
        }
    }

    [Fact]
    public async Task A_certkit_allow_comment_suppresses_and_is_counted_in_the_text_report()
    {
        using var repo = TempRepository.Create();
        repo.Write(".env", "CTP_CLIENT_SECRET=Zk3v9TqLw2Xp8RmN # certkit:allow\nVENAFI_API_KEY=vn-4411-aa90-k2\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".env:2:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".env:1:", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 suppressed (1 by certkit:allow)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", "does not exist")]
    [InlineData("bad.json", "is not a CertKit baseline")]
    public async Task A_missing_or_malformed_baseline_is_one_line_and_exit_1(string file, string expected)
    {
        using var repo = TempRepository.Create();
        repo.Write("bad.json", "{ \"version\": 7 }");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--baseline", Path.Combine(repo.Root, file));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, run.Output);
    }
}
