using System.Text;
using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The commercetools TypeScript SDK's request builder chains, read as text: each step adds a path segment
/// (<c>products()</c> → <c>/products</c>, <c>productProjections()</c> → <c>/product-projections</c>, <c>withId({ ID })</c> →
/// <c>/{ID}</c>, <c>withKey({ key })</c> → <c>/key={key}</c>) under <c>/{projectKey}</c>, and the verb step ends it.
/// </summary>
internal static partial class CommercetoolsChains
{
    public const string Base = "commercetools SDK";

    private const int MaxSteps = 24;

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "get", "post", "delete", "head" };

    private static readonly HashSet<string> Ends = new(StringComparer.Ordinal) { "execute", "then", "catch", "finally", "clientRequest", "createRequest" };

    public static void Extract(string file, string text, int[] lines, List<EndpointCall> calls)
    {
        var consumed = new List<(int Start, int End)>();
        var starts = new SortedSet<int>();
        foreach (Match match in RootIdentifier().Matches(text))
        {
            starts.Add(match.Index + match.Length);
        }

        foreach (Match match in WithProjectKey().Matches(text))
        {
            starts.Add(match.Index);
        }

        foreach (var start in starts)
        {
            if (consumed.Any(range => start >= range.Start && start < range.End))
            {
                continue;
            }

            var (steps, end) = ReadChain(text, start);
            if (steps.Count == 0)
            {
                continue;
            }

            consumed.Add((start, end));
            var path = new StringBuilder("/{projectKey}");
            string? method = null;
            var resources = 0;
            foreach (var (name, arguments) in steps)
            {
                if (name == "withProjectKey")
                {
                    continue;
                }

                if (Verbs.Contains(name))
                {
                    method = name.ToUpperInvariant();
                    break;
                }

                if (Ends.Contains(name))
                {
                    break;
                }

                resources++;
                path.Append(Segment(name, arguments));
            }

            if (method is null && resources == 0)
            {
                continue; // the root being built (createApiBuilderFromCtpClient(…).withProjectKey(…)), not a request
            }

            var site = new EndpointSite(file, ScriptText.LineOf(text, start, lines));
            calls.Add(method is null
                ? new EndpointCall(EndpointKind.Http, null, null, null, text[start..end].Trim().TrimStart('.'), site)
                : new EndpointCall(EndpointKind.Http, method, path.ToString(), Base, null, site));
        }
    }

    private static string Segment(string name, string arguments)
    {
        switch (name)
        {
            case "withId":
                return "/{ID}";
            case "withKey":
                return "/key={key}";
            case "withOrderNumber":
                return "/order-number={orderNumber}";
            case "inStoreKeyWithStoreKeyValue":
                return "/in-store/key={storeKey}";
            case "withContainerAndKey":
                return "/{container}/{key}";
            case "withPasswordToken":
                return "/password-token={passwordToken}";
            case "withEmailToken":
                return "/email-token={emailToken}";
        }

        if (name.StartsWith("with", StringComparison.Ordinal) && name.Length > 4)
        {
            var keys = ObjectKey().Matches(arguments).Select(m => "{" + m.Groups["key"].Value + "}").ToList();
            return "/" + (keys.Count > 0 ? string.Join('/', keys) : "{" + PathTemplate.HoleName(name[4..]) + "}");
        }

        return "/" + Kebab(name);
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                builder.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The <c>.name(args)</c> steps from <paramref name="start"/> on, and where the chain ends.</summary>
    private static (List<(string Name, string Arguments)> Steps, int End) ReadChain(string text, int start)
    {
        var steps = new List<(string, string)>();
        var index = start;
        while (steps.Count < MaxSteps)
        {
            var dot = ScriptText.SkipSpace(text, index);
            if (dot < text.Length && text[dot] == '?' && dot + 1 < text.Length && text[dot + 1] == '.')
            {
                dot++;
            }

            if (dot >= text.Length || text[dot] != '.')
            {
                break;
            }

            var nameStart = ScriptText.SkipSpace(text, dot + 1);
            var nameEnd = nameStart;
            while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] is '_' or '$'))
            {
                nameEnd++;
            }

            var open = ScriptText.SkipSpace(text, nameEnd);
            if (nameEnd == nameStart || open >= text.Length || text[open] != '(')
            {
                break;
            }

            var close = ScriptText.SkipBalanced(text, open);
            if (close < 0)
            {
                break;
            }

            steps.Add((text[nameStart..nameEnd], text[(open + 1)..(close - 1)]));
            index = close;
        }

        return (steps, index);
    }

    // apiRoot, ctApiRoot, this.apiRoot, getApiRoot(): the chain starts after it.
    [GeneratedRegex(@"(?<![\w$])[A-Za-z_$][\w$]*[Aa]pi[Rr]oot(?:\s*\(\s*\))?(?![\w$])|(?<![\w$])apiRoot(?:\s*\(\s*\))?(?![\w$])")]
    private static partial Regex RootIdentifier();

    [GeneratedRegex(@"\.\s*withProjectKey\s*\(")]
    private static partial Regex WithProjectKey();

    [GeneratedRegex(@"(?:^|[{,])\s*(?<key>[A-Za-z_$][\w$]*)\s*(?=[:,}])")]
    private static partial Regex ObjectKey();
}
