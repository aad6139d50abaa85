using System.Text;
using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// <c>Invoke-RestMethod</c> / <c>Invoke-WebRequest</c> (and <c>irm</c>/<c>iwr</c>) in PowerShell, read as text with comments
/// blanked: <c>-Uri</c> (or the first positional argument) and <c>-Method</c> (GET when absent). A double-quoted URI is a
/// template (<c>"$base/vedsdk/certificates/$($id)"</c> → base <c>base</c>, <c>/vedsdk/certificates/{id}</c>); anything else
/// (a variable, splatting) is listed as not followed, with its site.
/// </summary>
internal static partial class PowerShellEndpointExtractor
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase) { "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Trace", "Merge", "Default" };

    public static List<EndpointCall> Extract(string file, string code)
    {
        var calls = new List<EndpointCall>();
        if (!code.Contains("Invoke-", StringComparison.OrdinalIgnoreCase) && !code.Contains("irm", StringComparison.OrdinalIgnoreCase) && !code.Contains("iwr", StringComparison.OrdinalIgnoreCase))
        {
            return calls;
        }

        var lines = ScriptText.LineStarts(code);
        foreach (Match match in Command().Matches(code))
        {
            if (InString(code, match.Index))
            {
                continue; // the cmdlet's name in a message, not a call
            }

            var arguments = Tokens(code, match.Index + match.Length);
            string? uri = null;
            string? method = "GET";
            for (var i = 0; i < arguments.Count; i++)
            {
                var token = arguments[i];
                if (token.StartsWith('-'))
                {
                    var (name, inline) = token.IndexOf(':') is var colon and > 0 ? (token[1..colon], token[(colon + 1)..]) : (token[1..], null);
                    var value = inline ?? (i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-') ? arguments[++i] : null);
                    if (name.Equals("Uri", StringComparison.OrdinalIgnoreCase) || name.Equals("Url", StringComparison.OrdinalIgnoreCase))
                    {
                        uri = value;
                    }
                    else if (name.Equals("Method", StringComparison.OrdinalIgnoreCase))
                    {
                        var word = value?.Trim('"', '\'');
                        method = word is not null && Verbs.Contains(word) ? (word.Equals("Default", StringComparison.OrdinalIgnoreCase) ? "GET" : word.ToUpperInvariant()) : null;
                    }
                }
                else if (token.StartsWith('@'))
                {
                    uri ??= token; // splatting: the parameters are in a hashtable
                }
                else
                {
                    uri ??= token;
                }
            }

            var site = new EndpointSite(file, ScriptText.LineOf(code, match.Index, lines));
            var url = uri is null ? null : UrlOf(uri);
            if (url is null || (url.Base is not null && url.Text.Length == 0))
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, (match.Value.Trim() + " " + (uri ?? string.Empty)).Trim(), site));
                continue;
            }

            var (origin, path) = url.Resolve(null);
            calls.Add(new EndpointCall(EndpointKind.Http, method, path, origin, null, site));
        }

        return calls;
    }

    /// <summary>Whether <paramref name="index"/> sits inside a quoted string on its line.</summary>
    private static bool InString(string code, int index)
    {
        var start = code.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var quote = '\0';
        for (var i = start; i < index; i++)
        {
            var c = code[i];
            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (c == '`' && quote == '"')
            {
                i++;
            }
        }

        return quote != '\0';
    }

    /// <summary>A PowerShell URI argument: a quoted string (double quotes expand <c>$x</c>, <c>${x}</c>, <c>$($x.Y)</c>), else null.</summary>
    private static UriValue? UrlOf(string token)
    {
        if (token.Length >= 2 && token[0] == '\'' && token[^1] == '\'')
        {
            return UriValue.Literal(token[1..^1]);
        }

        if (token.Length < 2 || token[0] != '"' || token[^1] != '"')
        {
            return null;
        }

        var body = token[1..^1];
        UriValue? value = null;
        var literal = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '`' && i + 1 < body.Length)
            {
                literal.Append(body[++i]);
                continue;
            }

            if (body[i] != '$' || i + 1 >= body.Length)
            {
                literal.Append(body[i]);
                continue;
            }

            var end = i + 1;
            string name;
            if (body[end] == '(')
            {
                end = ScriptText.SkipBalanced(body, end);
                if (end < 0)
                {
                    break;
                }

                name = body[(i + 2)..(end - 1)];
            }
            else if (body[end] == '{')
            {
                var close = body.IndexOf('}', end);
                end = close < 0 ? body.Length : close + 1;
                name = body[(i + 2)..(end - 1)];
            }
            else
            {
                while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] is '_' or ':'))
                {
                    end++;
                }

                name = body[(i + 1)..end];
            }

            var isBase = value is null && literal.Length == 0;
            if (literal.Length > 0)
            {
                value = value is null ? UriValue.Literal(literal.ToString()) : value.Append(UriValue.Literal(literal.ToString()));
                literal.Clear();
            }

            var hole = ScriptText.HoleName(name.Replace("$", string.Empty, StringComparison.Ordinal).Replace("env:", "env.", StringComparison.OrdinalIgnoreCase));
            var part = isBase ? UriValue.FromBase(name.StartsWith("env:", StringComparison.OrdinalIgnoreCase) ? "env:" + name[4..] : name.TrimStart('$')) : UriValue.Literal("{" + hole + "}");
            value = value is null ? part : value.Append(part);
            i = end - 1;
        }

        if (literal.Length > 0 || value is null)
        {
            value = value is null ? UriValue.Literal(literal.ToString()) : value.Append(UriValue.Literal(literal.ToString()));
        }

        return value;
    }

    /// <summary>The command's arguments up to the end of its statement (backtick line continuations joined).</summary>
    private static List<string> Tokens(string code, int start)
    {
        var tokens = new List<string>();
        var i = start;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '`' && i + 1 < code.Length && code[i + 1] is '\n' or '\r')
            {
                i = code.IndexOf('\n', i) + 1;
                continue;
            }

            if (c is '\n' or ';' or '|' or ')' or '}')
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            while (i < code.Length && !char.IsWhiteSpace(code[i]) && code[i] is not (';' or '|'))
            {
                if (code[i] is '"' or '\'')
                {
                    var close = code.IndexOf(code[i], i + 1);
                    i = close < 0 ? code.Length : close + 1;
                }
                else if (code[i] is '(' or '{' or '[')
                {
                    var close = ScriptText.SkipBalanced(code, i);
                    i = close < 0 ? code.Length : close;
                }
                else if (code[i] is ')' or '}')
                {
                    break;
                }
                else
                {
                    i++;
                }
            }

            if (i == tokenStart)
            {
                break;
            }

            tokens.Add(code[tokenStart..i]);
        }

        return tokens;
    }

    [GeneratedRegex(@"(?<![\w-])(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
