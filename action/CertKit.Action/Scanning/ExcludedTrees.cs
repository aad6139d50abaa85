using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Scanning;

/// <summary>
/// What the user excluded costs the analyzers nothing: the syntax trees of files the scan does not analyse (excluded by
/// <c>--exclude</c>/<c>--include</c>, vendored or generated, outside a pull request's scope) keep only their declarations,
/// so the compiler binds against them without binding their bodies, and are marked generated, as
/// <c>generated_code = true</c> in an .editorconfig would (the analyzer driver reads it from the analyzer options) and in
/// the compilation's options. Every CertKit analyzer configures <see cref="GeneratedCodeAnalysisFlags.None"/>, so the
/// analyzer driver gives none of their callbacks (syntax, operation, symbol) those trees.
/// </summary>
internal static class ExcludedTrees
{
    /// <summary>The reason a project in which no file is analysed is listed with.</summary>
    public const string EveryFileExcluded = "every C# file excluded: not compiled for analysis (its other files are analysed with the files under no project)";

    /// <summary>
    /// The compilation and analyzer options with every tree that is not analysed reduced to its declarations
    /// (<see cref="DeclarationsOnly"/>: the compiler binds no body of it) and marked generated, in the analyzer options'
    /// <c>generated_code = true</c> and in the compilation's syntax-tree options (one set of trees for both). Trees
    /// without a path (added by source generators) are not the repository's code and are reduced too.
    /// </summary>
    public static (Compilation Compilation, AnalyzerOptions Options) ReduceToDeclarationsAndMarkGenerated(Compilation compilation, AnalyzerOptions options, Func<string, bool> isAnalysed, CancellationToken cancellationToken)
    {
        var excluded = new HashSet<SyntaxTree>();
        var trees = new List<SyntaxTree>(compilation.SyntaxTrees.Count());
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!string.IsNullOrEmpty(tree.FilePath) && isAnalysed(tree.FilePath))
            {
                trees.Add(tree);
            }
            else
            {
                var declarations = DeclarationsOnly.Of(tree, cancellationToken);
                excluded.Add(declarations);
                trees.Add(declarations);
            }
        }

        if (excluded.Count == 0)
        {
            return (compilation, options);
        }

        // Replaced as a whole, in the same order (one new compilation, not one per tree).
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        return (
            compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new Provider(compilation.Options.SyntaxTreeOptionsProvider, excluded))),
            new AnalyzerOptions(options.AdditionalFiles, new GeneratedOptionsProvider(options.AnalyzerConfigOptionsProvider, excluded)));
    }

    private sealed class GeneratedOptionsProvider(AnalyzerConfigOptionsProvider inner, HashSet<SyntaxTree> excluded) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => inner.GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            excluded.Contains(tree) ? new Generated(inner.GetOptions(tree)) : inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);
    }

    private sealed class Generated(AnalyzerConfigOptions inner) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            if (key == "generated_code")
            {
                value = "true";
                return true;
            }

            return inner.TryGetValue(key, out value);
        }
    }

    private sealed class Provider(SyntaxTreeOptionsProvider? inner, HashSet<SyntaxTree> excluded) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            excluded.Contains(tree) ? GeneratedKind.MarkedGenerated : inner?.IsGenerated(tree, cancellationToken) ?? GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return inner is not null && inner.TryGetDiagnosticValue(tree, diagnosticId, cancellationToken, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return inner is not null && inner.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity);
        }
    }
}
