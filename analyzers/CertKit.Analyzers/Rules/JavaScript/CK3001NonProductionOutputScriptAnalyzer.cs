using System.Collections.Generic;
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
public sealed class CK3001NonProductionOutputScriptAnalyzer : ScriptRuleAnalyzer
{
    public CK3001NonProductionOutputScriptAnalyzer()
        : base(Descriptors.NonProductionOutputScript)
    {
    }

    protected override void Find(JsSource source, CertKitOptions options, List<JsFinding> findings) =>
        ConsoleOutputQuery.Find(source, options.ConsoleOutputAllowed == true, findings);

    protected override object[] MessageArguments(JsFinding finding) => new object[] { finding.Subject };
}
