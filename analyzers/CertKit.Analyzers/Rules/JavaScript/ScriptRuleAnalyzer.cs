using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules.JavaScript;

/// <summary>
/// What every JS/TS rule shares: it reads the JS/TS files passed as AdditionalFiles through the shared reader, skips
/// what is not shipped code (tests, tooling, vendored and generated files), runs its query and reports each finding at
/// its span. A rule is its descriptor, its query and its message arguments.
/// </summary>
public abstract class ScriptRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor rule;

    protected ScriptRuleAnalyzer(DiagnosticDescriptor rule)
    {
        this.rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                start.RegisterAdditionalFileAction(AnalyzeFile);
            }
        });
    }

    /// <summary>Adds the rule's findings in <paramref name="source"/> to <paramref name="findings"/>.</summary>
    protected abstract void Find(JsSource source, CertKitOptions options, List<JsFinding> findings);

    /// <summary>The arguments of the rule's message for one finding.</summary>
    protected abstract object[] MessageArguments(JsFinding finding);

    private void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        if (!ScriptFiles.TryRead(context, out var source, out var text) || !ScriptFiles.IsShippedCode(context.AdditionalFile, context.Options, source))
        {
            return;
        }

        var findings = new List<JsFinding>();
        Find(source, CertKitOptions.Get(context.Options, context.AdditionalFile), findings);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, ScriptFiles.LocationOf(context.AdditionalFile, text, finding.Start, finding.Length), MessageArguments(finding)));
        }
    }
}
