using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK1004: an Adobe Sign regional shard host (<c>api.na1.adobesign.com</c>, <c>secure.eu1.echosign.com</c>, …) in a C# string
/// literal, an interpolated string's text, or a configuration or code file passed as an AdditionalFile (the files
/// <see cref="HardcodedValuesInFilesAnalyzer"/> reads). Detection is <see cref="AdobeSignShardHosts"/>; literals without
/// "sign.com" leave after one ordinal search.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK1004HardcodedAdobeSignShardAnalyzer : DiagnosticAnalyzer
{
    // Larger files are data, not configuration (as for HardcodedValuesInFilesAnalyzer).
    private const int MaximumFileLength = 2 * 1024 * 1024;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedAdobeSignShard);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
            start.RegisterSyntaxNodeAction(AnalyzeInterpolatedText, SyntaxKind.InterpolatedStringText);
            start.RegisterAdditionalFileAction(AnalyzeFile);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = ((LiteralExpressionSyntax)context.Node).Token;
        Report(context, token, token.ValueText);
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context)
    {
        var token = ((InterpolatedStringTextSyntax)context.Node).TextToken;
        Report(context, token, token.ValueText);
    }

    private static void Report(SyntaxNodeAnalysisContext context, SyntaxToken token, string value)
    {
        if (!AdobeSignShardHosts.MayContain(value))
        {
            return;
        }

        var index = 0;
        while (AdobeSignShardHosts.TryFind(value, index, out var match))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedAdobeSignShard, LiteralLocations.Locate(token, value, match.Start, match.Length), match.Host));
            index = match.End;
        }
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (TextScanner.KindOf(file.Path) == TextFileKind.Unsupported)
        {
            return;
        }

        var sourceText = file.GetText(context.CancellationToken);
        if (sourceText is null || sourceText.Length == 0 || sourceText.Length > MaximumFileLength)
        {
            return;
        }

        // In JS/TS only code counts: a shard host in a comment or a JSX text is documentation.
        var text = ScriptFiles.TryRead(context, out var script, out _)
            ? ScriptFiles.IsShippedCode(file, context.Options, script) ? script.CodeOnly() : string.Empty
            : sourceText.ToString();
        if (!AdobeSignShardHosts.MayContain(text))
        {
            return;
        }

        var index = 0;
        while (AdobeSignShardHosts.TryFind(text, index, out var match))
        {
            var span = new TextSpan(match.Start, match.Length);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedAdobeSignShard, Location.Create(file.Path, span, sourceText.Lines.GetLinePositionSpan(span)), match.Host));
            index = match.End;
        }
    }
}
