using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The endpoints a Markdown document names, for <c>endpoint-inventory</c>: every path on a line (in backticks, a table cell,
/// prose or a full URL) with the HTTP methods named on the same line, compared by <see cref="PathTemplate.Identity"/>. The
/// tool's own table and a hand-written one (<c>POST /v1/certificaterequests</c>, <c>/v1/certificates/:id</c>) read alike.
/// </summary>
internal sealed partial class EndpointDocumentation
{
    private readonly List<(string Path, HashSet<string> Methods)> _paths = new();
    private readonly string _text;

    private EndpointDocumentation(string text)
    {
        _text = text;
    }

    public int Count => _paths.Count;

    public static EndpointDocumentation Parse(string text)
    {
        var documentation = new EndpointDocumentation(text);
        foreach (var line in text.Split('\n'))
        {
            var methods = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match method in MethodWord().Matches(line))
            {
                methods.Add(method.Value);
            }

            foreach (Match path in PathToken().Matches(line))
            {
                var value = path.Groups["path"].Value.TrimEnd('.', ',', ';', ':', ')');
                if (value.Length > 1)
                {
                    documentation._paths.Add((PathTemplate.Identity(value), methods));
                }
            }
        }

        return documentation;
    }

    /// <summary>
    /// Whether <paramref name="endpoint"/> is documented: a VCert function by its command line; an HTTP endpoint by a path with
    /// the same identity, or one that differs only by a base prefix (<c>/api/rest/v6/agreements</c> documents
    /// <c>/agreements</c> and the reverse), on a line that names its method or no method at all.
    /// </summary>
    public bool Documents(Endpoint endpoint)
    {
        if (endpoint.Kind is EndpointKind.VCert or EndpointKind.GraphQL)
        {
            return endpoint.Path is not null && _text.Contains(endpoint.Path, StringComparison.OrdinalIgnoreCase);
        }

        if (endpoint.Path is null)
        {
            return false;
        }

        var identity = PathTemplate.Identity(endpoint.Path);
        foreach (var (path, methods) in _paths)
        {
            if ((methods.Count == 0 || endpoint.Method is null || methods.Contains(endpoint.Method)) && SamePath(identity, path))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SamePath(string code, string documented)
    {
        if (code == documented)
        {
            return true;
        }

        var (shorter, longer) = code.Length < documented.Length ? (code, documented) : (documented, code);
        return shorter.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(segment => segment != "{}")
            && longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b")]
    private static partial Regex MethodWord();

    // A path after a space, a backtick, a pipe, a bracket or a URL's host; segments of template characters.
    [GeneratedRegex(@"(?:^|[\s`|(\[""']|://[^/\s`|]+)(?<path>/[A-Za-z0-9_\-.{}:<>%~$+]+(?:/[A-Za-z0-9_\-.{}:<>%~$+]*)*)")]
    private static partial Regex PathToken();
}
