using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Tests.Scanning;

// Test-only analyzers, run in process by the scanner and never loaded by a compiler: the analyzer-authoring rules do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>
/// Test-only analyzers fed to the scanner through its extra-analyzer seam, so the scan's plumbing (projects, additional
/// files, .editorconfig, filters, reports) is tested whatever CertKit rules exist yet. They flag the word SCAN-MARKER,
/// which no CertKit rule cares about.
/// </summary>
internal static class TestAnalyzers
{
    public const string Marker = "SCAN-MARKER";

    /// <summary>An .editorconfig key the text-file analyzer reads, to prove options reach analyzers for every file.</summary>
    public const string MarkerOptionKey = "certkit.test_marker";
    public const string SourceRuleId = "CKT901";
    public const string TextFileRuleId = "CKT902";
    public const string HelpUri = "https://github.com/certkit/certkit/blob/main/docs/scan.md";

    public static readonly DiagnosticDescriptor SourceMarker = new(
        SourceRuleId, "Marker in C# string", "The string contains the scan marker", "Test", DiagnosticSeverity.Warning, true,
        description: "A test rule: string literals containing the scan marker.", helpLinkUri: HelpUri);

    public static readonly DiagnosticDescriptor TextFileMarker = new(
        TextFileRuleId, "Marker in text file", "Line contains the scan marker", "Test", DiagnosticSeverity.Warning, true,
        description: "A test rule: lines of additional files containing the scan marker.", helpLinkUri: HelpUri);

    public static ImmutableArray<DiagnosticAnalyzer> All => [new SourceMarkerAnalyzer(), new TextFileMarkerAnalyzer(), new ReferencedCallAnalyzer()];
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SourceMarkerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestAnalyzers.SourceMarker];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var literal = (LiteralExpressionSyntax)c.Node;
                var marker = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Node.SyntaxTree).TryGetValue(TestAnalyzers.MarkerOptionKey, out var configured)
                    ? configured
                    : TestAnalyzers.Marker;
                if (literal.Token.ValueText.Contains(marker, StringComparison.Ordinal))
                {
                    c.ReportDiagnostic(Diagnostic.Create(TestAnalyzers.SourceMarker, literal.GetLocation()));
                }
            },
            SyntaxKind.StringLiteralExpression);
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TextFileMarkerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestAnalyzers.TextFileMarker];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(c =>
        {
            var text = c.AdditionalFile.GetText(c.CancellationToken);
            if (text is null)
            {
                return;
            }

            var marker = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.AdditionalFile).TryGetValue(TestAnalyzers.MarkerOptionKey, out var configured)
                ? configured
                : TestAnalyzers.Marker;
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var index = content.IndexOf(marker, StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                var span = new TextSpan(line.Start + index, marker.Length);
                var location = Location.Create(c.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
                c.ReportDiagnostic(Diagnostic.Create(TestAnalyzers.TextFileMarker, location));
            }
        });
    }
}

/// <summary>Throws on every string literal: the scan must report it as an analyzer failure, not crash.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("CKT999", "Never", "Never", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom"), SyntaxKind.StringLiteralExpression);
    }
}

/// <summary>
/// Flags calls to a method whose name ends in "Marked" declared in ANOTHER assembly: it fires only when the scan
/// resolved the call through the project's references (a project reference, a package), never on unbound code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReferencedCallAnalyzer : DiagnosticAnalyzer
{
    public const string RuleId = "CKT903";

    public static readonly DiagnosticDescriptor Rule = new(
        RuleId, "Call into a referenced assembly", "Call to {0} from {1}", "Test", DiagnosticSeverity.Warning, true, helpLinkUri: TestAnalyzers.HelpUri);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            c =>
            {
                var method = ((Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation).TargetMethod;
                if (method.Name.EndsWith("Marked", StringComparison.Ordinal) && !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, c.Compilation.Assembly))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, method.ContainingAssembly.Name));
                }
            },
            OperationKind.Invocation);
    }
}
