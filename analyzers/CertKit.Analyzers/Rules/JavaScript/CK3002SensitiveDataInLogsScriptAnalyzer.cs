using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules.JavaScript;

/// <summary>
/// CK3002 on the JS/TS files passed as AdditionalFiles: credentials, tokens and card data passed to <c>console.*</c> or a
/// logger (<see cref="SensitiveLogQuery"/>). Extra credential words come from <c>certkit.credential_keywords</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK3002SensitiveDataInLogsScriptAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveDataInLogs);

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
        SensitiveLogQuery.Find(source, CertKitOptions.Get(context.Options, context.AdditionalFile).CredentialKeywords, findings);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SensitiveDataInLogs, ScriptFiles.LocationOf(context.AdditionalFile, text, finding.Start, finding.Length), finding.Subject, finding.Target));
        }
    }
}
