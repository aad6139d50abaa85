using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over C# sources written with <c>{|CK1001:...|}</c> markup and asserts the exact diagnostics.
/// Sources compile against .NET 8 reference assemblies; compiler errors fail the test unless the test says otherwise.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, editorConfig: null, expected);

    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Code in the middle of being typed: compiler errors are allowed, analyzer exceptions (AD0001) are not.</summary>
    public static Task VerifyBrokenCodeAsync(string source)
    {
        var test = CreateTest(source, editorConfig: null);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    public static Test CreateTest(string source, string? editorConfig)
    {
        var test = new Test { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        return test;
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            // CK1002, CK1003 and CK2001 each have descriptors for what the flow finds (CredentialFlowAnalyzer, listed after
            // the rule's own): {|CK1002:...|} markup means the first, the name- and content-based one.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        /// <summary>The rule's analyzer and, for a rule with a credential flow, that flow (<see cref="RuleAnalyzers"/>).</summary>
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RuleAnalyzers.For<TAnalyzer>();

        /// <summary>The assemblies the test sources compile against.</summary>
        public ReferenceSet References { get; set; } = TestReferences.Net80;

        protected override async Task<Solution> CreateSolutionAsync(ProjectId projectId, EvaluatedProjectState projectState, CancellationToken cancellationToken) =>
            TestSolution.Create(await CreateWorkspaceAsync(), OptionsTransforms, projectId, projectState, CreateCompilationOptions(), CreateParseOptions(), References);
    }
}
