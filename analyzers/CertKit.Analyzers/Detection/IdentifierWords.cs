using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Splits identifiers and keys into lower-case words at camelCase humps, digits, '_', '-', '.', ':' and spaces:
/// <c>clientSecret</c>, <c>CLIENT_SECRET</c>, <c>tppl-api-key</c>, <c>Auth:ClientSecret</c> all give "client", "secret".
/// </summary>
public static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        Split(identifier, words);
        return words;
    }

    public static void Split(string identifier, List<string> words)
    {
        words.Clear();
        if (string.IsNullOrEmpty(identifier))
        {
            return;
        }

        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary =
                (char.IsUpper(c) && char.IsLower(previous))                     // clientSecret
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1])) // OAuthToken -> O, Auth? keep acronyms: XMLHttp -> XML, Http
                || (char.IsDigit(c) != char.IsDigit(previous));                  // key2, v2Token
            if (boundary)
            {
                Flush(identifier, ref start, i, words);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words);
    }

    private static void Flush(string identifier, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
