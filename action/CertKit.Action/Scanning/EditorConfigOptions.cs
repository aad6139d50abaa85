using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// The repository's .editorconfig files applied to ad-hoc compilations (files under no project, projects that could not be
/// loaded), as MSBuild would apply them: <c>certkit.*</c> options reach the analyzers and
/// <c>dotnet_diagnostic.CKxxxx.severity</c> sets each finding's level (or drops it).
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    // One options object per distinct option set, so analyzers' per-options caches (CertKitOptions) hit.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImmutableDictionary<string, string>, DictionaryOptions> _options = new();

    private EditorConfigOptions(AnalyzerConfigSet set)
    {
        _set = set;
        GlobalOptions = new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <summary>Where the scan's own global config says it comes from (it is never written to disk).</summary>
    public static readonly string GlobalConfigPath = Path.Combine(Path.GetTempPath(), "certkit-scan.globalconfig");

    /// <summary>Reads every .editorconfig between the file system root and the scanned files (Roslyn stops at root = true).</summary>
    /// <param name="globalConfig">A global config the scan adds (<c>is_global = true</c> …), or null.</param>
    public static EditorConfigOptions Create(IEnumerable<string> editorConfigPaths, string? globalConfig = null)
    {
        var configs = new List<AnalyzerConfig>();
        if (globalConfig is not null)
        {
            configs.Add(AnalyzerConfig.Parse(SourceText.From(globalConfig), GlobalConfigPath));
        }

        foreach (var path in editorConfigPaths.Distinct(StringComparer.Ordinal))
        {
            if (TryRead(path) is { } text)
            {
                configs.Add(AnalyzerConfig.Parse(text, path));
            }
        }

        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs));
    }

    /// <summary>The file's text, or null when it cannot be read (it then applies no settings, as in a build that cannot see it).</summary>
    public static SourceText? TryRead(string path)
    {
        try
        {
            return SourceText.From(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The .editorconfig files in the folders above each of <paramref name="files"/>, up to the file system root.</summary>
    public static IEnumerable<string> FindFor(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder) && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
            }
        }

        return folders.Select(f => Path.Combine(f, ".editorconfig")).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

    /// <summary>The level a finding in <paramref name="path"/> has after <c>dotnet_diagnostic.ID.severity</c>, or null when configured off.</summary>
    public FindingLevel? ConfiguredLevel(string path, string ruleId, FindingLevel reported)
    {
        var result = _set.GetOptionsForSourcePath(path);
        if (!result.TreeOptions.TryGetValue(ruleId, out var configured)
            && !_set.GlobalConfigOptions.TreeOptions.TryGetValue(ruleId, out configured))
        {
            return reported;
        }

        return configured switch
        {
            ReportDiagnostic.Suppress or ReportDiagnostic.Hidden => null,
            ReportDiagnostic.Info => FindingLevel.Note,
            ReportDiagnostic.Warn => FindingLevel.Warning,
            ReportDiagnostic.Error => FindingLevel.Error,
            _ => reported,
        };
    }

    private DictionaryOptions ForPath(string path) =>
        _options.GetValue(_set.GetOptionsForSourcePath(path).AnalyzerOptions, static values => new DictionaryOptions(values));

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
