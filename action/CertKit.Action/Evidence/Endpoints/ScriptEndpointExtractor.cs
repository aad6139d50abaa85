using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The outbound HTTP calls in a JS/TS file of a Connect application, read as text: <c>fetch(url, { method })</c>,
/// <c>axios.verb(url)</c>, <c>axios({ method, url })</c>, instances from <c>axios.create({ baseURL })</c>, and the commercetools
/// SDK's request builder chains (<c>apiRoot.products().withId({ ID }).get()</c> → <c>GET /{projectKey}/products/{ID}</c>).
/// </summary>
internal static partial class ScriptEndpointExtractor
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx" };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "get", "post", "put", "patch", "delete", "head", "options" };

    public static List<EndpointCall> Extract(string file, string text)
    {
        var calls = new List<EndpointCall>();
        if (!text.Contains("fetch", StringComparison.Ordinal) && !text.Contains("axios", StringComparison.Ordinal) && !text.Contains("apiRoot", StringComparison.OrdinalIgnoreCase) && !text.Contains("withProjectKey", StringComparison.Ordinal))
        {
            return calls;
        }

        var lines = ScriptText.LineStarts(text);
        void Add(int index, string? method, UriValue? url, string rawUrl, string? clientBase = null)
        {
            var site = new EndpointSite(file, ScriptText.LineOf(text, index, lines));
            if (url is null || (url.Base is not null && url.Text.Length == 0))
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, rawUrl.Trim(), site));
                return;
            }

            var (origin, path) = url.Resolve(clientBase is null ? null : ScriptText.UrlOf(clientBase) ?? UriValue.FromBase(ScriptText.BaseName(clientBase)));
            calls.Add(new EndpointCall(EndpointKind.Http, method, path, origin, null, site));
        }

        foreach (Match match in FetchCall().Matches(text))
        {
            var open = match.Index + match.Length - 1;
            var close = ScriptText.SkipBalanced(text, open);
            if (close < 0 || IsComment(text, match.Index))
            {
                continue;
            }

            var arguments = ScriptText.SplitTopLevel(text[(open + 1)..(close - 1)], ',');
            var options = arguments.Count > 1 ? arguments[1] : string.Empty;
            var method = MethodProperty().Match(options) is { Success: true } m ? m.Groups["method"].Value.ToUpperInvariant() : "GET";
            Add(match.Index, method, ScriptText.UrlOf(arguments[0]), arguments[0]);
        }

        var axiosInstances = new Dictionary<string, string?>(StringComparer.Ordinal) { ["axios"] = null };
        foreach (Match match in AxiosCreate().Matches(text))
        {
            var open = match.Index + match.Length - 1;
            var close = ScriptText.SkipBalanced(text, open);
            var config = close < 0 ? string.Empty : text[open..close];
            axiosInstances[match.Groups["name"].Value] = BaseUrlProperty().Match(config) is { Success: true } b ? b.Groups["value"].Value : null;
        }

        foreach (Match match in MemberVerbCall().Matches(text))
        {
            var receiver = match.Groups["receiver"].Value;
            if (!axiosInstances.TryGetValue(receiver, out var clientBase) || IsComment(text, match.Index))
            {
                continue;
            }

            var open = match.Index + match.Length - 1;
            var close = ScriptText.SkipBalanced(text, open);
            if (close < 0)
            {
                continue;
            }

            var verb = match.Groups["verb"].Value;
            var arguments = ScriptText.SplitTopLevel(text[(open + 1)..(close - 1)], ',');
            if (verb == "request")
            {
                AddConfigCall(match.Index, arguments[0], clientBase);
            }
            else if (Verbs.Contains(verb))
            {
                Add(match.Index, verb.ToUpperInvariant(), ScriptText.UrlOf(arguments[0]), arguments[0], clientBase);
            }
        }

        foreach (Match match in AxiosConfigCall().Matches(text))
        {
            var open = match.Index + match.Length - 1;
            var close = ScriptText.SkipBalanced(text, open);
            if (close > 0 && !IsComment(text, match.Index))
            {
                AddConfigCall(match.Index, text[(open + 1)..(close - 1)], null);
            }
        }

        CommercetoolsChains.Extract(file, text, lines, calls);
        return calls;

        void AddConfigCall(int index, string config, string? clientBase)
        {
            var url = UrlProperty().Match(config);
            var method = MethodProperty().Match(config) is { Success: true } m ? m.Groups["method"].Value.ToUpperInvariant() : "GET";
            var baseUrl = BaseUrlProperty().Match(config) is { Success: true } b ? b.Groups["value"].Value : clientBase;
            if (url.Success)
            {
                Add(index, method, ScriptText.UrlOf(url.Groups["value"].Value), url.Groups["value"].Value, baseUrl);
            }
            else
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, config.Trim(), new EndpointSite(file, ScriptText.LineOf(text, index, lines))));
            }
        }
    }

    /// <summary>Whether the match sits after <c>//</c> on its line (a commented-out call).</summary>
    private static bool IsComment(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var before = text.AsSpan(lineStart, index - lineStart).TrimStart();
        return before.StartsWith("//") || before.StartsWith("*");
    }

    [GeneratedRegex(@"(?<![\w.$])fetch\s*\(")]
    private static partial Regex FetchCall();

    [GeneratedRegex(@"(?<![\w.$])(?<receiver>[A-Za-z_$][\w$]*)\s*\.\s*(?<verb>get|post|put|patch|delete|head|options|request)\s*(?:<[^>()]*>)?\s*\(")]
    private static partial Regex MemberVerbCall();

    [GeneratedRegex(@"(?<![\w.$])axios\s*\(\s*(?=\{)")]
    private static partial Regex AxiosConfigCall();

    [GeneratedRegex(@"(?<name>[A-Za-z_$][\w$]*)\s*=\s*axios\s*\.\s*create\s*\(")]
    private static partial Regex AxiosCreate();

    [GeneratedRegex(@"\bmethod\s*:\s*['""`](?<method>[A-Za-z]+)['""`]")]
    private static partial Regex MethodProperty();

    [GeneratedRegex(@"\burl\s*:\s*(?<value>`[^`]*`|'[^'\n]*'|""[^""\n]*""|[\w$.]+)")]
    private static partial Regex UrlProperty();

    [GeneratedRegex(@"\bbaseURL\s*:\s*(?<value>`[^`]*`|'[^'\n]*'|""[^""\n]*""|[\w$.]+(?:\s*(?:\?\?|\|\|)\s*(?:'[^'\n]*'|""[^""\n]*""))?)")]
    private static partial Regex BaseUrlProperty();
}
