using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// The credential flow of CK1002 (a literal reaching a credential), CK1003 (a cryptographic key or IV) and CK2001 (an
/// authentication cookie), in one analyzer: each operation is read once for the three rules (three analyzers each
/// registering the flow paid the driver's dispatch and the shared answer's look-up three times), and each finding is judged
/// by its rule (<c>JudgeFlow</c> in the rule's file). The name- and content-based checks stay in the rules' own analyzers.
/// A rule turned off for every file is left out of the flow (its sinks are not judged); all three off, the driver does not run it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialFlowAnalyzer : DiagnosticAnalyzer
{
    private readonly FlowJudge?[] judges = new FlowJudge?[3];
    private readonly string?[] idsByCategory = new string?[3];

    public CredentialFlowAnalyzer()
        : this(RuleIds.HardcodedCredential, RuleIds.HardcodedSecretContent, RuleIds.PlaintextTokenStorage)
    {
    }

    /// <summary>The flow of the given rules only (CK1002, CK1003, CK2001; other ids are ignored): a rule's tests run it alone.</summary>
    internal CredentialFlowAnalyzer(params string[] ruleIds)
    {
        var supported = new List<DiagnosticDescriptor>();
        foreach (var id in ruleIds)
        {
            switch (id)
            {
                case RuleIds.HardcodedCredential:
                    idsByCategory[(int)SinkCategory.Credential] = id;
                    judges[(int)SinkCategory.Credential] = CK1002HardcodedCredentialAnalyzer.JudgeFlow;
                    supported.Add(Descriptors.HardcodedCredentialFlow);
                    supported.Add(Descriptors.HardcodedCredentialLocalFlow);
                    break;
                case RuleIds.HardcodedSecretContent:
                    idsByCategory[(int)SinkCategory.Key] = id;
                    judges[(int)SinkCategory.Key] = CK1003HardcodedSecretContentAnalyzer.JudgeFlow;
                    supported.Add(Descriptors.HardcodedKeyFlow);
                    supported.Add(Descriptors.HardcodedKeyLocalFlow);
                    break;
                case RuleIds.PlaintextTokenStorage:
                    idsByCategory[(int)SinkCategory.Cookie] = id;
                    judges[(int)SinkCategory.Cookie] = CK2001PlaintextTokenStorageAnalyzer.JudgeFlow;
                    supported.Add(Descriptors.PlaintextTokenStorageFlow);
                    supported.Add(Descriptors.PlaintextTokenStorageLocalFlow);
                    break;
            }
        }

        SupportedDiagnostics = supported.ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // As for each rule's flow before: not in test projects, build scripts or what ProjectScope leaves out.
            if (SupportedDiagnostics.IsEmpty || !ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                return;
            }

            var active = (FlowJudge?[])judges.Clone();
            var any = false;
            for (var category = 0; category < active.Length; category++)
            {
                if (idsByCategory[category] is { } id && IsOffEverywhere(start.Compilation, id, start.CancellationToken))
                {
                    active[category] = null;
                }

                any |= active[category] is not null;
            }

            if (any)
            {
                CredentialFlow.Register(start, active);
            }
        });
    }

    /// <summary>
    /// The rule is suppressed for the whole compilation: in every file's options, or by the compilation's or the global options
    /// where no file says otherwise (a file's own setting is not second-guessed: then the flow runs and the driver filters).
    /// </summary>
    internal static bool IsOffEverywhere(Compilation compilation, string id, System.Threading.CancellationToken cancellationToken)
    {
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        var fileSettings = 0;
        var trees = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            trees++;
            if (provider is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity))
            {
                if (severity != ReportDiagnostic.Suppress)
                {
                    return false;
                }

                fileSettings++;
            }
        }

        if (trees > 0 && fileSettings == trees)
        {
            return true;
        }

        return (compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress)
            || (provider is not null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global == ReportDiagnostic.Suppress);
    }
}
