using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// Where a few words occur in each syntax tree's text, found once per tree: whether a declaration's text holds one of them
/// is then a binary search, not a text scan per question, and needs no per-symbol table. A cheap "no" before a syntax walk.
/// </summary>
internal sealed class TextAnchors
{
    private readonly string[] anchors;
    private readonly StringComparison comparison;

    // Per tree: the anchors' occurrences as (start, end), sorted by start.
    private readonly ConditionalWeakTable<SyntaxTree, long[]> occurrences = new();
    private readonly ConditionalWeakTable<SyntaxTree, long[]>.CreateValueCallback find;

    public TextAnchors(StringComparison comparison, params string[] anchors)
    {
        this.anchors = anchors;
        this.comparison = comparison;
        find = Find;
    }

    /// <summary>True when one of the anchors lies wholly inside <paramref name="span"/> of <paramref name="tree"/>'s text.</summary>
    public bool AnyIn(SyntaxTree tree, TextSpan span)
    {
        var found = occurrences.GetValue(tree, find);
        var low = 0;
        var high = found.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if ((int)(found[middle] >> 32) < span.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < found.Length && (int)(found[i] >> 32) < span.End; i++)
        {
            if ((int)found[i] <= span.End)
            {
                return true;
            }
        }

        return false;
    }

    private long[] Find(SyntaxTree tree)
    {
        // For a text read from a string, ToString does not copy it.
        var text = tree.GetText().ToString();
        var found = new List<long>();
        foreach (var anchor in anchors)
        {
            for (var at = text.IndexOf(anchor, comparison); at >= 0; at = text.IndexOf(anchor, at + 1, comparison))
            {
                found.Add(((long)at << 32) | (uint)(at + anchor.Length));
            }
        }

        found.Sort();
        return found.ToArray();
    }
}
