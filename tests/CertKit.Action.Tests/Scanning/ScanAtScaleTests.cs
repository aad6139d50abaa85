using System.Text.Json;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// The scan on a repository of several projects with project references, a linked shared source, a project that cannot
/// be loaded and files under no project: a pull request's scan against a full one, the design-time cache, --timings and
/// the fallback's references.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class ScanAtScaleTests
{
    private const string WithCoreReference = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Core/Core.csproj" />
          </ItemGroup>
        </Project>
        """;

    private const string WithCoreReferenceAndSharedSource = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Core/Core.csproj" />
            <Compile Include="../../shared/*.cs" Link="Shared/%(Filename)%(Extension)" />
          </ItemGroup>
        </Project>
        """;

    private const string BrokenProject = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n";

    private static TempRepository MultiProjectRepository()
    {
        var repo = TempRepository.Create();
        repo.Write(".gitignore", "bin/\nobj/\n");
        repo.Write("src/Core/Core.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Core/Sender.cs", """
            namespace Core;

            public static class Sender
            {
                public static string SendMarked(string text) => text;

                public const string Note = "SCAN-MARKER in core";
            }
            """);
        repo.Write("src/Api/Api.csproj", WithCoreReferenceAndSharedSource);
        repo.Write("src/Api/Endpoint.cs", """
            namespace Api;

            public static class Endpoint
            {
                public static string Handle() => Core.Sender.SendMarked("SCAN-MARKER in api");
            }
            """);
        repo.Write("src/Worker/Worker.csproj", WithCoreReference);
        repo.Write("src/Worker/Job.cs", """
            namespace Worker;

            public static class Job
            {
                public static string Run() => Core.Sender.SendMarked("job");
            }
            """);
        repo.Write("src/Worker/appsettings.json", "{\n  \"First\": \"SCAN-MARKER\",\n  \"Second\": \"plain\"\n}\n");
        repo.Write("src/Tools/Tools.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Tools/Tool.cs", "public static class Tool\n{\n    public const string Note = \"SCAN-MARKER in tools\";\n}\n");
        repo.Write("src/Broken/Broken.csproj", BrokenProject);
        repo.Write("src/Broken/Legacy.cs", "public static class Legacy\n{\n    public const string Note = \"SCAN-MARKER in legacy\";\n}\n");
        repo.Write("shared/Links.cs", """
            public static class Links
            {
                public static string Call() => Core.Sender.SendMarked("shared");
            }
            """);
        repo.Write("connect.yaml", "name: SCAN-MARKER\n");
        repo.Commit("base");
        return repo;
    }

    [Fact]
    public async Task PullRequestScanFindsExactlyWhatAFullScanFindsOnTheChangedLinesAndAnalysesOnlyWhatChanged()
    {
        using var repo = MultiProjectRepository();
        var baseCommit = repo.Git("rev-parse", "HEAD").Trim();
        repo.Write("src/Core/Sender.cs", """
            namespace Core;

            public static class Sender
            {
                public static string SendMarked(string text) => text;

                public const string Note = "SCAN-MARKER in core";

                public static string Other() => SendMarked("SCAN-MARKER added");
            }
            """);
        repo.Write("shared/Links.cs", """
            public static class Links
            {
                public static string Call() => Core.Sender.SendMarked("shared, SCAN-MARKER");
            }
            """);
        repo.Write("src/Worker/appsettings.json", "{\n  \"First\": \"SCAN-MARKER\",\n  \"Second\": \"plain\",\n  \"Third\": \"SCAN-MARKER\"\n}\n");
        repo.Commit("change");

        var full = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");
        var pullRequest = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--base", baseCommit);

        // The full scan resolved calls through project references, also in the linked shared source (compiled by Api).
        Assert.Contains(Findings(full), f => f.RuleId == ReferencedCallAnalyzer.RuleId && f.Path == "src/Worker/Job.cs");
        Assert.Contains(Findings(full), f => f.RuleId == ReferencedCallAnalyzer.RuleId && f.Path == "shared/Links.cs");
        var changed = await ChangedLines.ReadAsync(repo.Root, baseCommit, CancellationToken.None);
        var expected = Findings(full).Where(f => changed.Contains(f.Path, f.Line)).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(expected, f => f.RuleId == ReferencedCallAnalyzer.RuleId && f.Path == "shared/Links.cs");
        Assert.Contains(expected, f => f.Path == "src/Worker/appsettings.json");
        Assert.Equal(expected, Findings(pullRequest));

        // Core and Api (which links the shared file) in full, Worker for its changed text file only; Tools and Broken not at all.
        Assert.Equal(
            [("(files under no project)", 1), ("src/Api/Api.csproj", 2), ("src/Core/Core.csproj", 1), ("src/Worker/Worker.csproj", 0)],
            Projects(pullRequest).Select(p => (p.Path, p.SourceFiles)).Order());
    }

    [Fact]
    public async Task ChangedBuildConfigurationWidensTheScanToEveryProjectItReachesAndStillReportsOnlyChangedLines()
    {
        using var repo = MultiProjectRepository();
        var baseCommit = repo.Git("rev-parse", "HEAD").Trim();
        repo.Write("src/Worker/.editorconfig", "[*.cs]\ndotnet_diagnostic.CKT903.severity = error\n");
        repo.Write("src/Worker/Job.cs", """
            namespace Worker;

            public static class Job
            {
                public static string Run() => Core.Sender.SendMarked("job");

                public static string Again() => Core.Sender.SendMarked("again");
            }
            """);
        repo.Commit("stricter worker");

        var full = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");
        var pullRequest = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--base", baseCommit);

        // The new call is reported with the severity the new .editorconfig gives it; the unchanged one is not reported.
        var changed = await ChangedLines.ReadAsync(repo.Root, baseCommit, CancellationToken.None);
        var expected = Findings(full).Where(f => changed.Contains(f.Path, f.Line)).ToList();
        Assert.Equal([(ReferencedCallAnalyzer.RuleId, "src/Worker/Job.cs", 7, "error")], expected.Select(f => (f.RuleId, f.Path, f.Line, f.Severity)));
        Assert.Equal(expected, Findings(pullRequest));
        Assert.Equal(["src/Worker/Worker.csproj"], Projects(pullRequest).Select(p => p.Path));

        // A build file above every project widens to all of them (the broken one falls back, as in a full scan); the new
        // file itself is a text file under no project.
        repo.Write("src/Directory.Build.props", "<Project>\n  <!-- SCAN-MARKER -->\n  <PropertyGroup>\n    <LangVersion>latest</LangVersion>\n  </PropertyGroup>\n</Project>\n");
        var everything = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--base", "HEAD");
        Assert.Equal(
            ["(files under no project)", "src/Api/Api.csproj", "src/Broken/Broken.csproj", "src/Core/Core.csproj", "src/Tools/Tools.csproj", "src/Worker/Worker.csproj"],
            Projects(everything).Select(p => p.Path).Order());
        var fullAgain = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");
        var untracked = await ChangedLines.ReadAsync(repo.Root, "HEAD", CancellationToken.None);
        Assert.Equal([(TestAnalyzers.TextFileRuleId, "src/Directory.Build.props")], Findings(everything).Select(f => (f.RuleId, f.Path)));
        Assert.Equal(Findings(fullAgain).Where(f => untracked.Contains(f.Path, f.Line)).ToList(), Findings(everything));
    }

    [Fact]
    public async Task SecondScanWithTheCacheSkipsDesignTimeBuildsEvenWithoutObjFoldersAndFindsTheSame()
    {
        using var repo = MultiProjectRepository();
        using var cache = TempRepository.Create(git: false);

        var first = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);
        foreach (var obj in Directory.GetDirectories(Path.Combine(repo.Root, "src"), "obj", SearchOption.AllDirectories))
        {
            Directory.Delete(obj, recursive: true);
        }

        var second = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);

        Assert.Equal(0, first.ExitCode);
        Assert.All(Projects(first).Where(p => p.Mode == "msbuild"), p => Assert.Equal("miss", p.Cache));
        Assert.All(Projects(second).Where(p => p.Mode == "msbuild"), p => Assert.Equal("hit", p.Cache));
        Assert.Equal(4, Projects(second).Count(p => p.Mode == "msbuild"));
        Assert.Equal(Findings(first), Findings(second));
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "src", "Core", "obj")), "a cached scan restores nothing");

        // The project MSBuild could not load is not asked again under the same key: it falls back as before, and says why.
        string BrokenReason(ScanRun run) => run.Json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "src/Broken/Broken.csproj").GetProperty("reason").GetString()!;
        Assert.DoesNotContain("remembered", BrokenReason(first), StringComparison.Ordinal);
        Assert.Equal(BrokenReason(first) + " (remembered from an earlier scan in --cache-dir)", BrokenReason(second));

        // A changed project file is a miss for that project only.
        repo.Write("src/Tools/Tools.csproj", TempRepository.ClassLibraryProject.Replace("<Nullable>enable</Nullable>", "<Nullable>disable</Nullable>", StringComparison.Ordinal));
        var third = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);
        Assert.Equal(
            [("src/Api/Api.csproj", "hit"), ("src/Core/Core.csproj", "hit"), ("src/Tools/Tools.csproj", "miss"), ("src/Worker/Worker.csproj", "hit")],
            Projects(third).Where(p => p.Mode == "msbuild").Select(p => (p.Path, p.Cache!)).Order());
    }

    [Fact]
    public async Task TimingsSplitTheWallTimeIntoPhasesPerProjectAndReportPeakMemory()
    {
        using var repo = MultiProjectRepository();

        var json = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none", "--timings");
        var text = await ScanHarness.RunAsync(repo.Root, "--fail-on", "none", "--timings");

        var timings = json.Json.GetProperty("timings");
        var wall = timings.GetProperty("wallSeconds").GetDouble();
        var phases = timings.GetProperty("phases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(["textFiles", "restore", "load", "compilation", "analyzers", "report"], phases.Keys);
        Assert.All(phases.Values, seconds => Assert.True(seconds >= 0));
        Assert.True(phases["load"] > 0 && phases["compilation"] > 0 && phases["analyzers"] > 0);
        // Within a microsecond: rounding both sides to six places fails when the sum lands on a half (seen once in a fresh clone).
        Assert.Equal(wall, phases.Values.Sum() + timings.GetProperty("otherSeconds").GetDouble(), tolerance: 1e-6);
        Assert.True(timings.GetProperty("peakMemoryBytes").GetInt64() > 10 * 1024 * 1024);
        Assert.Equal(
            ["src/Api/Api.csproj", "src/Broken/Broken.csproj", "src/Core/Core.csproj", "src/Tools/Tools.csproj", "src/Worker/Worker.csproj"],
            timings.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("path").GetString()).Where(p => p!.StartsWith("src/", StringComparison.Ordinal)));
        Assert.Contains("\nTimings (wall ", text.Output);
        Assert.Contains("\n  analyzers ", text.Output);
        Assert.Contains("\n    src/Core/Core.csproj: ", text.Output);

        var without = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");
        Assert.Equal(JsonValueKind.Null, without.Json.GetProperty("timings").ValueKind);
    }

    [Fact]
    public async Task FallbackSaysWhyOnOneLineAndCompilesWithThePackagesOfItsLastRestore()
    {
        using var repo = TempRepository.Create();
        repo.Write("legacy/Legacy.csproj", BrokenProject);
        repo.Write("legacy/Client.cs", "public static class Client\n{\n    public static string Run() => Vendor.Sdk.Api.SendMarked();\n}\n");
        repo.Commit();

        // What a restore left behind: obj/project.assets.json naming a package whose compile assembly is in the package folder.
        var packages = Path.Combine(repo.Root, "packages-folder");
        var assembly = Path.Combine(packages, "vendor.sdk", "1.2.3", "lib", "net8.0", "Vendor.Sdk.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        var emitted = CSharpCompilation.Create(
                "Vendor.Sdk",
                [CSharpSyntaxTree.ParseText("namespace Vendor.Sdk; public static class Api { public static string SendMarked() => \"\"; }")],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .Emit(assembly);
        Assert.True(emitted.Success);
        repo.Write("legacy/obj/project.assets.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = 3,
            ["targets"] = new Dictionary<string, object>
            {
                ["net10.0"] = new Dictionary<string, object>
                {
                    ["Vendor.Sdk/1.2.3"] = new { type = "package", compile = new Dictionary<string, object> { ["lib/net8.0/Vendor.Sdk.dll"] = new { } } },
                    ["Empty/1.0.0"] = new { type = "package", compile = new Dictionary<string, object> { ["lib/net8.0/_._"] = new { } } },
                },
            },
            ["libraries"] = new Dictionary<string, object>
            {
                ["Vendor.Sdk/1.2.3"] = new { type = "package", path = "vendor.sdk/1.2.3" },
                ["Empty/1.0.0"] = new { type = "package", path = "empty/1.0.0" },
            },
            ["packageFolders"] = new Dictionary<string, object> { [packages + "/"] = new { } },
        }));

        var json = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");
        var text = await ScanHarness.RunAsync(repo.Root, "--fail-on", "none");

        Assert.Contains((ReferencedCallAnalyzer.RuleId, "legacy/Client.cs", 3, 35), json.Findings);
        var project = Assert.Single(Projects(json));
        Assert.Equal(("legacy/Legacy.csproj", "fallback", 1), (project.Path, project.Mode, project.FallbackPackages!.Value));
        var lines = text.Output.Split('\n');
        var header = Array.IndexOf(lines, "Projects compiled ad hoc (1):");
        Assert.True(header > 0, text.Output);
        Assert.StartsWith("  legacy/Legacy.csproj: ", lines[header + 1]);
        Assert.True(lines[header + 1].Length > "  legacy/Legacy.csproj: ".Length + 10, lines[header + 1]);
        Assert.Contains("  legacy/Legacy.csproj: NOT loaded, compiled ad hoc against the framework references and 1 package from obj/project.assets.json; 1 C# files", text.Output);
    }

    [Fact]
    public async Task AProjectCompiledAdHocKeepsItsProjectFilesKindForTheRules()
    {
        // Windows Forms projects do not restore on Linux (NETSDK1100, as ShareX's), so they are compiled ad hoc,
        // against ASP.NET Core among others; their project files still say what they are: a setup tool (Exe, no hosting) may
        // write to its console, a library may not.
        using var repo = TempRepository.Create();
        repo.Write("Setup/Setup.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0-windows</TargetFramework>\n    <UseWindowsForms>true</UseWindowsForms>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("Setup/Program.cs", "System.Console.WriteLine(\"setup started\");\n");
        repo.Write("Helpers/Helpers.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0-windows</TargetFramework>\n    <UseWindowsForms>true</UseWindowsForms>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("Helpers/Log.cs", "public static class Log\n{\n    public static void Write(string message) => System.Console.WriteLine(message);\n}\n");
        repo.Commit();

        var json = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(["fallback", "fallback"], Projects(json).Select(p => p.Mode));
        Assert.Equal([("Helpers/Log.cs", 3)], Findings(json).Where(f => f.RuleId == "CK3001").Select(f => (f.Path, f.Line)));
    }

    private sealed record FindingRow(string RuleId, string Path, int Line, int Column, int EndLine, int EndColumn, string Message, string Severity);

    private sealed record ProjectRow(string Path, string Mode, int SourceFiles, string? Cache, int? FallbackPackages);

    private static List<FindingRow> Findings(ScanRun run) =>
        run.Json.GetProperty("findings").EnumerateArray()
            .Select(f => new FindingRow(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("path").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("column").GetInt32(),
                f.GetProperty("endLine").GetInt32(),
                f.GetProperty("endColumn").GetInt32(),
                f.GetProperty("message").GetString()!,
                f.GetProperty("severity").GetString()!))
            .ToList();

    private static List<ProjectRow> Projects(ScanRun run) =>
        run.Json.GetProperty("projects").EnumerateArray()
            .Select(p => new ProjectRow(
                p.GetProperty("path").GetString()!,
                p.GetProperty("mode").GetString()!,
                p.GetProperty("sourceFiles").GetInt32(),
                p.GetProperty("designTimeCache").GetString(),
                p.GetProperty("fallbackPackages").ValueKind == JsonValueKind.Number ? p.GetProperty("fallbackPackages").GetInt32() : null))
            .ToList();
}
