using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules.JavaScript;

/// <summary>
/// CK3001 on the JS/TS files passed as AdditionalFiles: <c>console.*</c>, <c>process.stdout/stderr.write</c> and
/// <c>debugger</c> (<see cref="ConsoleOutputQuery"/>). <c>certkit.console_output_allowed = true</c> (per file, in an
/// .editorconfig section such as <c>[scripts/**]</c>) or a <c>#!</c> line makes a file a CLI whose output is allowed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK3001NonProductionOutputScriptAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NonProductionOutputScript);

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
        var outputAllowed = CertKitOptions.Get(context.Options, context.AdditionalFile).ConsoleOutputAllowed == true;
        ConsoleOutputQuery.Find(source, outputAllowed, findings);
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NonProductionOutputScript, ScriptFiles.LocationOf(context.AdditionalFile, text, finding.Start, finding.Length), finding.Subject));
        }
    }
}
