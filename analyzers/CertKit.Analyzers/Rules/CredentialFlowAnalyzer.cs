using System;
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
    // Each rule whose flow this analyzer runs: its id, the category of its sinks, its judge and its two flow descriptors.
    private static readonly FlowRule[] AllRules =
    {
        new(RuleIds.HardcodedCredential, SinkCategory.Credential, CK1002HardcodedCredentialAnalyzer.JudgeFlow, Descriptors.HardcodedCredentialFlow, Descriptors.HardcodedCredentialLocalFlow),
        new(RuleIds.HardcodedSecretContent, SinkCategory.Key, CK1003HardcodedSecretContentAnalyzer.JudgeFlow, Descriptors.HardcodedKeyFlow, Descriptors.HardcodedKeyLocalFlow),
        new(RuleIds.PlaintextTokenStorage, SinkCategory.Cookie, CK2001PlaintextTokenStorageAnalyzer.JudgeFlow, Descriptors.PlaintextTokenStorageFlow, Descriptors.PlaintextTokenStorageLocalFlow),
    };

    private readonly ImmutableArray<FlowRule> rules;

    public CredentialFlowAnalyzer()
        : this(RuleIds.HardcodedCredential, RuleIds.HardcodedSecretContent, RuleIds.PlaintextTokenStorage)
    {
    }

    /// <summary>The flow of the given rules only (CK1002, CK1003, CK2001; other ids are ignored): a rule's tests run it alone.</summary>
    internal CredentialFlowAnalyzer(params string[] ruleIds)
    {
        var selected = ImmutableArray.CreateBuilder<FlowRule>();
        var supported = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var rule in AllRules)
        {
            if (Array.IndexOf(ruleIds, rule.Id) >= 0)
            {
                selected.Add(rule);
                supported.Add(rule.Flow);
                supported.Add(rule.LocalFlow);
            }
        }

        rules = selected.ToImmutable();
        SupportedDiagnostics = supported.ToImmutable();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // As for each rule's flow before: not in test projects, build scripts or what ProjectScope leaves out.
            if (rules.IsEmpty || !ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                return;
            }

            // The judge of each category (indexed by SinkCategory: one rule a category), for the rules not turned off for the
            // whole compilation.
            var judges = new FlowJudge?[AllRules.Length];
            var any = false;
            foreach (var rule in rules)
            {
                if (!IsOffEverywhere(start.Compilation, rule.Id, start.CancellationToken))
                {
                    judges[(int)rule.Category] = rule.Judge;
                    any = true;
                }
            }

            if (any)
            {
                CredentialFlow.Register(start, judges);
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

    private sealed class FlowRule
    {
        public FlowRule(string id, SinkCategory category, FlowJudge judge, DiagnosticDescriptor flow, DiagnosticDescriptor localFlow)
        {
            Id = id;
            Category = category;
            Judge = judge;
            Flow = flow;
            LocalFlow = localFlow;
        }

        public string Id { get; }

        public SinkCategory Category { get; }

        public FlowJudge Judge { get; }

        /// <summary>The compilation-end descriptor (a flow across members or files).</summary>
        public DiagnosticDescriptor Flow { get; }

        /// <summary>The live descriptor (a flow inside one member body).</summary>
        public DiagnosticDescriptor LocalFlow { get; }
    }
}
