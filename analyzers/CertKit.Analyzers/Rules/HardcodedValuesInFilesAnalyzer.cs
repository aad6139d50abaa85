using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK1001–CK1003 in the files that ship beside the code (commercetools: "in the application code and configuration"):
/// <c>appsettings*.json</c>, <c>connect.yaml</c>, <c>.env</c>, <c>*.config</c>, … passed to the compiler as AdditionalFiles
/// (the package adds the usual ones). The detection is <see cref="TextScanner"/>, the same engine <c>certkit scan</c> runs
/// on files outside any project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedValuesInFilesAnalyzer : DiagnosticAnalyzer
{
    // Larger files are data, not configuration; reading them on every keystroke would cost more than it finds.
    private const int MaximumFileLength = 2 * 1024 * 1024;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HardcodedUrl, Descriptors.HardcodedUrlInConfiguration, Descriptors.HardcodedUrlManifestDefault, Descriptors.HardcodedUrlTemplateValue, Descriptors.HardcodedCredential, Descriptors.HardcodedSecretContent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ProjectScope.ShouldScanForSecretContent(start.Compilation, start.Options))
            {
                return;
            }

            var everyRule = ProjectScope.ShouldAnalyze(start.Compilation, start.Options);
            start.RegisterAdditionalFileAction(context => AnalyzeFile(context, everyRule));
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, bool everyRule)
    {
        var file = context.AdditionalFile;
        var kind = TextScanner.KindOf(file.Path);
        if (kind == TextFileKind.Unsupported)
        {
            return;
        }

        // Tests and fixtures (in a test project, or by their path) get content-based secret detection only; vendored and
        // generated files are not the project's code (FileClassifier decides, as it does for certkit scan).
        var relativePath = ProjectScope.RelativeToProject(file.Path, context.Options);
        var fileKind = FileClassifier.Classify(relativePath).Kind;
        if (fileKind is FileKind.Vendored or FileKind.Generated)
        {
            return;
        }

        // Documentation (a Postman collection of example requests) may leak a secret; its URLs are for people to try.
        var secretsOnly = !everyRule || fileKind == FileKind.Documentation
            || (fileKind is FileKind.Test or FileKind.Fixture && CertKitOptions.Get(context.Options, file).AnalyzeTestProjects != true);

        var sourceText = file.GetText(context.CancellationToken);
        if (sourceText is null || sourceText.Length == 0 || sourceText.Length > MaximumFileLength)
        {
            return;
        }

        var options = CertKitOptions.Get(context.Options, file);
        var settings = new TextScanSettings(options.AllowedHosts, options.CredentialKeywords, options.PlaceholderPatterns, options.EntropyThreshold);
        var findings = new List<TextFinding>();
        if (ScriptFiles.TryRead(context, out var script, out _))
        {
            // JS/TS through the shared reader: comments are not code, a test file's only finding can be a real secret, and
            // vendored or generated code is not the project's.
            var scriptKind = ScriptFiles.KindOf(file, context.Options, script);
            if (scriptKind == FileKind.Vendored || scriptKind == FileKind.Generated)
            {
                return;
            }

            TextScanner.ScanScript(script, TextScanner.RoleOf(relativePath), settings, secretsOnly: scriptKind != FileKind.Source, findings);
        }
        else
        {
            TextScanner.Scan(sourceText.ToString(), file.Path, kind, TextScanner.RoleOf(relativePath), settings, findings);
        }

        string? text = null;
        foreach (var finding in findings)
        {
            if (secretsOnly && finding.RuleId != RuleIds.HardcodedSecretContent)
            {
                continue;
            }

            // In a test or fixture, a JWT signed with a shared secret was minted with the tests' key: test data.
            if (fileKind is FileKind.Test or FileKind.Fixture && finding.MessageArgument == SecretPatterns.SignedJwt
                && SecretPatterns.IsSignedWithSharedSecret(text ??= sourceText.ToString(), finding.Start, finding.Length))
            {
                continue;
            }

            // <add key="PayTvBaseUrl" value="https://…" /> whose every read the code redirects the browser to: a page for a person.
            if (finding.RuleId == RuleIds.HardcodedUrl && kind == TextFileKind.Xml
                && AppSettingKeyAt(text ??= sourceText.ToString(), finding.Start) is { } key
                && RedirectedSettings.For(context.Compilation).IsOnlyOpened(key, context.CancellationToken))
            {
                continue;
            }

            var span = new TextSpan(finding.Start, finding.Length);
            var location = Location.Create(file.Path, span, sourceText.Lines.GetLinePositionSpan(span));
            var descriptor = DescriptorOf(finding, isCode: kind == TextFileKind.Code);
            context.ReportDiagnostic(finding.Setting == UrlSetting.None
                ? Diagnostic.Create(descriptor, location, finding.MessageArgument)
                : Diagnostic.Create(descriptor, location, DiagnosticSeverity.Info, additionalLocations: null, properties: null, finding.MessageArgument));
        }
    }

    /// <summary>The <c>key</c> of the <c>&lt;add key="…" value="…" /&gt;</c> element whose value holds <paramref name="position"/>, or null.</summary>
    private static string? AppSettingKeyAt(string text, int position)
    {
        var open = text.LastIndexOf('<', position);
        var close = text.IndexOf('>', position);
        if (open < 0 || close < 0 || string.CompareOrdinal(text, open, "<add ", 0, 5) != 0)
        {
            return null;
        }

        var element = text.Substring(open, close - open);
        var keyAt = element.IndexOf(" key=\"", StringComparison.Ordinal);
        if (keyAt < 0)
        {
            return null;
        }

        var start = keyAt + 6;
        var end = element.IndexOf('"', start);
        return end > start ? element.Substring(start, end - start) : null;
    }

    // A URL's advice fits the file it is in: code reads it from configuration, a configuration file has it supplied per
    // deployment, and a documented, overridable setting is a note.
    private static DiagnosticDescriptor DescriptorOf(TextFinding finding, bool isCode) => finding.RuleId switch
    {
        RuleIds.HardcodedUrl when finding.Setting == UrlSetting.ManifestDefault => Descriptors.HardcodedUrlManifestDefault,
        RuleIds.HardcodedUrl when finding.Setting == UrlSetting.TemplateValue => Descriptors.HardcodedUrlTemplateValue,
        RuleIds.HardcodedUrl when !isCode => Descriptors.HardcodedUrlInConfiguration,
        RuleIds.HardcodedUrl => Descriptors.HardcodedUrl,
        RuleIds.HardcodedCredential => Descriptors.HardcodedCredential,
        _ => Descriptors.HardcodedSecretContent,
    };
}
