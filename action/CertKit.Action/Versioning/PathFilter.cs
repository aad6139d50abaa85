using System.Text;
using System.Text.RegularExpressions;

namespace CertKit.Action.Versioning;

/// <summary>
/// Repository-relative path patterns (forward slashes): a folder or file name matches itself and everything
/// beneath it (<c>connector-a/</c>), and <c>*</c>, <c>**</c>, <c>?</c> glob as usual (<c>src/**/*.cs</c>).
/// An empty filter matches every path.
/// </summary>
public sealed class PathFilter
{
    public static readonly PathFilter Everything = new([]);

    private readonly Regex[] patterns;

    public PathFilter(IReadOnlyList<string> patterns)
    {
        Patterns = patterns;
        this.patterns = patterns.Select(ToRegex).ToArray();
    }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsEverything => patterns.Length == 0;

    public bool Matches(string path)
    {
        if (patterns.Length == 0)
        {
            return true;
        }

        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex ToRegex(string pattern)
    {
        var normalized = pattern.Replace('\\', '/').Trim();
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        normalized = normalized.TrimStart('/').TrimEnd('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
                if (i + 1 < normalized.Length && normalized[i + 1] == '/')
                {
                    // "a/**/b" also matches "a/b".
                    regex.Length -= 2;
                    regex.Append("(?:.*/)?");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A folder (or file) matches itself and everything beneath it.
        regex.Append("(?:/.*)?$");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }
}
