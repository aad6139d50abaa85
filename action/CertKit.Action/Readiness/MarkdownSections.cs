namespace CertKit.Action.Readiness;

/// <summary>A Markdown section: its heading (ATX <c>#</c> or setext), the 1-based line of the heading and its body up to the next heading of the same or a higher level.</summary>
internal sealed record MarkdownSection(int Level, string Title, int Line, string Body)
{
    public bool HasCodeBlock => Body.Contains("```", StringComparison.Ordinal) || Body.Contains("~~~", StringComparison.Ordinal);
}

/// <summary>Splits a Markdown document into sections; headings inside fenced code blocks are code, not headings.</summary>
internal static class MarkdownSections
{
    public static IReadOnlyList<MarkdownSection> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headings = new List<(int Level, string Title, int Index)>();
        var inFence = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
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

    /// <summary>The first section whose title contains one of <paramref name="words"/> (case-insensitive).</summary>
    public static MarkdownSection? Find(IReadOnlyList<MarkdownSection> sections, params string[] words) =>
        sections.FirstOrDefault(section => words.Any(word => section.Title.Contains(word, StringComparison.OrdinalIgnoreCase)));
}
