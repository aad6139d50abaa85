using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules.JavaScript;

/// <summary>
/// CK4001 on the JS/TS files passed as AdditionalFiles: <c>rejectUnauthorized: false</c>, <c>strictSSL: false</c> and
/// <c>NODE_TLS_REJECT_UNAUTHORIZED = '0'</c> (<see cref="TlsValidationQuery"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK4001TlsValidationDisabledScriptAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TlsValidationDisabled);

    public override void Initialize(AnalysisContext context)
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

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        if (!ScriptFiles.TryRead(context, out var source, out var text) || !ScriptFiles.IsShippedCode(context.AdditionalFile, context.Options, source))
        {
            return;
        }

        var findings = new List<JsFinding>();
        TlsValidationQuery.Find(source, findings);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TlsValidationDisabled, ScriptFiles.LocationOf(context.AdditionalFile, text, finding.Start, finding.Length), finding.Subject));
        }
    }
}
