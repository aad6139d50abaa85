using System.Collections.Generic;
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
public sealed class CK2001PlaintextTokenStorageScriptAnalyzer : ScriptRuleAnalyzer
{
    public CK2001PlaintextTokenStorageScriptAnalyzer()
        : base(Descriptors.PlaintextTokenStorageScript)
    {
    }

    protected override void Find(JsSource source, CertKitOptions options, List<JsFinding> findings) =>
        TokenStorageQuery.Find(source, options.CredentialKeywords, findings);

    protected override object[] MessageArguments(JsFinding finding) => new object[] { finding.Subject, finding.Target };
}
