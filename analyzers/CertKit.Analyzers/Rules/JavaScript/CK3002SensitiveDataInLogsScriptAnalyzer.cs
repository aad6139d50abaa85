using System.Collections.Generic;
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
public sealed class CK3002SensitiveDataInLogsScriptAnalyzer : ScriptRuleAnalyzer
{
    public CK3002SensitiveDataInLogsScriptAnalyzer()
        : base(Descriptors.SensitiveDataInLogs)
    {
    }

    protected override void Find(JsSource source, CertKitOptions options, List<JsFinding> findings) =>
        SensitiveLogQuery.Find(source, options.CredentialKeywords, findings);

    protected override object[] MessageArguments(JsFinding finding) => new object[] { finding.Subject, finding.Target };
}
