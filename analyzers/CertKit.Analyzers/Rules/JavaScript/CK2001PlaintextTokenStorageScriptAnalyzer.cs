using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules.JavaScript;

/// <summary>
/// CK2001 on the JS/TS files passed as AdditionalFiles: tokens and secrets written to web storage, <c>document.cookie</c>
/// or a file without encryption (<see cref="TokenStorageQuery"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK2001PlaintextTokenStorageScriptAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PlaintextTokenStorageScript);

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
        TokenStorageQuery.Find(source, CertKitOptions.Get(context.Options, context.AdditionalFile).CredentialKeywords, findings);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PlaintextTokenStorageScript, ScriptFiles.LocationOf(context.AdditionalFile, text, finding.Start, finding.Length), finding.Subject, finding.Target));
        }
    }
}
