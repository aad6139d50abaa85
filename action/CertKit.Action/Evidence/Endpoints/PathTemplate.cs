using System.Text;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>Turns resolved URL text (holes already written as <c>{name}</c>) into a base and a path template.</summary>
internal static class PathTemplate
{
    /// <summary>Splits an absolute URL into its origin and path; a relative one is all path. Query and fragment are dropped.</summary>
    public static (string? Origin, string Path) Split(string text)
    {
        var trimmed = text.Trim();
        string? origin = null;
        var schemeEnd = trimmed.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && IsScheme(trimmed.AsSpan(0, schemeEnd)))
        {
            var pathStart = trimmed.IndexOf('/', schemeEnd + 3);
            origin = pathStart < 0 ? trimmed : trimmed[..pathStart];
            trimmed = pathStart < 0 ? string.Empty : trimmed[pathStart..];
        }

        return (origin, Normalize(trimmed));
    }

    /// <summary>Resolves <paramref name="relative"/> against a literal base URL's path the way <see cref="Uri"/> does.</summary>
    public static string Combine(string basePath, string relative)
    {
        if (relative.StartsWith('/'))
        {
            return Normalize(relative);
        }

        var folder = basePath.EndsWith('/') ? basePath : basePath[..(basePath.LastIndexOf('/') + 1)];
        return Normalize(folder + relative);
    }

    /// <summary>A leading slash, no query or fragment, no doubled slashes (outside holes).</summary>
    public static string Normalize(string path)
    {
        var end = path.Length;
        var depth = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == '?' || c == '#'))
            {
                end = i;
                break;
            }
        }

        var builder = new StringBuilder(end + 1).Append('/');
        foreach (var c in path.AsSpan(0, end))
        {
            if (c == '/' && builder[^1] == '/')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A path template as an identity: every parameter written <c>{}</c> whatever its name or spelling (<c>{id}</c>, <c>:id</c>,
    /// <c>&lt;id&gt;</c>), no trailing slash, so <c>/v1/certificates/{certificateId}/</c> and <c>/v1/certificates/:id</c> are one path.
    /// </summary>
    public static string Identity(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var segment in Normalize(path.Trim()).Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            builder.Append('/');
            if ((segment.StartsWith('{') && segment.EndsWith('}')) || segment.StartsWith(':') || (segment.StartsWith('<') && segment.EndsWith('>')))
            {
                builder.Append("{}");
                continue;
            }

            // A parameter inside a segment (v{version}, {id}.json): each one becomes {}.
            var depth = 0;
            foreach (var c in segment)
            {
                if (c == '{')
                {
                    if (depth++ == 0)
                    {
                        builder.Append("{}");
                    }
                }
                else if (c == '}')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0)
                {
                    builder.Append(c);
                }
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    /// <summary>The name of a hole: <c>_options.ProjectKey</c> → <c>projectKey</c>.</summary>
    public static string HoleName(string identifier)
    {
        var name = identifier.TrimStart('_', '@');
        if (name.Length == 0)
        {
            return "value";
        }

        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
