namespace CertKit.Action.Readiness;

/// <summary>A Markdown section: its heading (ATX <c>#</c> or setext), the 1-based line of the heading and its body up to the next heading of the same or a higher level.</summary>
internal sealed record MarkdownSection(int Level, string Title, int Line, string Body)
{
    public bool HasCodeBlock => Body.Contains("```", StringComparison.Ordinal) || Body.Contains("~~~", StringComparison.Ordinal);

    /// <summary>Whether the body holds a Markdown table (a header row followed by a <c>|---|</c> delimiter row).</summary>
    public bool HasTable => Body.Contains("|---", StringComparison.Ordinal) || Body.Contains("| ---", StringComparison.Ordinal) || Body.Contains("|:--", StringComparison.Ordinal);
}

/// <summary>A paragraph of a Markdown document (lines up to a blank line, outside code), with its 1-based first line.</summary>
internal sealed record MarkdownParagraph(int Line, string Text);

/// <summary>Splits a Markdown document into sections; headings inside fenced code blocks are code, not headings.</summary>
internal static class MarkdownSections
{
    public static IReadOnlyList<MarkdownSection> Parse(string text)
    {
        var lines = LinesOf(text);
        var headings = new List<(int Level, string Title, int Index)>();
        var inFence = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (IsFence(trimmed))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || line.StartsWith("    ", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed.StartsWith('#'))
            {
                var level = trimmed.TakeWhile(c => c == '#').Count();
                if (level <= 6 && (trimmed.Length == level || trimmed[level] == ' '))
                {
                    headings.Add((level, trimmed[level..].Trim().TrimEnd('#').Trim(), index));
                }
            }
            else if (index > 0 && lines[index - 1].Trim().Length > 0 && trimmed.Length >= 2 && (trimmed.All(c => c == '=') || trimmed.All(c => c == '-'))
                && !lines[index - 1].TrimStart().StartsWith('#'))
            {
                headings.Add((trimmed[0] == '=' ? 1 : 2, lines[index - 1].Trim(), index - 1));
            }
        }

        var sections = new List<MarkdownSection>();
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, title, start) = headings[i];
            var end = lines.Length;
            for (var j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Level <= level)
                {
                    end = headings[j].Index;
                    break;
                }
            }

            sections.Add(new MarkdownSection(level, title, start + 1, string.Join('\n', lines[(start + 1)..end])));
        }

        return sections;
    }

    /// <summary>
    /// Every section whose title means one of <paramref name="words"/>, in the order of <paramref name="words"/> (the most
    /// telling first), then of the document. A word matches at the start of a word of the title, so "support" matches
    /// "Support" and "Getting support" but a word ending the title's word differently must be listed to match
    /// (<paramref name="excluded"/> removes titles such as "Supported platforms", which are about something else).
    /// </summary>
    public static IEnumerable<MarkdownSection> FindAll(IReadOnlyList<MarkdownSection> sections, IReadOnlyList<string> words, IReadOnlyList<string>? excluded = null)
    {
        var seen = new HashSet<MarkdownSection>();
        foreach (var word in words)
        {
            foreach (var section in sections)
            {
                if (StartsAWord(section.Title, word) && (excluded is null || !excluded.Any(other => StartsAWord(section.Title, other))) && seen.Add(section))
                {
                    yield return section;
                }
            }
        }
    }

    /// <summary>The document's paragraphs outside fenced code, headings included as their own one-line paragraphs.</summary>
    public static IReadOnlyList<MarkdownParagraph> Paragraphs(string text)
    {
        var lines = LinesOf(text);
        var paragraphs = new List<MarkdownParagraph>();
        var current = new List<string>();
        var start = 0;
        var inFence = false;
        for (var index = 0; index <= lines.Length; index++)
        {
            var line = index < lines.Length ? lines[index] : string.Empty;
            var trimmed = line.TrimStart();
            var fence = IsFence(trimmed);
            if (fence)
            {
                inFence = !inFence;
            }

            if (fence || inFence || trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(new MarkdownParagraph(start + 1, string.Join('\n', current)));
                    current.Clear();
                }

                if (!fence && !inFence && trimmed.StartsWith('#'))
                {
                    paragraphs.Add(new MarkdownParagraph(index + 1, trimmed));
                }

                continue;
            }

            if (current.Count == 0)
            {
                start = index;
            }

            current.Add(line);
        }

        return paragraphs;
    }

    /// <summary>Whether <paramref name="word"/> starts a word of <paramref name="title"/> (case-insensitive).</summary>
    private static string[] LinesOf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>Whether a line (its indentation trimmed) opens or closes a fenced code block.</summary>
    private static bool IsFence(string trimmed) =>
        trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);

    public static bool StartsAWord(string title, string word)
    {
        for (var at = title.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = title.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || !char.IsLetterOrDigit(title[at - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
