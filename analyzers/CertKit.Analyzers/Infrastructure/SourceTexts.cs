using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>The text of a syntax tree as one string, for searches of a span's text before any syntax or semantic work.</summary>
internal static class SourceTexts
{
    // One string per file, kept while the tree lives (for a text read from a string, ToString does not copy it; a large
    // file's text is copied once here instead of at every search).
    private static readonly ConditionalWeakTable<SyntaxTree, string> Texts = new();

    /// <summary>The whole text of <paramref name="tree"/>.</summary>
    public static string Of(SyntaxTree tree) => Texts.GetValue(tree, static t => t.GetText().ToString());

    /// <summary>
    /// Whether the span may hold a unicode escape (<c>\u0070</c>, <c>\U00000070</c>), which can spell an identifier's
    /// characters: a search of the span's text for a name then could miss it.
    /// </summary>
    public static bool MayHaveUnicodeEscape(string text, int start, int length) =>
        text.IndexOf("\\u", start, length, StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", start, length, StringComparison.Ordinal) >= 0;
}
