using System;
using System.Text;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Comments blanked out of source text (replaced by spaces, line breaks kept, so lines and columns stay where they were) for
/// the languages read as text: PowerShell (<c>#</c>, <c>&lt;# #&gt;</c> comment-based help), Python (<c>#</c> and
/// docstrings), shell scripts (<c>#</c>), C# (<c>//</c>, <c>/* */</c>) and XML (<c>&lt;!-- --&gt;</c>, see <see cref="Xml"/>). Strings are skipped so a <c>#</c> in a URL is not
/// a comment. JS/TS is left to the shared JS/TS reader (<see cref="JavaScript.JsSource"/>). Pure: text in, text out.
/// </summary>
public static class ScriptComments
{
    /// <summary>The text with its comments blanked, or null for a file whose language this does not know (by its extension, with the dot).</summary>
    public static string? Blank(string text, string extension)
    {
        switch (extension.ToLowerInvariant())
        {
            case ".ps1":
            case ".psm1":
            case ".psd1":
                return PowerShell(text);
            case ".py":
                return Python(text);
            case ".sh":
            case ".bash":
            case ".zsh":
            case ".ksh":
                return Shell(text);
            case ".cs":
                return CSharp(text);
            default:
                return null;
        }
    }

    /// <summary>
    /// An XML file (<c>Web.config</c>, <c>App.config</c>) with its prose comments blanked, the markers included: a
    /// comment of words is documentation ("please visit https://go.microsoft.com/fwlink/…"), not configuration, however
    /// many lines it spans, also when a sentence names a tag. A comment holding markup — a line of it starting with a tag
    /// (<c>&lt;!-- &lt;add key="MailPassword" value="…" /&gt; --&gt;</c>) — is
    /// configuration switched off, still committed with its values: it stays. An unclosed comment runs to the end of the
    /// file, as an XML reader reads it.
    /// </summary>
    public static string Xml(string text)
    {
        var start = text.IndexOf("<!--", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var output = new StringBuilder(text);
        while (start >= 0)
        {
            var close = text.IndexOf("-->", start + 4, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + 3;
            var bodyEnd = close < 0 ? text.Length : close;
            if (!HoldsMarkup(text, start + 4, bodyEnd))
            {
                for (var i = start; i < end; i++)
                {
                    if (text[i] != '\n' && text[i] != '\r')
                    {
                        output[i] = ' ';
                    }
                }
            }

            start = end < text.Length ? text.IndexOf("<!--", end, StringComparison.Ordinal) : -1;
        }

        return output.ToString();
    }

    // Commented-out configuration starts its lines with a tag (<!-- <add key=… />, a line "<add …" inside); prose names a
    // tag inside a sentence ("please add <InstrumentationKey>Your Key</InstrumentationKey> to the top of this file").
    private static bool HoldsMarkup(string text, int bodyStart, int bodyEnd)
    {
        var lineStart = true;
        for (var i = bodyStart; i < bodyEnd; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                if (lineStart && c == '<')
                {
                    return true;
                }

                lineStart = false;
            }
        }

        return false;
    }

    public static string PowerShell(string text)
    {
        var output = new StringBuilder(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && At(text, i, "<#"))
            {
                var end = text.IndexOf("#>", i + 2, StringComparison.Ordinal);
                i = Clear(output, i, end < 0 ? text.Length : end + 2) - 1;
            }
            else if (c == '@' && (At(text, i, "@\"") || At(text, i, "@'")) && IsLineEnd(text, i + 2))
            {
                var close = text.IndexOf("\n" + text[i + 1] + "@", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
            }
            else if (c is '"' or '\'')
            {
                i = SkipQuoted(text, i, c == '"' ? '`' : '\0', doubledQuoteEscapes: true) - 1;
            }
            else if (c == '#' && StartsToken(text, i))
            {
                i = Clear(output, i, LineEnd(text, i)) - 1;
            }
        }

        return output.ToString();
    }

    public static string Python(string text)
    {
        var output = new StringBuilder(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var triple = At(text, i, new string(c, 3));
                var end = triple ? text.IndexOf(new string(c, 3), i + 3, StringComparison.Ordinal) : -1;
                if (triple)
                {
                    end = end < 0 ? text.Length : end + 3;
                    if (StatementStart(text, i))
                    {
                        Clear(output, i, end); // a docstring (or any bare string statement) is documentation, not code
                    }

                    i = end - 1;
                }
                else
                {
                    i = SkipQuoted(text, i, '\\', doubledQuoteEscapes: false) - 1;
                }
            }
            else if (c == '#')
            {
                i = Clear(output, i, LineEnd(text, i)) - 1;
            }
        }

        return output.ToString();
    }

    /// <summary>A shell script's <c>#</c> comments (the <c>#!</c> line kept).</summary>
    public static string Shell(string text) => Hash(text, backtickEscapes: false);

    private static string Hash(string text, bool backtickEscapes)
    {
        var output = new StringBuilder(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipQuoted(text, i, c == '"' ? (backtickEscapes ? '`' : '\\') : '\0', doubledQuoteEscapes: false) - 1;
            }
            else if (c == '#' && StartsToken(text, i) && !(i == 0 && At(text, i, "#!")))
            {
                i = Clear(output, i, LineEnd(text, i)) - 1;
            }
        }

        return output.ToString();
    }

    public static string CSharp(string text)
    {
        var output = new StringBuilder(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && At(text, i, "//"))
            {
                i = Clear(output, i, LineEnd(text, i)) - 1;
            }
            else if (c == '/' && At(text, i, "/*"))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Clear(output, i, end < 0 ? text.Length : end + 2) - 1;
            }
            else if (c == '"' && At(text, i, "\"\"\""))
            {
                var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                i = (end < 0 ? text.Length : end + 3) - 1;
            }
            else if (c == '"')
            {
                var verbatim = i > 0 && (text[i - 1] == '@' || (i > 1 && text[i - 1] == '$' && text[i - 2] == '@'));
                i = SkipQuoted(text, i, verbatim ? '\0' : '\\', doubledQuoteEscapes: verbatim) - 1;
            }
            else if (c == '\'')
            {
                i = SkipQuoted(text, i, '\\', doubledQuoteEscapes: false) - 1;
            }
        }

        return output.ToString();
    }

    /// <summary>The index just past a quoted string starting at <paramref name="start"/> (a line break ends an unterminated one).</summary>
    private static int SkipQuoted(string text, int start, char escape, bool doubledQuoteEscapes)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (escape != '\0' && c == escape)
            {
                i++;
            }
            else if (c == quote)
            {
                if (doubledQuoteEscapes && i + 1 < text.Length && text[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
            else if (c == '\n' && !doubledQuoteEscapes && escape != '`')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int Clear(StringBuilder output, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (output[i] is not ('\n' or '\r'))
            {
                output[i] = ' ';
            }
        }

        return end;
    }

    private static bool At(string text, int index, string value) => string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    private static int LineEnd(string text, int index)
    {
        var end = text.IndexOf('\n', index);
        return end < 0 ? text.Length : end;
    }

    private static bool IsLineEnd(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t' or '\r')
        {
            index++;
        }

        return index >= text.Length || text[index] == '\n';
    }

    /// <summary>A <c>#</c> that starts a token: at the line start or after a space or a separator (<c>a#b</c> is a word).</summary>
    private static bool StartsToken(string text, int index) => index == 0 || text[index - 1] is ' ' or '\t' or '\n' or '\r' or ';' or '(' or '{' or '|' or '}';

    /// <summary>Whether only indentation (and a string prefix such as r or u) precedes <paramref name="index"/> on its line.</summary>
    private static bool StatementStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && IsAsciiLetter(text[i]) && index - i <= 2)
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
