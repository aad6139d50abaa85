using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>Project-level knobs for analyzer and code-fix tests: preprocessor symbols and MSBuild properties.</summary>
public static class TestProjectSetup
{
    /// <summary>Compiles the sources as a Debug build does (<c>DEBUG</c> defined), so code inside <c>#if DEBUG</c> is active.</summary>
    public static TTest WithDebugSymbol<TTest>(this TTest test)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithPreprocessorSymbols(options.PreprocessorSymbolNames.Append("DEBUG")));
        });
        return test;
    }

    /// <summary>
    /// Adds a <c>.globalconfig</c> with the given lines, e.g. <c>build_property.OutputType = Exe</c>: the form in which
    /// the package's build props hand MSBuild properties to analyzers.
    /// </summary>
    public static TTest WithGlobalConfig<TTest>(this TTest test, string lines)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));
        return test;
    }
}
