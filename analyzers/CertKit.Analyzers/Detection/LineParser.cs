namespace CertKit.Analyzers.Detection;

/// <summary>Where a key and its literal value sit in a text.</summary>
public readonly struct KeyValueSpan
{
    public KeyValueSpan(int keyStart, int keyLength, int valueStart, int valueLength)
    {
        KeyStart = keyStart;
        KeyLength = keyLength;
        ValueStart = valueStart;
        ValueLength = valueLength;
    }

    public int KeyStart { get; }

    public int KeyLength { get; }

    public int ValueStart { get; }

    public int ValueLength { get; }
}

/// <summary>
/// Reads the key and the literal value of one line of a config file or source, without allocating: <c>"key": "value"</c>,
/// <c>key: value</c>, <c>KEY=value</c>, <c>const apiKey = "value"</c>, <c>headers["x-api-key"] = "value"</c>, XML attributes and
/// elements. A value that is not a literal (an expression, an object, a list, a reference) is not read.
/// </summary>
public static class LineParser
{
    /// <summary>
    /// The next key and literal value in <c>text[start, end)</c>; <paramref name="next"/> is where to look for another one on the
    /// same line (JSON and code can hold several: <c>{ "a": "x", "b": "y" }</c>).
    /// </summary>
    public static bool TryReadKeyValue(string text, int start, int end, TextFileKind kind, out KeyValueSpan pair, out int next)
    {
        pair = default;
        next = end;
        switch (kind)
        {
            case TextFileKind.Json:
                return TryReadJson(text, start, end, out pair, out next);
            case TextFileKind.Yaml:
                return TryReadYaml(text, start, end, out pair);
            case TextFileKind.KeyValue:
                return TryReadAssignment(text, start, end, out pair);
            case TextFileKind.Code:
                return TryReadCode(text, start, end, out pair, out next);
            default:
                return false;
        }
    }

    /// <summary>The next <c>name="value"</c> (or <c>name='value'</c>) at or after <paramref name="position"/>.</summary>
    public static bool TryReadXmlAttribute(string text, int position, int end, out KeyValueSpan attribute)
    {
        attribute = default;
        while (position < end)
        {
            var equals = text.IndexOf('=', position, end - position);
            if (equals < 0 || equals + 1 >= end)
            {
                return false;
            }

            position = equals + 1;
            var quote = text[equals + 1];
            if (quote != '"' && quote != '\'')
            {
                continue;
            }

            var keyEnd = equals;
            var keyStart = keyEnd;
            while (keyStart > 0 && IsNameChar(text[keyStart - 1]))
            {
                keyStart--;
            }

            var close = text.IndexOf(quote, equals + 2, end - equals - 2);
            if (close < 0)
            {
                return false;
            }

            if (keyStart == keyEnd)
            {
                position = close + 1;
                continue;
            }

            attribute = new KeyValueSpan(keyStart, keyEnd - keyStart, equals + 2, close - equals - 2);
            return true;
        }

        return false;
    }

    /// <summary><c>&lt;name&gt;value&lt;/name&gt;</c> on one line.</summary>
    public static bool TryReadXmlElement(string text, int start, int end, out KeyValueSpan element)
    {
        element = default;
        if (text[start] != '<' || start + 1 >= end || !IsNameStart(text[start + 1]))
        {
            return false;
        }

        var nameEnd = start + 1;
        while (nameEnd < end && IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd >= end || text[nameEnd] != '>')
        {
            return false;
        }

        var valueStart = nameEnd + 1;
        var close = text.IndexOf("</", valueStart, end - valueStart, System.StringComparison.Ordinal);
        if (close <= valueStart)
        {
            return false;
        }

        element = new KeyValueSpan(start + 1, nameEnd - start - 1, valueStart, close - valueStart);
        return true;
    }

    // "key": "value", anywhere on the line: a key whose value is an object or a number is stepped over.
    private static bool TryReadJson(string text, int start, int end, out KeyValueSpan pair, out int next)
    {
        pair = default;
        next = end;
        var position = start;
        while (position < end)
        {
            var quote = text.IndexOf('"', position, end - position);
            if (quote < 0 || !TryReadQuoted(text, quote, end, out var keyStart, out var keyEnd))
            {
                return false;
            }

            position = keyEnd + 1;
            var colon = SkipSpaces(text, position, end);
            if (colon >= end || text[colon] != ':')
            {
                continue;
            }

            var valueQuote = SkipSpaces(text, colon + 1, end);
            if (valueQuote >= end || text[valueQuote] != '"')
            {
                position = colon + 1;
                continue;
            }

            if (!TryReadQuoted(text, valueQuote, end, out var valueStart, out var valueEnd))
            {
                return false;
            }

            pair = new KeyValueSpan(keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart);
            next = valueEnd + 1;
            return true;
        }

        return false;
    }

    // key: value, - key: value, "key": 'value', key: value # comment
    private static bool TryReadYaml(string text, int start, int end, out KeyValueSpan pair)
    {
        pair = default;
        var position = start;
        if (text[position] == '-' && position + 1 < end && text[position + 1] == ' ')
        {
            position = SkipSpaces(text, position + 1, end);
        }

        int keyStart, keyEnd, colon;
        if (position < end && (text[position] == '"' || text[position] == '\''))
        {
            if (!TryReadQuoted(text, position, end, out keyStart, out keyEnd))
            {
                return false;
            }

            colon = SkipSpaces(text, keyEnd + 1, end);
            if (colon >= end || text[colon] != ':')
            {
                return false;
            }
        }
        else
        {
            keyStart = position;
            colon = -1;
            for (var i = position; i < end; i++)
            {
                if (text[i] == ':' && (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\t'))
                {
                    colon = i;
                    break;
                }
            }

            if (colon <= keyStart)
            {
                // - POSTGRES_PASSWORD=secret (a compose environment list)
                return position > start && TryReadAssignment(text, position, end, out pair);
            }

            keyEnd = colon;
            while (keyEnd > keyStart && text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }
        }

        return TryReadScalar(text, colon + 1, end, keyStart, keyEnd, out pair);
    }

    // KEY=value, export KEY="value", key = value, key: value (.properties)
    private static bool TryReadAssignment(string text, int start, int end, out KeyValueSpan pair)
    {
        pair = default;
        var position = start;
        if (StartsWithWord(text, position, end, "export"))
        {
            position = SkipSpaces(text, position + 6, end);
        }

        var separator = -1;
        for (var i = position; i < end; i++)
        {
            var c = text[i];
            if (c == '=' || c == ':')
            {
                separator = i;
                break;
            }
        }

        if (separator <= position)
        {
            return false;
        }

        var keyEnd = separator;
        while (keyEnd > position && (text[keyEnd - 1] == ' ' || text[keyEnd - 1] == '\t'))
        {
            keyEnd--;
        }

        var keyStart = position;
        if (keyEnd - keyStart >= 2 && (text[keyStart] == '"' || text[keyStart] == '\'') && text[keyEnd - 1] == text[keyStart])
        {
            keyStart++;
            keyEnd--;
        }

        return keyEnd > keyStart && TryReadScalar(text, separator + 1, end, keyStart, keyEnd, out pair);
    }

    // const apiKey = "value", apiKey: 'value', this.clientSecret = "value", headers["x-api-key"] = "value"
    private static bool TryReadCode(string text, int start, int end, out KeyValueSpan pair, out int next)
    {
        pair = default;
        next = end;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '"' || c == '\'' || c == '`')
            {
                // A separator inside a string is not one: skip the string.
                var close = text.IndexOf(c, i + 1, end - i - 1);
                if (close < 0)
                {
                    return false;
                }

                i = close;
                continue;
            }

            if (c != '=' && c != ':')
            {
                continue;
            }

            var following = i + 1 < end ? text[i + 1] : '\0';
            var previous = i > start ? text[i - 1] : '\0';
            if (following == '=' || following == '>' || previous == '=' || previous == '!' || previous == '<' || previous == '>' || (c == ':' && following == ':') || (c == ':' && following == '/'))
            {
                // ==, ===, =>, !=, <=, >=, ::, ://
                if (following == '=' || following == '>' || following == ':' || following == '/')
                {
                    i++;
                }

                continue;
            }

            var valueQuote = SkipSpaces(text, i + 1, end);
            if (!TryReadCodeKey(text, start, i, out var keyStart, out var keyEnd)
                || !TryReadQuoted(text, valueQuote, end, out var valueStart, out var valueEnd)
                || IsTemplateLiteralWithHoles(text, valueQuote, valueStart, valueEnd))
            {
                // Not "name = literal" (an expression, an object, a call): look further along the line.
                continue;
            }

            pair = new KeyValueSpan(keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart);
            next = valueEnd + 1;
            return true;
        }

        return false;
    }

    private static bool TryReadCodeKey(string text, int start, int separator, out int keyStart, out int keyEnd)
    {
        keyEnd = separator;
        while (keyEnd > start && (text[keyEnd - 1] == ' ' || text[keyEnd - 1] == '\t' || text[keyEnd - 1] == '+' || text[keyEnd - 1] == '?'))
        {
            keyEnd--;
        }

        keyStart = keyEnd;
        if (keyEnd > start && text[keyEnd - 1] == ']')
        {
            // headers["x-api-key"] = ...
            var close = keyEnd - 1;
            var open = text.LastIndexOf('[', close, close - start + 1);
            if (open < 0 || !TryReadQuoted(text, open + 1, close, out keyStart, out keyEnd))
            {
                return false;
            }

            return keyEnd > keyStart;
        }

        if (keyEnd > start && (text[keyEnd - 1] == '"' || text[keyEnd - 1] == '\''))
        {
            // { "client_secret": "..." } in code
            var quote = text[keyEnd - 1];
            var open = text.LastIndexOf(quote, keyEnd - 2, keyEnd - 1 - start);
            if (open < 0)
            {
                return false;
            }

            keyStart = open + 1;
            keyEnd--;
            return keyEnd > keyStart;
        }

        while (keyStart > start && (IsNameChar(text[keyStart - 1]) || text[keyStart - 1] == '$'))
        {
            keyStart--;
        }

        return keyEnd > keyStart;
    }

    // A value after the separator: quoted, or bare up to an inline comment. Objects, lists, anchors and block scalars are not literals.
    private static bool TryReadScalar(string text, int afterSeparator, int end, int keyStart, int keyEnd, out KeyValueSpan pair)
    {
        pair = default;
        var valueStart = SkipSpaces(text, afterSeparator, end);
        if (valueStart >= end)
        {
            return false;
        }

        var first = text[valueStart];
        if (first == '"' || first == '\'')
        {
            if (!TryReadQuoted(text, valueStart, end, out var quotedStart, out var quotedEnd))
            {
                return false;
            }

            pair = new KeyValueSpan(keyStart, keyEnd - keyStart, quotedStart, quotedEnd - quotedStart);
            return true;
        }

        if (first == '{' || first == '[' || first == '&' || first == '*' || first == '|' || first == '>' || first == '!')
        {
            return false;
        }

        var valueEnd = end;
        for (var i = valueStart; i < end; i++)
        {
            if (text[i] == '#' && i > valueStart && (text[i - 1] == ' ' || text[i - 1] == '\t'))
            {
                valueEnd = i;
                break;
            }
        }

        while (valueEnd > valueStart && (text[valueEnd - 1] == ' ' || text[valueEnd - 1] == '\t' || text[valueEnd - 1] == ','))
        {
            valueEnd--;
        }

        if (valueEnd <= valueStart)
        {
            return false;
        }

        pair = new KeyValueSpan(keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart);
        return true;
    }

    // The content span of a quoted string starting at quoteIndex; backslash escapes are stepped over.
    private static bool TryReadQuoted(string text, int quoteIndex, int end, out int contentStart, out int contentEnd)
    {
        contentStart = contentEnd = 0;
        if (quoteIndex >= end)
        {
            return false;
        }

        var quote = text[quoteIndex];
        if (quote != '"' && quote != '\'' && quote != '`')
        {
            return false;
        }

        for (var i = quoteIndex + 1; i < end; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c == quote)
            {
                contentStart = quoteIndex + 1;
                contentEnd = i;
                return true;
            }
        }

        return false;
    }

    private static bool IsTemplateLiteralWithHoles(string text, int quoteIndex, int start, int end) =>
        text[quoteIndex] == '`' && text.IndexOf("${", start, end - start, System.StringComparison.Ordinal) >= 0;

    private static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        return position;
    }

    private static bool StartsWithWord(string text, int position, int end, string word) =>
        end - position > word.Length
        && string.CompareOrdinal(text, position, word, 0, word.Length) == 0
        && (text[position + word.Length] == ' ' || text[position + word.Length] == '\t');

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
}
