using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests;

/// <summary>
/// Half-typed code must never make an analyzer throw (AD0001). The corpus is every C# source the rule tests analyse
/// (the raw-string sources in tests/CertKit.Analyzers.Tests/Rules, markup removed) and the sample integrations under
/// samples/. Each file is truncated at <see cref="Truncations"/> random points and has random tokens deleted
/// <see cref="Deletions"/> times (fixed seed); mutant k of every file goes into compilation k, and all analyzers run on it.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261202;
    private const int Truncations = 24;
    private const int Deletions = 8;
    private const int TokensDeletedPerMutant = 3;

    // {|CK1002:, {|#0:, |} and the {{members}} holes of the test templates.
    private static readonly Regex Markup = new(@"\{\|[^:\s|]*:|\|\}|\{\{[A-Za-z_][A-Za-z0-9_.()]*\}\}", RegexOptions.Compiled);

    [Fact]
    public async Task Truncated_and_token_deleted_corpus_raises_no_analyzer_exception()
    {
        var corpus = Corpus().Distinct(StringComparer.Ordinal).ToList();
        Assert.True(corpus.Count >= 100, $"corpus too small: {corpus.Count} sources");

        var references = TestReferences.StorageAndLogging.References;
        var analyzers = DocumentationTests.AllAnalyzers().ToImmutableArray();
        var random = new Random(Seed);
        var mutants = new List<string>[Truncations + Deletions];
        for (var k = 0; k < mutants.Length; k++)
        {
            mutants[k] = new List<string>(corpus.Count);
        }

        foreach (var source in corpus)
        {
            for (var k = 0; k < Truncations; k++)
            {
                mutants[k].Add(source.Substring(0, random.Next(1, source.Length)));
            }

            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            for (var k = 0; k < Deletions; k++)
            {
                mutants[Truncations + k].Add(DeleteTokens(source, tokens, random));
            }
        }

        var exceptions = new List<string>();
        var analyzed = 0;
        for (var k = 0; k < mutants.Length; k++)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = mutants[k].Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/fuzz/{k}/File{i}.cs")).ToList();
            var compilation = CSharpCompilation.Create("Fuzz" + k, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add($"mutant {k}: {analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message} at {diagnostic.Location}"); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Add($"mutant {k}: {diagnostic}");
            }

            analyzed += trees.Count;
        }

        Assert.Equal(corpus.Count * (Truncations + Deletions), analyzed);
        Assert.True(exceptions.Count == 0, string.Join(Environment.NewLine, exceptions.Take(20)));
    }

    private static string DeleteTokens(string source, List<SyntaxToken> tokens, Random random)
    {
        if (tokens.Count == 0)
        {
            return source;
        }

        var spans = Enumerable.Range(0, TokensDeletedPerMutant).Select(_ => tokens[random.Next(tokens.Count)].Span).Distinct().OrderByDescending(s => s.Start);
        var text = source;
        foreach (var span in spans)
        {
            text = text.Remove(span.Start, span.Length);
        }

        return text;
    }

    /// <summary>The test sources (raw strings of the rule tests that hold C# code) and the samples' C# files.</summary>
    private static List<string> Corpus()
    {
        var root = DocumentationTests.RepositoryRoot();
        var corpus = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "CertKit.Analyzers.Tests", "Rules"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                string? text = token.Kind() switch
                {
                    SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.StringLiteralToken => token.ValueText,
                    SyntaxKind.InterpolatedRawStringEndToken => null,
                    _ => null,
                };

                if (text is not null && LooksLikeCode(text))
                {
                    corpus.Add(Markup.Replace(text, string.Empty));
                }
            }

            // $$"""...""" templates: their text parts.
            foreach (var interpolated in tree.GetRoot().DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
            {
                var text = string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText));
                if (LooksLikeCode(text))
                {
                    corpus.Add(Markup.Replace(text, string.Empty));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            {
                corpus.Add(File.ReadAllText(file));
            }
        }

        return corpus;
    }

    private static bool LooksLikeCode(string text) => text.Length >= 40 && (text.Contains(';') || text.Contains('{')) && (text.Contains('(') || text.Contains('='));
}
