using System.Text;
using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// <c>requests</c> and <c>httpx</c> calls in Python, read as text with comments and docstrings blanked: the module functions
/// (<c>requests.get(url)</c>, <c>httpx.request("POST", url)</c>) and sessions or clients made from them
/// (<c>s = requests.Session()</c>, <c>client = httpx.Client(base_url=…)</c>). A literal or f-string URL is a template; anything
/// else is listed as not followed, with its site.
/// </summary>
internal static partial class PythonEndpointExtractor
{
    public static List<EndpointCall> Extract(string file, string code)
    {
        var calls = new List<EndpointCall>();
        if (!code.Contains("requests", StringComparison.Ordinal) && !code.Contains("httpx", StringComparison.Ordinal))
        {
            return calls;
        }

        var receivers = new HashSet<string>(StringComparer.Ordinal) { "requests", "httpx" };
        foreach (Match session in SessionAssignment().Matches(code))
        {
            receivers.Add(session.Groups["name"].Value);
        }

        var lines = ScriptText.LineStarts(code);
        foreach (Match match in VerbCall().Matches(code))
        {
            if (!receivers.Contains(match.Groups["receiver"].Value.Split('.')[^1]) && !receivers.Contains(match.Groups["receiver"].Value))
            {
                continue;
            }

            var open = match.Index + match.Length - 1;
            var close = ScriptText.SkipBalanced(code, open);
            if (close < 0)
            {
                continue;
            }

            var arguments = ScriptText.SplitTopLevel(code[(open + 1)..(close - 1)], ',').Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
            var verb = match.Groups["verb"].Value;
            string? method = verb.ToUpperInvariant();
            string? url = Keyword(arguments, "url");
            var positional = arguments.Where(a => !IsKeyword(a)).ToList();
            if (verb == "request")
            {
                var methodText = Keyword(arguments, "method") ?? (positional.Count > 0 ? positional[0] : null);
                method = methodText is not null && Literal(methodText) is { } literal ? literal.ToUpperInvariant() : null;
                url ??= positional.Count > 1 ? positional[1] : null;
            }
            else
            {
                url ??= positional.Count > 0 ? positional[0] : null;
            }

            var site = new EndpointSite(file, ScriptText.LineOf(code, match.Index, lines));
            var value = url is null ? null : UrlOf(url);
            if (value is null || (value.Base is not null && value.Text.Length == 0))
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, match.Value.TrimEnd('(').Trim() + "(" + (url ?? string.Empty) + ")", site));
                continue;
            }

            var (origin, path) = value.Resolve(null);
            calls.Add(new EndpointCall(EndpointKind.Http, method, path, origin, null, site));
        }

        return calls;
    }

    private static bool IsKeyword(string argument) => KeywordArgument().IsMatch(argument);

    private static string? Keyword(List<string> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            var match = KeywordArgument().Match(argument);
            if (match.Success && match.Groups["name"].Value == name)
            {
                return argument[match.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>A plain string literal's text (with an r/u/b prefix), else null.</summary>
    private static string? Literal(string expression)
    {
        var text = expression.Trim().TrimStart('r', 'R', 'u', 'U', 'b', 'B');
        return text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0] ? text[1..^1] : null;
    }

    /// <summary>A literal, an f-string (<c>{x}</c> holes, a leading one the base) or <c>base + "/path"</c>; null otherwise.</summary>
    private static UriValue? UrlOf(string expression)
    {
        if (Literal(expression) is { } literal)
        {
            return UriValue.Literal(literal);
        }

        var trimmed = expression.Trim();
        if (trimmed.Length > 3 && trimmed[0] is 'f' or 'F' && trimmed[1] is '\'' or '"' && trimmed[^1] == trimmed[1])
        {
            var body = trimmed[2..^1];
            UriValue? value = null;
            var text = new StringBuilder();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '{' && i + 1 < body.Length && body[i + 1] != '{')
                {
                    var close = body.IndexOf('}', i);
                    if (close < 0)
                    {
                        break;
                    }

                    var isBase = value is null && text.Length == 0;
                    if (text.Length > 0)
                    {
                        value = value is null ? UriValue.Literal(text.ToString()) : value.Append(UriValue.Literal(text.ToString()));
                        text.Clear();
                    }

                    var name = body[(i + 1)..close].Split('!', ':')[0];
                    var part = isBase ? UriValue.FromBase(name.Trim()) : UriValue.Literal("{" + ScriptText.HoleName(name) + "}");
                    value = value is null ? part : value.Append(part);
                    i = close;
                }
                else
                {
                    text.Append(body[i]);
                    if (body[i] is '{' or '}' && i + 1 < body.Length && body[i + 1] == body[i])
                    {
                        i++;
                    }
                }
            }

            if (text.Length > 0 || value is null)
            {
                value = value is null ? UriValue.Literal(text.ToString()) : value.Append(UriValue.Literal(text.ToString()));
            }

            return value;
        }

        var parts = ScriptText.SplitTopLevel(trimmed, '+');
        if (parts.Count > 1)
        {
            UriValue? value = null;
            foreach (var part in parts)
            {
                var next = UrlOf(part) ?? (value is null ? UriValue.FromBase(part.Trim()) : UriValue.Literal("{" + ScriptText.HoleName(part) + "}"));
                value = value is null ? next : value.Append(next);
            }

            return value;
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\w.])(?<receiver>[A-Za-z_][\w.]*)\.(?<verb>get|post|put|patch|delete|head|options|request)\s*\(")]
    private static partial Regex VerbCall();

    [GeneratedRegex(@"(?<name>[A-Za-z_][\w.]*)\s*=\s*(?:requests\.(?:Session|session)|httpx\.(?:Client|AsyncClient))\s*\(")]
    private static partial Regex SessionAssignment();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=(?!=)")]
    private static partial Regex KeywordArgument();
}
