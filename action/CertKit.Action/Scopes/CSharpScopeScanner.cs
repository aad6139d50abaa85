using System.Text.RegularExpressions;

namespace CertKit.Action.Scopes;

/// <summary>
/// Finds Adobe Sign OAuth scopes in the string literals of a C# file (comments are skipped): scope tokens such as
/// <c>user_read:account agreement_write:self</c>, and every token of a <c>scope=</c> query value in an authorize URL.
/// Plain text scanning: no compilation is needed, and half-written code still scans.
/// </summary>
public static class CSharpScopeScanner
{
    /// <summary>The Adobe Sign scope families with an optional modifier (<c>self</c>, <c>group</c>, <c>account</c>).</summary>
    private static readonly Regex KnownScope = new(
        @"(?<![A-Za-z0-9_])(?:user|agreement|widget|library|workflow|webhook)_(?:read|write|send|login|retention)(?::(?:self|group|account))?(?![A-Za-z0-9_:])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A <c>scope=</c> query parameter value, up to the next parameter.</summary>
    private static readonly Regex ScopeParameter = new(
        @"[?&]scope=(?<value>[^&#""\s]*)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex ScopeToken = new(
        @"^[a-z]+(?:_[a-z]+)+(?::(?:self|group|account))?$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>
    /// The header that makes a call act as another user of the account (impersonation): a permission beside the scopes, so
    /// starting or stopping to send it is a permission change (Adobe Sign for Government "Does not support x-api-user").
    /// </summary>
    public const string Impersonation = "x-api-user";

    /// <summary>Quick filter for git grep (POSIX ERE): files worth reading.</summary>
    public const string GitGrepFilter = "(user|agreement|widget|library|workflow|webhook)_(read|write|send|login|retention)|scope=|[xX]-[aA][pP][iI]-[uU][sS][eE][rR]";

    public static IReadOnlySet<string> Scan(string source)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var literal in StringLiterals(source))
        {
            if (literal.Contains(Impersonation, StringComparison.OrdinalIgnoreCase))
            {
                scopes.Add(Impersonation);
            }

            foreach (Match match in KnownScope.Matches(literal))
            {
                scopes.Add(AdobeScope.Normalize(match.Value));
            }

            foreach (Match match in ScopeParameter.Matches(literal))
            {
                var value = Uri.UnescapeDataString(match.Groups["value"].Value.Replace('+', ' '));
                foreach (var token in value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (ScopeToken.IsMatch(token))
                    {
                        scopes.Add(AdobeScope.Normalize(token));
                    }
                }
            }
        }

        return scopes;
    }

    /// <summary>The contents of the regular, verbatim, interpolated and raw string literals, outside comments.</summary>
    public static IEnumerable<string> StringLiterals(string source)
    {
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i);
                if (i < 0)
                {
                    yield break;
                }
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    yield break;
                }

                i = end + 2;
            }
            else if (c == '\'')
            {
                // A char literal: skip it so that '"' does not open a string.
                i++;
                while (i < source.Length && source[i] != '\'' && source[i] != '\n')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (c == '"')
            {
                var quotes = 0;
                while (i + quotes < source.Length && source[i + quotes] == '"')
                {
                    quotes++;
                }

                if (quotes >= 3)
                {
                    var delimiter = new string('"', quotes);
                    var start = i + quotes;
                    var end = source.IndexOf(delimiter, start, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        yield return source[start..];
                        yield break;
                    }

                    yield return source[start..end];
                    i = end + quotes;
                }
                else if (IsVerbatim(source, i))
                {
                    var start = i + 1;
                    i = start;
                    while (i < source.Length && !(source[i] == '"' && (i + 1 >= source.Length || source[i + 1] != '"')))
                    {
                        i += source[i] == '"' ? 2 : 1;
                    }

                    yield return source[start..Math.Min(i, source.Length)];
                    i++;
                }
                else
                {
                    var start = i + 1;
                    i = start;
                    while (i < source.Length && source[i] != '"' && source[i] != '\n')
                    {
                        i += source[i] == '\\' ? 2 : 1;
                    }

                    yield return source[start..Math.Min(i, source.Length)];
                    i++;
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsVerbatim(string source, int quote)
    {
        for (var j = quote - 1; j >= 0 && j >= quote - 2; j--)
        {
            if (source[j] == '@')
            {
                return true;
            }

            if (source[j] != '$')
            {
                return false;
            }
        }

        return false;
    }
}
