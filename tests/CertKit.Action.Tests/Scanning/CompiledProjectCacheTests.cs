using System.Collections.Concurrent;
using System.Collections.Immutable;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// Compiled results in <c>--cache-dir</c>: a project whose inputs did not change is neither compiled nor analysed again,
/// reports what its analysis reported, and a change to it or to a project below it brings it back.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class CompiledProjectCacheTests
{
    private const string AppReferencingLib = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Lib/Lib.csproj" />
          </ItemGroup>
        </Project>
        """;

    private static TempRepository AppAndLib()
    {
        var repository = TempRepository.Create();
        repository.Write(".gitignore", "bin/\nobj/\n");
        // Warnings are errors, and one declaration warns (CS0108): the reference assembly is still emitted and cached.
        repository.Write("src/Lib/Lib.csproj", TempRepository.ClassLibraryProject.Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>", StringComparison.Ordinal));
        repository.Write("src/Lib/Settings.cs", "namespace Lib;\n\npublic static class Settings\n{\n    public const string Note = \"SCAN-MARKER in lib\";\n}\n");
        repository.Write("src/Lib/Shapes.cs", "namespace Lib;\n\npublic class Shape\n{\n    public string Name => \"shape\";\n}\n\npublic class Square : Shape\n{\n    public string Name => \"square\";\n}\n");
        repository.Write("src/App/App.csproj", AppReferencingLib);
        repository.Write("src/App/Client.cs", "namespace App;\n\npublic static class Client\n{\n    public static string Describe() => Lib.Settings.Note + \"SCAN-MARKER in app\";\n}\n");
        repository.Write("src/App/appsettings.json", "{ \"Endpoint\": \"SCAN-MARKER\" }\n");
        repository.Commit("an app and the library it references");
        return repository;
    }

    [Fact]
    public async Task An_unchanged_project_is_neither_compiled_nor_analysed_again_and_reports_the_same_findings()
    {
        using var repository = AppAndLib();
        using var cache = TempRepository.Create(git: false);
        var seen = new AnalysedCompilations();
        Task<ScanRun> Scan() => ScanHarness.RunAsync([.. TestAnalyzers.All, seen], repository.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);

        var first = await Scan();
        Assert.Equal(["App", "Lib"], seen.TakeAll());
        Assert.Equal("miss", AnalysisCacheOf(first, "src/App/App.csproj"));
        Assert.Equal(3, first.Findings.Count);

        var second = await Scan();
        Assert.Empty(seen.TakeAll());
        Assert.Equal("hit", AnalysisCacheOf(second, "src/App/App.csproj"));
        Assert.Equal("hit", AnalysisCacheOf(second, "src/Lib/Lib.csproj"));
        Assert.Equal(first.Json.GetProperty("findings").GetRawText(), second.Json.GetProperty("findings").GetRawText());
        Assert.Equal(first.Json.GetProperty("countsByRule").GetRawText(), second.Json.GetProperty("countsByRule").GetRawText());

        // A change in the app's configuration: only the app is analysed again.
        repository.Write("src/App/appsettings.json", "{\n  \"Endpoint\": \"SCAN-MARKER\",\n  \"Other\": \"SCAN-MARKER\"\n}\n");
        var third = await Scan();
        Assert.Equal(["App"], seen.TakeAll());
        Assert.Equal("hit", AnalysisCacheOf(third, "src/Lib/Lib.csproj"));
        Assert.Equal(4, third.Findings.Count);

        // A change in the library changes what the app binds to: both are analysed again.
        repository.Write("src/Lib/Settings.cs", "namespace Lib;\n\npublic static class Settings\n{\n    public const string Note = \"SCAN-MARKER in lib\";\n\n    public const string Other = \"SCAN-MARKER again\";\n}\n");
        var fourth = await Scan();
        Assert.Equal(["App", "Lib"], seen.TakeAll());
        Assert.Equal(5, fourth.Findings.Count);
        Assert.Contains("findings from the cache", (await ScanHarness.RunAsync([.. TestAnalyzers.All, seen], repository.Root, "--fail-on", "none", "--cache-dir", cache.Root)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_binds_against_the_cached_reference_assembly_of_an_unchanged_project()
    {
        using var repository = AppAndLib();
        using var cache = TempRepository.Create(git: false);
        var full = await ScanHarness.RunAsync(repository.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);
        Assert.Equal(0, full.ExitCode);

        repository.Write("src/App/Client.cs", "namespace App;\n\npublic static class Client\n{\n    public static string Describe() => Lib.Settings.Note + \"SCAN-MARKER in app\";\n\n    public static string More() => \"SCAN-MARKER added\";\n}\n");
        repository.Commit("one more marker in the app");

        var compiledBefore = RepositoryScanner.ReferenceAssembliesCompiled;
        var cached = await ScanHarness.RunAsync(repository.Root, "--json", "--fail-on", "none", "--base", "HEAD~1", "--cache-dir", cache.Root);
        Assert.Equal(compiledBefore, RepositoryScanner.ReferenceAssembliesCompiled);

        var uncached = await ScanHarness.RunAsync(repository.Root, "--json", "--fail-on", "none", "--base", "HEAD~1");
        Assert.Equal(compiledBefore + 1, RepositoryScanner.ReferenceAssembliesCompiled);
        Assert.Equal(uncached.Findings, cached.Findings);
        Assert.Equal(("CKT901", "src/App/Client.cs", 7, 36), Assert.Single(cached.Findings));
        Assert.Equal(0, cached.Json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "src/App/App.csproj").GetProperty("unresolvedNames").GetInt32());
    }

    private static string AnalysisCacheOf(ScanRun run, string projectPath) =>
        run.Json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("path").GetString() == projectPath).GetProperty("analysisCache").GetString()!;

    /// <summary>Records the assembly of every compilation the analyzer driver analyses (reports nothing).</summary>
#pragma warning disable RS1036, RS1038, RS1041 // test-only, run in process by the scanner
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class AnalysedCompilations : DiagnosticAnalyzer
    {
        private readonly ConcurrentQueue<string> _assemblies = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestAnalyzers.SourceMarker];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(c => _assemblies.Enqueue(c.Compilation.AssemblyName ?? "?"));
        }

        /// <summary>The projects' assemblies analysed since the last call, sorted (the files under no project, such as .gitignore, are analysed in every scan).</summary>
        public List<string> TakeAll()
        {
            var taken = new List<string>();
            while (_assemblies.TryDequeue(out var assembly))
            {
                if (!assembly.StartsWith("certkit-scan", StringComparison.Ordinal))
                {
                    taken.Add(assembly);
                }
            }

            taken.Sort(StringComparer.Ordinal);
            return taken;
        }
    }
#pragma warning restore RS1036, RS1038, RS1041
}
