using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>What a user excludes costs nothing: the analyzers never see an excluded file, and a project whose every file is excluded is not compiled for analysis.</summary>
[Collection(ScanCollection.Name)]
public sealed class ExcludedTreesTests
{
    [Fact]
    public async Task Excluded_files_never_reach_the_analyzers_and_a_fully_excluded_project_is_not_analysed()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/App/App.csproj", TempRepository.ClassLibraryProject);
        repository.Write("src/App/Client.cs", "namespace App;\n\npublic sealed class Client { public string Name => Migrations.Init.Name; }\n");
        repository.Write("src/App/Migrations/Init.cs", "namespace App.Migrations;\n\npublic static class Init { public const string Name = \"init\"; public static string Up() { return \"create table\"; } }\n");
        repository.Write("src/Db.Migrations/Db.Migrations.csproj", TempRepository.ClassLibraryProject);
        repository.Write("src/Db.Migrations/Migrations/M1.cs", "namespace Db;\n\npublic static class M1 { public static void Up() { } }\n");
        repository.Commit("two projects");
        var recorder = new RecordingAnalyzer();

        var run = await ScanHarness.RunAsync([recorder], repository.Root, "--exclude", "**/Migrations/**", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["src/App/Client.cs"], recorder.Trees.Select(path => Path.GetRelativePath(repository.Root, path).Replace('\\', '/')).Distinct().Order());
        Assert.Equal(["App", "certkit-scan-no-project"], recorder.Compilations.Distinct().Order());

        // The excluded file is still there to bind against (its constant resolves), as declarations only: no body of it is bound.
        var excluded = Assert.Single(recorder.CompiledTexts, text => text.Key.EndsWith("Init.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public const string Name = \"init\";", excluded, StringComparison.Ordinal);
        Assert.DoesNotContain("create table", excluded, StringComparison.Ordinal);
        var projects = run.Json.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!, p => p.GetProperty("reason").ToString());
        Assert.Equal("every C# file excluded: not compiled for analysis (its other files are analysed with the files under no project)", projects["src/Db.Migrations/Db.Migrations.csproj"]);
        Assert.Equal(string.Empty, projects["src/App/App.csproj"]);
    }

    /// <summary>Records every tree a syntax-tree, syntax-node or operation callback sees, and every compilation started; configured like the CertKit analyzers.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class RecordingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("CKT999", "Never reported", "Never", "Test", DiagnosticSeverity.Hidden, true);

        public ConcurrentBag<string> Trees { get; } = [];

        public ConcurrentBag<string> Compilations { get; } = [];

        /// <summary>The text of every tree of the compilations the analyzers are given, by path.</summary>
        public ConcurrentDictionary<string, string> CompiledTexts { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                Compilations.Add(start.Compilation.AssemblyName ?? string.Empty);
                foreach (var tree in start.Compilation.SyntaxTrees)
                {
                    CompiledTexts[tree.FilePath] = tree.GetText().ToString();
                }

                start.RegisterSyntaxTreeAction(tree => Trees.Add(tree.Tree.FilePath));
                start.RegisterSyntaxNodeAction(node => Trees.Add(node.Node.SyntaxTree.FilePath), Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression);
                start.RegisterOperationAction(operation => Trees.Add(operation.Operation.Syntax.SyntaxTree.FilePath), OperationKind.FieldReference, OperationKind.Literal);
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        foreach (var location in symbol.Symbol.Locations.Where(l => l.IsInSource))
                        {
                            Trees.Add(location.SourceTree!.FilePath);
                        }
                    },
                    SymbolKind.NamedType);
            });
        }
    }
}
