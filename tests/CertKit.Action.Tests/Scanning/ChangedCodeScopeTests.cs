using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>
/// A pull request analyses the changed C# files and what a cross-file flow into them needs, not every file of their
/// project; the findings on the changed lines are still exactly a full scan's.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class ChangedCodeScopeTests
{
    private const string Sink = """
        namespace App;

        public static class Mail
        {
            public static System.Net.NetworkCredential Connect(string user, string data) => new System.Net.NetworkCredential(user, data);
        }
        """;

    private const string Caller = """
        namespace App;

        public static class Nightly
        {
            public static void Run() => Sync.Push("nightly");
        }
        """;

    private const string OtherCaller = """
        namespace App;

        public static class Audit
        {
            public static string Run() => Sync.Tag("audit");
        }
        """;

    private static string Unrelated(int i) => $$"""
        namespace App;

        public static class Report{{i}}
        {
            public static string Title() => "report {{i}}";
        }
        """;

    private static string Changed(bool withCredential) => $$"""
        namespace App;

        public static class Sync
        {
            public static string Push(string label) => {{(withCredential ? "label.Trim()" : "label")}};

            public static string Tag(string name) => name;
        {{(withCredential ? "\n    public static object Login() => Mail.Connect(\"svc-sync\", \"Pr0d#Sync24\");\n" : string.Empty)}}}
        """;

    [Fact]
    public async Task A_pull_request_analyses_the_changed_file_its_callees_and_callers_and_finds_the_cross_file_flow()
    {
        using var repository = TempRepository.Create();
        repository.Write(".gitignore", "bin/\nobj/\n");
        repository.Write("src/App/App.csproj", TempRepository.ClassLibraryProject);
        repository.Write("src/App/Sync.cs", Changed(withCredential: false));
        repository.Write("src/App/Mail.cs", Sink);
        repository.Write("src/App/Nightly.cs", Caller);
        repository.Write("src/App/Audit.cs", OtherCaller);
        for (var i = 0; i < 5; i++)
        {
            repository.Write($"src/App/Reports/Report{i}.cs", Unrelated(i));
        }

        repository.Commit("base");
        var baseCommit = repository.Git("rev-parse", "HEAD").Trim();
        repository.Write("src/App/Sync.cs", Changed(withCredential: true));
        repository.Commit("a login through the mail helper");

        var full = await ScanHarness.RunAsync([], repository.Root, "--json", "--fail-on", "none");
        var recorder = new RecordingAnalyzer();
        var pullRequest = await ScanHarness.RunAsync([recorder], repository.Root, "--json", "--fail-on", "none", "--base", baseCommit);

        // Sync.cs changed; Mail.cs holds what its changed lines call (the flow's sink); Nightly.cs calls a method whose
        // body changed. Audit.cs calls a method of Sync.cs that did not change, and the reports are unrelated: no analyzer
        // sees them, though the project compiles them (declarations only).
        Assert.Equal(
            ["src/App/Mail.cs", "src/App/Nightly.cs", "src/App/Sync.cs"],
            recorder.Trees.Select(path => Path.GetRelativePath(repository.Root, path).Replace('\\', '/')).Distinct().Order());
        var changed = await ChangedLines.ReadAsync(repository.Root, baseCommit, CancellationToken.None);
        var expected = Findings(full).Where(f => changed.Contains(f.Path, f.Line)).ToList();
        Assert.Contains(("CK1002", "src/App/Sync.cs", 9), expected.Select(f => (f.RuleId, f.Path, f.Line)));
        Assert.Equal(expected, Findings(pullRequest));

        // What the pull request compiled but did not analyse is said, not counted as analysed.
        Assert.Equal("6 C# files outside the pull request's scope: compiled as declarations only, not analysed (a full scan analyses them)", pullRequest.Skipped["src/App/"]);
        Assert.Equal(4, pullRequest.Json.GetProperty("filesAnalyzed").GetInt32()); // the project file and the three files in scope
    }

    [Theory]
    [InlineData(7, "Callee.cs,CallsA.cs,Changed.cs")] // inside A's body: what A calls, and A's callers
    [InlineData(9, "Changed.cs")] // inside B, which has no parameters: nothing to follow
    [InlineData(1, "Callee.cs,CallsA.cs,CallsC.cs,Changed.cs")] // a using: every line of the file may bind differently
    [InlineData(3, "Changed.cs")] // a line with a brace only
    public void Callees_and_callers_are_those_of_the_changed_declarations(int changedLine, string expected)
    {
        var changed = CSharpSyntaxTree.ParseText("""
            using System;
            namespace App
            {
                public static class Work
                {
                    public static string A(string value)
                        => Helper.Format(value);

                    public static string B() => "b";

                    public static string C(string value) => value;
                }
            }
            """, path: "/repo/Changed.cs");
        SyntaxTree Tree(string name, string text) => CSharpSyntaxTree.ParseText(text, path: "/repo/" + name);
        var compilation = CSharpCompilation.Create(
            "scope",
            [
                changed,
                Tree("Callee.cs", "namespace App { public static class Helper { public static string Format(string v) => v; } }"),
                Tree("CallsA.cs", "namespace App { public static class One { public static string Run() => Work.A(\"one\"); } }"),
                Tree("CallsC.cs", "namespace App { public static class Two { public static string Run() => Work.C(\"two\"); } }"),
            ],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var selected = ChangedCodeScope.Select(compilation, new HashSet<string> { "/repo/Changed.cs" }, (path, line) => path == "/repo/Changed.cs" && line == changedLine, _ => true, CancellationToken.None);

        Assert.Equal(expected, string.Join(',', selected.Select(Path.GetFileName).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Declarations_only_keep_signatures_fields_and_constants_and_drop_every_body()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            public sealed class Client(string name)
            {
                public const string Host = "https://api.example.invalid";
                private readonly string _key = "k";
                public Client() : this("default") { System.Console.WriteLine("made"); }
                public string Name { get; } = name;
                public string Upper => name.ToUpperInvariant();
                public string Lower { get { return name.ToLowerInvariant(); } set { } }
                public void Send() { System.Console.WriteLine(_key); }
                public int Count() => 1;
                public static Client operator +(Client a, Client b) => a;
                ~Client() { System.Console.WriteLine("gone"); }
            }
            """);

        var stripped = DeclarationsOnly.Of(tree, CancellationToken.None).GetRoot().NormalizeWhitespace().ToFullString();

        // Blank lines are the normaliser's business, not the stripper's.
        static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n').Where(line => line.Trim().Length > 0).ToArray();

        Assert.Equal(Lines("""
            public sealed class Client(string name)
            {
                public const string Host = "https://api.example.invalid";
                private readonly string _key = "k";
                public Client() : this("default")
                {
                    throw null;
                }

                public string Name { get; } = name;
                public string Upper => throw null;
                public string Lower
                {
                    get
                    {
                        throw null;
                    }

                    set
                    {
                        throw null;
                    }
                }

                public void Send()
                {
                    throw null;
                }

                public int Count() => throw null;
                public static Client operator +(Client a, Client b) => throw null;
                ~Client()
                {
                    throw null;
                }
            }
            """), Lines(stripped));
        var compilation = CSharpCompilation.Create("stripped", [DeclarationsOnly.Of(tree, CancellationToken.None)], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static List<(string RuleId, string Path, int Line, string Message)> Findings(ScanRun run) =>
        run.Json.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("message").GetString()!))
            .ToList();

    /// <summary>Records every tree a syntax-node or operation callback sees; configured like the CertKit analyzers.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class RecordingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("CKT998", "Never reported", "Never", "Test", DiagnosticSeverity.Hidden, true);

        public ConcurrentBag<string> Trees { get; } = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(node => Trees.Add(node.Node.SyntaxTree.FilePath), SyntaxKind.StringLiteralExpression);
            context.RegisterOperationAction(operation => Trees.Add(operation.Operation.Syntax.SyntaxTree.FilePath), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Literal);
        }
    }
}
