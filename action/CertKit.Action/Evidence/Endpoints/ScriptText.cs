namespace CertKit.Action.Evidence.Endpoints;

/// <summary>Small lexical helpers for JS/TS text: string literals, balanced brackets, line numbers.</summary>
internal static class ScriptText
{
    /// <summary>The index just past the bracket that closes the one at <paramref name="open"/>, skipping strings and comments; -1 if none.</summary>
    public static int SkipBalanced(string text, int open, int limit = 20_000)
    {
        var depth = 0;
        var end = Math.Min(text.Length, open + limit);
        for (var i = open; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case '\'' or '"' or '`':
                    i = SkipString(text, i) - 1;
                    break;
                case '/' when i + 1 < end && text[i + 1] == '/':
                    while (i < end && text[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '/' when i + 1 < end && text[i + 1] == '*':
                    var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? end : close + 1;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The index just past the string literal starting at <paramref name="start"/>.</summary>
    public static int SkipString(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
            else if (text[i] == '\n' && quote != '`')
            {
                return i;
            }
        }

        return text.Length;
    }

    public static int SkipSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// The URL text of a JS expression: a quoted string as is, a template literal with <c>${x}</c> as <c>{x}</c>, a leading
    /// <c>${base}</c> or a concatenation's non-literal head as the base; null when the expression holds no literal at all.
    /// </summary>
    public static UriValue? UrlOf(string expression)
    {
        var trimmed = expression.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed[0] is '\'' or '"' && SkipString(trimmed, 0) == trimmed.Length)
        {
            return UriValue.Literal(Unescape(trimmed[1..^1]));
        }

        if (trimmed[0] == '`' && SkipString(trimmed, 0) == trimmed.Length)
        {
            return Template(trimmed[1..^1]);
        }

        // a + '/x/' + b
        var parts = SplitTopLevel(trimmed, '+');
        if (parts.Count > 1)
        {
            UriValue? value = null;
            foreach (var part in parts)
            {
                var literal = UrlOf(part);
                var next = literal ?? (value is null ? UriValue.FromBase(BaseName(part)) : UriValue.Literal("{" + HoleName(part) + "}"));
                value = value is null ? next : value.Append(next);
            }

            return value;
        }

        return null;
    }

    /// <summary>Where a leading non-literal part comes from: <c>process.env.CTP_API_URL</c> → <c>env:CTP_API_URL</c>.</summary>
    public static string BaseName(string expression)
    {
        var trimmed = expression.Trim();
        foreach (var prefix in (string[])["process.env.", "import.meta.env.", "Deno.env.get("])
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "env:" + trimmed[prefix.Length..].Trim('(', ')', '\'', '"');
            }
        }

        var coalesce = trimmed.IndexOf("??", StringComparison.Ordinal);
        var or = trimmed.IndexOf("||", StringComparison.Ordinal);
        var cut = coalesce < 0 ? or : or < 0 ? coalesce : Math.Min(coalesce, or);
        return cut > 0 ? BaseName(trimmed[..cut]) : trimmed;
    }

    public static string HoleName(string expression)
    {
        var trimmed = expression.Trim();
        var call = trimmed.IndexOf('(');
        if (call > 0 && trimmed.EndsWith(')'))
        {
            var inner = trimmed[(call + 1)..^1];
            if (inner.Trim().Length > 0)
            {
                return HoleName(inner.Split(',')[0]);
            }

            trimmed = trimmed[..call];
        }

        var lastDot = trimmed.LastIndexOf('.');
        var name = lastDot >= 0 ? trimmed[(lastDot + 1)..] : trimmed;
        name = new string(name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        return name.Length == 0 ? "value" : PathTemplate.HoleName(name);
    }

    public static int LineOf(string text, int index, int[] lineStarts)
    {
        var line = Array.BinarySearch(lineStarts, index);
        return (line >= 0 ? line : ~line - 1) + 1;
    }

    public static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                i = SkipString(text, i) - 1;
            }
            else if (c is '(' or '[' or '{')
            {
                var end = SkipBalanced(text, i);
                if (end < 0)
                {
                    break;
                }

                i = end - 1;
            }
            else if (c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static UriValue Template(string body)
    {
        UriValue? value = null;
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '$' && i + 1 < body.Length && body[i + 1] == '{')
            {
                var end = SkipBalanced(body, i + 1);
                if (end < 0)
                {
                    break;
                }

                var hole = body[(i + 2)..(end - 1)];
                var isBase = value is null && literal.Length == 0;
                if (literal.Length > 0)
                {
                    value = value is null ? UriValue.Literal(literal.ToString()) : value.Append(UriValue.Literal(literal.ToString()));
                    literal.Clear();
                }

                var part = isBase ? UriValue.FromBase(BaseName(hole)) : UriValue.Literal("{" + HoleName(hole) + "}");
                value = value is null ? part : value.Append(part);
                i = end - 1;
            }
            else
            {
                literal.Append(body[i]);
            }
        }

        if (literal.Length > 0 || value is null)
        {
            value = value is null ? UriValue.Literal(literal.ToString()) : value.Append(UriValue.Literal(literal.ToString()));
        }

        return value;
    }

    private static string Unescape(string text) => text.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
}
