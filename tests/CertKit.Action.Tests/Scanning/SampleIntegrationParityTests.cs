using System.Text.Json.Nodes;
using System.Xml.Linq;
using CertKit.Action.Scanning;
using CertKit.Action.Tests.Samples;
using NJsonSchema;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// Parity on the repository's sample integration (samples/SampleIntegration): <c>certkit scan</c> reports exactly the CK
/// findings (rule, file, line, column) that <c>dotnet build</c> reports with the same CertKit analyzer assembly and the
/// package's own props (which add the configuration files as AdditionalFiles).
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class SampleIntegrationParityTests
{
    private const string SampleFolder = "samples/SampleIntegration";

    [Fact]
    public async Task ScanOfTheSampleIntegrationReportsTheSameCertKitFindingsAsItsBuild()
    {
        using var repo = TempRepository.Create();
        var projectFolder = Path.Combine(repo.Root, SampleFolder);
        CopySample(projectFolder);
        UseTheAnalyzersAsThePackageDoes(Path.Combine(projectFolder, "SampleIntegration.csproj"));
        repo.Commit();

        var build = await BuildParityTests.BuildFindingsAsync(projectFolder, AnalyzerCatalog.RulesAssembly.Location, repo.Root);
        var sarifPath = repo.Root + ".sarif";
        var run = await ScanHarness.RunAsync([], repo.Root, "--json", "--sarif", sarifPath, "--fail-on", "none");
        var scan = run.Findings.Select(f => (f.RuleId, f.Path, f.Line, f.Column)).Order().ToList();

        Assert.Equal(0, run.ExitCode);
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray());
        Assert.Equal("msbuild", project.GetProperty("mode").GetString());
        Assert.Empty(run.Json.GetProperty("analyzerFailures").EnumerateArray());
        Assert.Equal(build, scan);

        // Not vacuous: the sample carries a deliberate finding for every rule, so every rule the assembly ships shows up.
        var shipped = AnalyzerCatalog.Descriptors(AnalyzerCatalog.LoadCertKitAnalyzers()).Select(d => d.Id).Distinct().Order().ToList();
        Assert.Equal(shipped, build.Select(f => f.RuleId).Distinct().Order().ToList());
        Assert.All(build, f => Assert.StartsWith(SampleFolder + "/", f.Path, StringComparison.Ordinal));
        // The configuration file counts on both sides: the build sees it through the package's props, the scan as a text file.
        Assert.Contains(build, f => f.Path == SampleFolder + "/appsettings.json");

        // The SARIF of the same scan validates against the official schema and carries the same findings.
        try
        {
            var sarif = await File.ReadAllTextAsync(sarifPath);
            var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json"));
            Assert.Empty(schema.Validate(sarif).Select(e => e.ToString()));
            var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray()
                .Select(r => ((string)r!["ruleId"]!, Uri.UnescapeDataString((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!), (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!))
                .Order()
                .ToList();
            Assert.Equal(build.Select(f => (f.RuleId, f.Path, f.Line)).Order().ToList(), results);
        }
        finally
        {
            File.Delete(sarifPath);
        }
    }

    private static void CopySample(string destination)
    {
        var source = Path.Combine(SourceTree.Root, "samples", "SampleIntegration");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// What a PackageReference to CertKit.Analyzers does, from the source tree: the analyzer assembly (for the build, through
    /// the CertKitAnalyzer property) and the package's props. The scan opens the same project file.
    /// </summary>
    private static void UseTheAnalyzersAsThePackageDoes(string projectPath)
    {
        var project = XDocument.Load(projectPath);
        var props = Path.Combine(SourceTree.Root, "analyzers", "CertKit.Analyzers.Package", "build", "CertKit.Analyzers.props");
        project.Root!.Add(
            new XElement("Import", new XAttribute("Project", props)),
            new XElement("ItemGroup",
                new XElement("Analyzer",
                    new XAttribute("Include", "$(CertKitAnalyzer)"),
                    new XAttribute("Condition", "'$(CertKitAnalyzer)' != ''"))));
        project.Save(projectPath);
    }
}
