using System.Runtime.CompilerServices;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Detection.JavaScript;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// The JS/TS files among a compilation's AdditionalFiles, read once through the shared reader (<see cref="JsSource"/>) and
/// shared by every JS/TS rule of the run, and the one decision of which of them are shipped code.
/// </summary>
internal static class ScriptFiles
{
    // Larger files are bundles or data; reading them on every keystroke costs more than it finds.
    private const int MaximumFileLength = 2 * 1024 * 1024;

    private static readonly ConditionalWeakTable<SourceText, JsSource> Parsed = new();

    // What the text alone says (a generated header, a minified line, a library's banner), read once per file, not once per rule.
    private static readonly ConditionalWeakTable<JsSource, StrongBox<FileKind?>> ContentKinds = new();

    /// <summary>The file as a JS/TS source when it is one the rules read; false for other files, empty or oversized ones.</summary>
    public static bool TryRead(AdditionalFileAnalysisContext context, out JsSource source, out SourceText text)
    {
        source = null!;
        text = null!;
        var file = context.AdditionalFile;
        if (!JsTokenizer.TryGetDialect(file.Path, out var dialect))
        {
            return false;
        }

        var sourceText = file.GetText(context.CancellationToken);
        if (sourceText is null || sourceText.Length == 0 || sourceText.Length > MaximumFileLength)
        {
            return false;
        }

        text = sourceText;
        source = Parsed.GetValue(sourceText, t => JsSource.Parse(t.ToString(), dialect));
        return true;
    }

    /// <summary>
    /// What the file is, by the one shared classifier (<see cref="FileClassifier"/>): its path (tooling — build
    /// configuration, dot-folders, development harnesses — is configuration), its first line for minified or generated code, and a library's banner for third-party code. <c>certkit.analyze_test_projects = true</c> makes test and fixture files source again.
    /// </summary>
    public static FileKind KindOf(AdditionalText file, AnalyzerOptions options, JsSource source)
    {
        // Relative to the project: a folder above the repository (a home's dot-folder) says nothing about the file.
        var kind = FileClassifier.Classify(ProjectScope.RelativeToProject(file.Path, options)).Kind;
        if (kind == FileKind.Source && ContentKinds.GetValue(source, KindByContent).Value is { } byContent)
        {
            return byContent;
        }

        if ((kind == FileKind.Test || kind == FileKind.Fixture) && CertKitOptions.Get(options, file).AnalyzeTestProjects == true)
        {
            return FileKind.Source;
        }

        return kind;
    }

    private static StrongBox<FileKind?> KindByContent(JsSource source) => new(
        FileClassifier.LooksGenerated(source.Text) ? FileKind.Generated
        : FileClassifier.VendoredReasonOf(FileLanguage.JavaScript, source.Text) is not null ? FileKind.Vendored
        : null);

    /// <summary>Whether the rules that judge shipped code (CK1001, CK1002, CK1004, CK2001, CK3001, CK3002, CK4001) read this file.</summary>
    public static bool IsShippedCode(AdditionalText file, AnalyzerOptions options, JsSource source) => KindOf(file, options, source) == FileKind.Source;

    public static Location LocationOf(AdditionalText file, SourceText text, int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
