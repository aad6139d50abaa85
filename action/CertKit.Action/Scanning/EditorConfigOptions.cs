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

    private EditorConfigOptions(AnalyzerConfigSet set)
    {
        _set = set;
    }

    public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(_set.GlobalConfigOptions.AnalyzerOptions);

    /// <summary>Reads every .editorconfig between the file system root and the scanned files (Roslyn stops at root = true).</summary>
    public static EditorConfigOptions Create(IEnumerable<string> editorConfigPaths)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (var path in editorConfigPaths.Distinct(StringComparer.Ordinal))
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable .editorconfig applies no settings; the file itself is reported by discovery.
            }
        }

        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs));
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

    private DictionaryOptions ForPath(string path) => new(_set.GetOptionsForSourcePath(path).AnalyzerOptions);

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
