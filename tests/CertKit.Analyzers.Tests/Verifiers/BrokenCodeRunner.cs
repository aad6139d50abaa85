using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer over half-typed code and fails only if it throws (AD0001): what it reports on such code is not asserted.
/// Use it where the exact verdict on broken code is arbitrary; <see cref="AnalyzerVerifier{TAnalyzer}.VerifyBrokenCodeAsync"/>
/// asserts exact diagnostics.
/// </summary>
public static class BrokenCodeRunner
{
    public static async Task AssertNoAnalyzerExceptionAsync(DiagnosticAnalyzer analyzer, string source, ReferenceSet references, params string[] preprocessorSymbols)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: preprocessorSymbols);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("BrokenCode", [tree], references.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
