using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>Asserts a code fix's exact output; the fixed code must compile.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // CK1002, CK1003 and CK2001 each have descriptors for what the flow finds (CredentialFlowAnalyzer, listed after
            // the rule's own): {|CK1002:...|} markup means the first, the name- and content-based one.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;

            // A site a fix cannot rewrite stays flagged: its markup in the fixed code is an expected diagnostic (the
            // library's default ignores markup of fixable ids in the fixed state).
            FixedState.MarkupHandling = MarkupMode.Allow;
        }

        /// <summary>The rule's analyzer and, for a rule with a credential flow, that flow (<see cref="RuleAnalyzers"/>).</summary>
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RuleAnalyzers.For<TAnalyzer>();

        /// <summary>The assemblies the test sources compile against.</summary>
        public ReferenceSet References { get; set; } = TestReferences.Net80;

        protected override async Task<Solution> CreateSolutionAsync(ProjectId projectId, EvaluatedProjectState projectState, CancellationToken cancellationToken) =>
            TestSolution.Create(await CreateWorkspaceAsync(), OptionsTransforms, projectId, projectState, CreateCompilationOptions(), CreateParseOptions(), References);
    }
}
