using System.Collections.Generic;
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
public sealed class CK4001TlsValidationDisabledScriptAnalyzer : ScriptRuleAnalyzer
{
    public CK4001TlsValidationDisabledScriptAnalyzer()
        : base(Descriptors.TlsValidationDisabled)
    {
    }

    protected override void Find(JsSource source, CertKitOptions options, List<JsFinding> findings) =>
        TlsValidationQuery.Find(source, findings);

    protected override object[] MessageArguments(JsFinding finding) => new object[] { finding.Subject };
}
