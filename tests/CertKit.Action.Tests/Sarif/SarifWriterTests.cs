using System.Text.Json;
using System.Text.Json.Nodes;
using CertKit.Action.Sarif;
using CertKit.Action.Scanning;
using CertKit.Action.Tests.Scanning;
using NJsonSchema;

namespace CertKit.Action.Tests.Sarif;

[Collection(ScanCollection.Name)]
public sealed class SarifWriterTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json");

    [Fact]
    public async Task ScanSarifValidatesAgainstTheOfficialSchema()
    {
        using var repo = CreateIntegrationRepository();
        var sarifPath = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + ".sarif");
        try
        {
            var run = await ScanHarness.RunAsync(repo.Root, "--sarif", sarifPath, "--fail-on", "none");
            Assert.Equal(0, run.ExitCode);

            var sarif = await File.ReadAllTextAsync(sarifPath);
            var schema = await JsonSchema.FromFileAsync(SchemaPath);
            Assert.Empty(schema.Validate(sarif).Select(e => e.ToString()));

            var log = JsonNode.Parse(sarif)!;
            Assert.Equal("2.1.0", (string?)log["version"]);
            var sarifRun = log["runs"]![0]!;
            Assert.Equal("certkit/scan/", (string?)sarifRun["automationDetails"]!["id"]);
            Assert.Equal(new Uri(repo.Root + "/").AbsoluteUri, (string?)sarifRun["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]);

            var rules = sarifRun["tool"]!["driver"]!["rules"]!.AsArray();
            var ruleIds = rules.Select(r => (string)r!["id"]!).ToList();
            Assert.Equal(ruleIds.Order(StringComparer.Ordinal), ruleIds);
            var textRule = rules.Single(r => (string?)r!["id"] == TestAnalyzers.TextFileRuleId)!;
            Assert.Equal("MarkerInTextFile", (string?)textRule["name"]);
            Assert.Equal("Marker in text file", (string?)textRule["shortDescription"]!["text"]);
            Assert.Equal("A test rule: lines of additional files containing the scan marker.", (string?)textRule["fullDescription"]!["text"]);
            Assert.Equal(TestAnalyzers.HelpUri, (string?)textRule["helpUri"]);
            Assert.Equal("warning", (string?)textRule["defaultConfiguration"]!["level"]);

            var results = sarifRun["results"]!.AsArray();
            Assert.Equal(
                ["connect.yaml:CKT902", "src/My%20Integration/VenafiClient.cs:CKT901", "src/My%20Integration/VenafiClient.cs:CKT901", "src/My%20Integration/appsettings.json:CKT902"],
                results.Select(r => (string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]! + ":" + (string)r["ruleId"]!).Where(s => s.Contains(":CKT", StringComparison.Ordinal)));
            var result = results.Single(r => (string?)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "src/My%20Integration/appsettings.json")!;
            Assert.Equal(ruleIds.IndexOf(TestAnalyzers.TextFileRuleId), (int)result["ruleIndex"]!);
            Assert.Equal("warning", (string?)result["level"]);
            Assert.Equal("Line contains the scan marker", (string?)result["message"]!["text"]);
            var location = result["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("src/My%20Integration/appsettings.json", (string?)location["artifactLocation"]!["uri"]);
            Assert.Equal("%SRCROOT%", (string?)location["artifactLocation"]!["uriBaseId"]);
            Assert.Equal("""{"startLine":3,"startColumn":14,"endLine":3,"endColumn":25}""", location["region"]!.ToJsonString());
            Assert.Matches("^[0-9a-f]{32}$", (string?)result["partialFingerprints"]![FindingFingerprints.Key]);

            var notifications = sarifRun["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
            Assert.Contains(notifications, n => (string?)n!["message"]!["text"] == "Skipped: binary (NUL byte in the first 8 KB)"
                && (string?)n["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "assets/logo.png");
        }
        finally
        {
            File.Delete(sarifPath);
        }
    }

    [Fact]
    public async Task TheSchemaRejectsAnInvalidLog()
    {
        // Proves the validation above can fail: a level SARIF does not know and a region line of 0.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        const string invalid = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CertKit"}},"results":[
              {"ruleId":"CK1001","level":"warn","message":{"text":"x"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.cs"},"region":{"startLine":0}}}]}]}]}
            """;

        var errors = schema.Validate(invalid);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task FingerprintsAreStableAcrossRunsAndWhenLinesAreInsertedAbove()
    {
        using var repo = CreateIntegrationRepository();

        var first = await FingerprintsAsync(repo);
        var second = await FingerprintsAsync(repo);
        var settings = Path.Combine(repo.Root, "src", "My Integration", "appsettings.json");
        await File.WriteAllTextAsync(settings, "\n\n// moved down\n" + await File.ReadAllTextAsync(settings));
        var client = Path.Combine(repo.Root, "src", "My Integration", "VenafiClient.cs");
        await File.WriteAllTextAsync(client, "// header\n// more header\n" + await File.ReadAllTextAsync(client));
        var shifted = await FingerprintsAsync(repo);

        Assert.Equal(first, second);
        Assert.Equal(first.Select(f => f.Fingerprint), shifted.Select(f => f.Fingerprint));
        Assert.NotEqual(first.Select(f => f.Line), shifted.Select(f => f.Line));
        Assert.Equal(first.Count, first.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void FingerprintsDependOnTheFlaggedLineAndItsOccurrenceNotOnLineNumbers()
    {
        Finding At(int line, string text) => new("CK1001", "src/a.cs", line, 5, line, 20, "m", FindingLevel.Warning, text);

        var original = FindingFingerprints.Compute([At(10, "    var url = \"x\";"), At(20, "var url = \"x\";")]);
        var moved = FindingFingerprints.Compute([At(40, "var   url = \"x\";"), At(12, "\tvar url = \"x\";")]);
        var edited = FindingFingerprints.Compute([At(10, "var url = \"y\";")]);

        Assert.NotEqual(original[0], original[1]); // same text twice: told apart by occurrence
        Assert.Equal(original.Order(), moved.Order());
        Assert.Equal(original[1], moved[0]); // the first occurrence is now the later one
        Assert.DoesNotContain(edited[0], original);
    }

    private static TempRepository CreateIntegrationRepository()
    {
        var repo = TempRepository.Create();
        repo.Write("src/My Integration/MyIntegration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/My Integration/VenafiClient.cs", """
            namespace Integration;

            public static class VenafiClient
            {
                public const string First = "SCAN-MARKER";
                public const string Second = "SCAN-MARKER";
            }
            """);
        repo.Write("src/My Integration/appsettings.json", "{\n  \"Venafi\": {\n    \"Note\": \"SCAN-MARKER\"\n  }\n}\n");
        repo.Write("connect.yaml", "deployAs:\n  - name: SCAN-MARKER\n");
        repo.WriteBytes("assets/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0]);
        repo.Commit();
        return repo;
    }

    private static async Task<List<(string RuleId, string Path, int Line, string Fingerprint)>> FingerprintsAsync(TempRepository repo)
    {
        var sarifPath = Path.Combine(Path.GetTempPath(), "certkit-" + Guid.NewGuid().ToString("N") + ".sarif");
        try
        {
            var run = await ScanHarness.RunAsync(repo.Root, "--sarif", sarifPath, "--fail-on", "none");
            Assert.Equal(0, run.ExitCode);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath));
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("CKT", StringComparison.Ordinal))
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    return (
                        r.GetProperty("ruleId").GetString()!,
                        location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                        location.GetProperty("region").GetProperty("startLine").GetInt32(),
                        r.GetProperty("partialFingerprints").GetProperty(FindingFingerprints.Key).GetString()!);
                })
                .OrderBy(r => r.Item2, StringComparer.Ordinal)
                .ThenBy(r => r.Item4, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            File.Delete(sarifPath);
        }
    }
}
