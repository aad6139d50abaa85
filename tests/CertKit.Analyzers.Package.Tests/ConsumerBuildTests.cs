using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CertKit.Analyzers.Package.Tests;

/// <summary>
/// Packs CertKit.Analyzers once, with a version no earlier run used, and builds a copy of samples/SampleIntegration that
/// references it through a local feed (and a packages folder of its own): no cache can serve a stale package.
/// </summary>
public sealed class PackedSampleBuild : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "certkit-consumer-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Unique per run: a numeric identifier (no leading zero) and an alphanumeric one.</summary>
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow.Ticks}.g{Guid.NewGuid():N}";

    public string Feed => Path.Combine(Root, "feed");

    public string Consumer => Path.Combine(Root, "consumer");

    public string PackagesFolder => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(Feed, $"CertKit.Analyzers.{Version}.nupkg");

    /// <summary>The compiler's SARIF 2.1 log of the consumer build (",version=2.1", the comma escaped for MSBuild): every diagnostic with its rule's help link.</summary>
    public string ErrorLog => Path.Combine(Root, "consumer.sarif");

    public string BuildOutput { get; private set; } = string.Empty;

    public int BuildExitCode { get; private set; } = -1;

    public Task InitializeAsync() => Task.Run(() =>
    {
        Directory.CreateDirectory(Feed);
        var repository = DotnetCli.RepositoryRoot();
        // Built into a folder of its own: the source tree's bin/obj (and their restore state, which records the version)
        // stay as the solution's build left them, whatever runs beside this test.
        var pack = DotnetCli.Run(repository, PackTimeout,
            "pack", Path.Combine("analyzers", "CertKit.Analyzers.Package"), "-c", "Release", "-o", Feed, "-nologo",
            $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}");
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack failed (exit {pack.ExitCode}):\n{pack.Output}");
        }

        SampleIntegration.CopyTo(Consumer);
        ReferencePackage(Path.Combine(Consumer, "SampleIntegration.csproj"));
        File.WriteAllText(Path.Combine(Consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="certkit-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        var build = DotnetCli.Run(Consumer, BuildTimeout,
            "build", "-nologo", "-v:q", "-clp:NoSummary", $"-p:RestorePackagesPath={PackagesFolder}", $"-p:ErrorLog={ErrorLog}%2Cversion=2.1");
        BuildExitCode = build.ExitCode;
        BuildOutput = build.Output;
    });

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    private void ReferencePackage(string projectPath)
    {
        var project = XDocument.Load(projectPath);
        project.Root!.Add(new XElement("ItemGroup",
            new XElement("PackageReference",
                new XAttribute("Include", "CertKit.Analyzers"),
                new XAttribute("Version", Version),
                new XAttribute("PrivateAssets", "all"))));
        project.Save(projectPath);
    }
}

/// <summary>The CertKit.Analyzers package as a partner consumes it: a PackageReference, a local feed, <c>dotnet build</c>.</summary>
public sealed partial class ConsumerBuildTests : IClassFixture<PackedSampleBuild>
{
    private readonly PackedSampleBuild _build;

    public ConsumerBuildTests(PackedSampleBuild build)
    {
        _build = build;
    }

    [Fact]
    public void PackageHoldsBothAssembliesAsAnalyzersThePropsAndIsADevelopmentDependency()
    {
        using var package = ZipFile.OpenRead(_build.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).Where(n => !IsPackagingMetadata(n)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "README.md",
                "analyzers/dotnet/cs/CertKit.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/CertKit.Analyzers.dll",
                "build/CertKit.Analyzers.props",
                "buildTransitive/CertKit.Analyzers.props",
                "certkit-icon.png",
            ],
            entries);

        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = nuspecEntry.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("CertKit.Analyzers", Value("id"));
        Assert.Equal(_build.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("certkit-icon.png", Value("icon"));
        Assert.Equal("https://github.com/certkit/certkit", Value("projectUrl"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal($"https://github.com/certkit/certkit/releases/tag/v{_build.Version}", Value("releaseNotes"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/certkit/certkit", repository.Attribute("url")?.Value);
        // The package's own README: links are absolute (a package page has no repository to be relative to).
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var readmeText = readme.ReadToEnd();
        Assert.StartsWith("# CertKit.Analyzers", readmeText);
        Assert.DoesNotMatch(@"\]\((?!https://)", readmeText);
        // An analyzer package must not drag Roslyn (or anything else) into the consumer's dependencies.
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));

        using var props = new StreamReader(package.GetEntry("build/CertKit.Analyzers.props")!.Open());
        using var transitiveProps = new StreamReader(package.GetEntry("buildTransitive/CertKit.Analyzers.props")!.Open());
        Assert.Equal(props.ReadToEnd(), transitiveProps.ReadToEnd());
    }

    [Fact]
    public void ConsumerBuildReportsExactlyTheSamplesDeliberateFindings()
    {
        Assert.True(_build.BuildExitCode == 0, $"dotnet build of the consumer failed:\n{_build.BuildOutput}");
        // The analyzers loaded and ran without failing: no AD0001 (an analyzer threw), no CS8032/CS8033 (could not be loaded).
        Assert.DoesNotMatch(AnalyzerFailure(), _build.BuildOutput);

        var reported = SampleIntegration.ParseBuildOutput(_build.BuildOutput, _build.Consumer);
        var expected = SampleIntegration.Ordered(SampleIntegration.Expected);
        var missing = expected.Except(reported).ToList();
        var unexpected = reported.Except(expected).ToList();
        var nowReported = unexpected.Intersect(SampleIntegration.Pending).ToList();

        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"""
            The consumer build's CK findings differ from the sample's deliberate findings.
            Missing: {Describe(missing)}
            Unexpected: {Describe(unexpected)}
            {(nowReported.Count > 0 ? $"Pending findings now reported (their rule landed): move {Describe(nowReported)} from SampleIntegration.Pending to Expected and to the README's table." : string.Empty)}
            Build output:
            {_build.BuildOutput}
            """);
    }

    [Fact]
    public void HelpLinksPointAtTheDocsOfThePackagesVersion()
    {
        Assert.True(_build.BuildExitCode == 0, $"dotnet build of the consumer failed:\n{_build.BuildOutput}");
        using var log = JsonDocument.Parse(File.ReadAllText(_build.ErrorLog));
        var rules = log.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var r) ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(rule => rule.GetProperty("id").GetString()!.StartsWith("CK", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal(
            $"https://github.com/certkit/certkit/blob/v{_build.Version}/docs/rules/{rule.GetProperty("id").GetString()}.md",
            rule.GetProperty("helpUri").GetString()));
        // Each CK warning of the build points at one of those rules.
        var results = log.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var r) ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("CK", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(results);
        Assert.All(results, result => Assert.Contains(rules, rule => rule.GetProperty("id").GetString() == result.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void ConsumerBuildHasNoWarningsButCertKitOnes()
    {
        Assert.True(_build.BuildExitCode == 0, $"dotnet build of the consumer failed:\n{_build.BuildOutput}");

        var others = OtherWarning().Matches(_build.BuildOutput).Select(m => m.Value.Trim()).Distinct().ToList();

        Assert.True(others.Count == 0, "The sample must compile cleanly, so that its CK findings stand out:\n" + string.Join('\n', others));
    }

    [Fact]
    public void PackagePropsAddTheConfigurationFilesAsAdditionalFilesAndExposeTheProjectKind()
    {
        var evaluation = DotnetCli.Run(_build.Consumer, TimeSpan.FromMinutes(2),
            "msbuild", "SampleIntegration.csproj", "-nologo",
            "-getItem:AdditionalFiles", "-getItem:CompilerVisibleProperty", $"-p:RestorePackagesPath={_build.PackagesFolder}");
        Assert.True(evaluation.ExitCode == 0, evaluation.Output);

        var items = JsonDocument.Parse(evaluation.Output).RootElement.GetProperty("Items");
        // Exactly the files that exist: a fixed name that is not there (.env, secrets.json) would fail the build with CS2001.
        var additionalFiles = items.GetProperty("AdditionalFiles").EnumerateArray()
            .Select(i => Path.GetRelativePath(_build.Consumer, i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var visibleProperties = items.GetProperty("CompilerVisibleProperty").EnumerateArray()
            .Select(i => i.GetProperty("Identity").GetString()!)
            .ToList();

        // The sample's configuration file, and the nuget.config the test wrote (*.config): the package's props put them there.
        Assert.Equal(["appsettings.json", "nuget.config"], additionalFiles);
        Assert.Contains("IsTestProject", visibleProperties);
        Assert.Contains("OutputType", visibleProperties);
    }

    private static bool IsPackagingMetadata(string entry) =>
        entry.EndsWith(".nuspec", StringComparison.Ordinal)
        || entry.StartsWith("_rels/", StringComparison.Ordinal)
        || entry.StartsWith("package/", StringComparison.Ordinal)
        || entry == "[Content_Types].xml";

    private static string Describe(IEnumerable<SampleFinding> findings)
    {
        var list = findings.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    [GeneratedRegex(@"\b(AD0001|CS8032|CS8033)\b")]
    private static partial Regex AnalyzerFailure();

    // Any warning whose id is not a CertKit one (compiler, NuGet, MSBuild).
    [GeneratedRegex(@"^.*: warning (?!CK\d{4}:)[A-Z]+\d+:.*$", RegexOptions.Multiline)]
    private static partial Regex OtherWarning();
}
