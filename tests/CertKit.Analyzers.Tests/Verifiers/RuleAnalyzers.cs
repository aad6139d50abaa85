using CertKit.Analyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// The analyzers a rule's tests run: the rule's own and, for CK1002, CK1003 and CK2001, the credential flow of that rule
/// alone (<see cref="CredentialFlowAnalyzer"/> hosts the flow of the three), so a rule's tests see all its findings and no other rule's.
/// </summary>
internal static class RuleAnalyzers
{
    public static IEnumerable<DiagnosticAnalyzer> For<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var analyzer = new TAnalyzer();
        yield return analyzer;
        if (analyzer is CredentialFlowAnalyzer)
        {
            yield break;
        }

        var flow = new CredentialFlowAnalyzer(analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToArray());
        if (!flow.SupportedDiagnostics.IsEmpty)
        {
            yield return flow;
        }
    }
}
