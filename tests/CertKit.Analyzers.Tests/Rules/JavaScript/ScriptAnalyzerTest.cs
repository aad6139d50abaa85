using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

/// <summary>A C# project with JS/TS files passed as AdditionalFiles, as <c>certkit scan</c> and the package feed them.</summary>
internal static class ScriptAnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static AnalyzerVerifier<TAnalyzer>.Test Create(params (string Path, string Content)[] files)
    {
        var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = "class Host { }" };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Content));
        }

        return test;
    }

    public static Task VerifyAsync(params (string Path, string Content)[] files) => Create(files).RunAsync();
}
