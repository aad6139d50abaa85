using System;
using System.Text;

namespace CertKit.Analyzers.Detection;

/// <summary>Where a credential sits inside a larger value.</summary>
public enum EmbeddedCredentialKind
{
    /// <summary><c>Password=...</c> / <c>Pwd=...</c> in a connection string, or <c>?password=...</c> in a query string.</summary>
    ConnectionStringPassword,

    /// <summary>The password of <c>scheme://user:password@host</c>.</summary>
    UrlPassword,

    /// <summary>An HTTP <c>Basic</c> authorization value whose base64 decodes to <c>user:password</c>.</summary>
    BasicAuthorization,

    /// <summary>An HTTP <c>Bearer</c> authorization value.</summary>
    BearerAuthorization,

    /// <summary>An API key as a path segment where an API documents it: <c>https://thetvdb.com/api/&lt;key&gt;/series/…</c>.</summary>
    UrlPathKey,
}

/// <summary>A credential found inside a string: the span of the secret part and the key that introduced it.</summary>
public readonly struct EmbeddedCredential
{
    public EmbeddedCredential(EmbeddedCredentialKind kind, int start, int length, string key, string value)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Key = key;
        Value = value;
    }

    public EmbeddedCredentialKind Kind { get; }

    /// <summary>Index of the secret's first character in the text.</summary>
    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>What introduced the secret: <c>Password</c>, <c>Pwd</c>, the URL's user name, <c>Basic</c>, <c>Bearer</c>.</summary>
    public string Key { get; }

    /// <summary>The secret itself, for placeholder checks (for <c>Basic</c>: the decoded password).</summary>
    public string Value { get; }
}

/// <summary>
/// Finds credentials embedded in connection strings, URLs and HTTP authorization values. Pure, no regular expressions;
/// each finder is a cheap scan, so rules and the text scan can call them on every string that passes <see cref="MayContainCredential"/>.
/// </summary>
public static class ConnectionStrings
{
    private static readonly string[] PasswordKeys = { "password", "pwd", "passwd" };

    // Query parameters that carry an API key or token (?apikey=…, &api_key=…, &token=…, &key=…): credentials only in a query,
    // and only when the value has an API key's shape (QueryKeyValueLooksLikeKey), since "?key=theme" is not one.
    private static readonly string[] QueryKeyKeys =
    {
        "apikey", "api_key", "api-key", "key", "token", "access_token", "accesstoken", "auth_token", "authtoken", "client_secret",
        "app_key", "appkey", "private_token", "secret",
    };

    private static readonly string[] AmbiguousQueryKeys = { "key", "token" };

    // "key" and "token" also name search keys and page cursors: their values must be long. The others name a credential.
    private const int MinimumQueryKeyLength = 16;
    private const int MinimumNamedQueryKeyLength = 8;

    // The path segment that, in a documented API, comes before the key: /api/<key>/series/…
    private const string ApiPathPrefix = "/api/";

    /// <summary>Cheap pre-filter for every finder below.</summary>
    public static bool MayContainCredential(string text) =>
        text.Length >= 6
        && (text.IndexOf('=') >= 0 || text.IndexOf('@') >= 0 || StartsWithAuthorizationScheme(text)
            || text.IndexOf(ApiPathPrefix, StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>
    /// The next <c>password=</c>, <c>pwd=</c> or <c>passwd=</c> value at or after <paramref name="startIndex"/>. Keys are
    /// case-insensitive and must start the string or follow <c>;</c>, <c>?</c>, <c>&amp;</c> or white space; values may be quoted.
    /// </summary>
    public static bool TryFindPassword(string text, int startIndex, out EmbeddedCredential credential)
    {
        credential = default;
        for (var equals = text.IndexOf('=', Math.Max(startIndex, 0)); equals >= 0; equals = text.IndexOf('=', equals + 1))
        {
            var keyEnd = equals;
            while (keyEnd > 0 && text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            var keyStart = keyEnd;
            while (keyStart > 0 && IsKeyChar(text[keyStart - 1]))
            {
                keyStart--;
            }

            if (keyStart == keyEnd || keyStart < startIndex)
            {
                continue;
            }

            var separator = keyStart == 0 ? ';' : text[keyStart - 1];
            var inQuery = separator == '?' || separator == '&';
            var queryKey = inQuery && IsKey(QueryKeyKeys, text, keyStart, keyEnd);
            if (!queryKey && !IsKey(PasswordKeys, text, keyStart, keyEnd))
            {
                continue;
            }

            if (!(separator == ';' || inQuery || char.IsWhiteSpace(separator)))
            {
                continue;
            }

            var valueStart = equals + 1;
            while (valueStart < text.Length && text[valueStart] == ' ')
            {
                valueStart++;
            }

            int valueEnd;
            if (valueStart < text.Length && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var close = text.IndexOf(text[valueStart], valueStart + 1);
                valueStart++;
                valueEnd = close < 0 ? text.Length : close;
            }
            else
            {
                valueEnd = valueStart;
                while (valueEnd < text.Length && !EndsValue(text[valueEnd], inQuery))
                {
                    valueEnd++;
                }

                while (valueEnd > valueStart && text[valueEnd - 1] == ' ')
                {
                    valueEnd--;
                }
            }

            var minimum = IsKey(AmbiguousQueryKeys, text, keyStart, keyEnd) ? MinimumQueryKeyLength : MinimumNamedQueryKeyLength;
            if (valueEnd > valueStart && (!queryKey || LooksLikeQueryKey(text, valueStart, valueEnd, minimum)))
            {
                credential = new EmbeddedCredential(
                    EmbeddedCredentialKind.ConnectionStringPassword,
                    valueStart,
                    valueEnd - valueStart,
                    text.Substring(keyStart, keyEnd - keyStart),
                    text.Substring(valueStart, valueEnd - valueStart));
                return true;
            }
        }

        return false;
    }

    /// <summary>The next password in <c>scheme://user:password@host</c> (any scheme: https, postgres, amqp, redis, …).</summary>
    public static bool TryFindUrlPassword(string text, int startIndex, out EmbeddedCredential credential)
    {
        credential = default;
        for (var separator = text.IndexOf("://", Math.Max(startIndex, 0), StringComparison.Ordinal);
             separator >= 0;
             separator = text.IndexOf("://", separator + 3, StringComparison.Ordinal))
        {
            if (UrlClassifier.ScanSchemeBackwards(text, separator) < 0)
            {
                continue;
            }

            var authorityStart = separator + 3;
            var authorityEnd = authorityStart;
            while (authorityEnd < text.Length && !UrlClassifier.IsAuthorityEnd(text[authorityEnd]))
            {
                authorityEnd++;
            }

            var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            if (at < 0)
            {
                continue;
            }

            var colon = text.IndexOf(':', authorityStart, at - authorityStart);
            if (colon < 0 || colon + 1 >= at)
            {
                continue;
            }

            credential = new EmbeddedCredential(
                EmbeddedCredentialKind.UrlPassword,
                colon + 1,
                at - colon - 1,
                text.Substring(authorityStart, colon - authorityStart),
                text.Substring(colon + 1, at - colon - 1));
            return true;
        }

        return false;
    }

    /// <summary>
    /// A whole HTTP authorization value: <c>Basic &lt;base64 of user:password&gt;</c> or <c>Bearer &lt;token&gt;</c>.
    /// The span is the credential after the scheme.
    /// </summary>
    public static bool TryFindAuthorizationCredential(string text, out EmbeddedCredential credential)
    {
        credential = default;
        var trimmedStart = 0;
        while (trimmedStart < text.Length && text[trimmedStart] == ' ')
        {
            trimmedStart++;
        }

        string scheme;
        if (string.Compare(text, trimmedStart, "Basic ", 0, 6, StringComparison.OrdinalIgnoreCase) == 0)
        {
            scheme = "Basic";
        }
        else if (string.Compare(text, trimmedStart, "Bearer ", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
        {
            scheme = "Bearer";
        }
        else
        {
            return false;
        }

        var start = trimmedStart + scheme.Length;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= start || HasWhiteSpace(text, start, end))
        {
            return false;
        }

        var value = text.Substring(start, end - start);
        string secret;
        if (scheme == "Basic")
        {
            if (!TryDecodeBasicCredential(value, out _, out secret))
            {
                return false;
            }
        }
        else
        {
            if (value.Length < 8)
            {
                return false;
            }

            secret = value;
        }

        credential = new EmbeddedCredential(
            scheme == "Basic" ? EmbeddedCredentialKind.BasicAuthorization : EmbeddedCredentialKind.BearerAuthorization,
            start,
            end - start,
            scheme,
            secret);
        return true;
    }

    /// <summary>True when <paramref name="base64"/> decodes to printable <c>user:password</c> text.</summary>
    public static bool TryDecodeBasicCredential(string base64, out string user, out string password)
    {
        user = password = string.Empty;
        if (base64.Length < 4 || base64.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in base64)
        {
            if (!(char.IsLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '=')
            {
                return false;
            }
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(bytes);
        var colon = decoded.IndexOf(':');
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return false;
            }
        }

        user = decoded.Substring(0, colon);
        password = decoded.Substring(colon + 1);
        return true;
    }

    /// <summary><c>Basic</c> and <c>Bearer</c>: authorization schemes whose parameter is a credential.</summary>
    public static bool IsAuthorizationScheme(string name) =>
        string.Equals(name, "Basic", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Authorization</c> and <c>Proxy-Authorization</c>: header names whose value is a credential.</summary>
    public static bool IsAuthorizationHeaderName(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithAuthorizationScheme(string text)
    {
        var trimmed = text.TrimStart(' ');
        return trimmed.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
    }

    // Key names are letters; query keys also use '_' and '-' (api_key, api-key).
    private static bool IsKeyChar(char c) => char.IsLetter(c) || c == '_' || c == '-';

    /// <summary>
    /// The next API key given as a path segment after <c>/api/</c> and followed by more path (<c>/api/1D62F2F90030C444/series/{0}</c>,
    /// TheTVDB's documented form): 16 or more letters and digits, both present, not a GUID (an id) and not typed (<c>0123456789abcdef</c>).
    /// A version (<c>/api/v1/</c>), a word (<c>/api/series/</c>) or a placeholder (<c>/api/{key}/</c>) is not one.
    /// </summary>
    public static bool TryFindUrlPathKey(string text, int startIndex, out EmbeddedCredential credential)
    {
        credential = default;
        for (var prefix = text.IndexOf(ApiPathPrefix, Math.Max(startIndex, 0), StringComparison.OrdinalIgnoreCase);
             prefix >= 0;
             prefix = text.IndexOf(ApiPathPrefix, prefix + 1, StringComparison.OrdinalIgnoreCase))
        {
            var start = prefix + ApiPathPrefix.Length;
            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end >= text.Length || text[end] != '/' || !LooksLikeQueryKey(text, start, end, MinimumQueryKeyLength)
                || NonSecrets.LooksSynthetic(text, start, end - start))
            {
                continue;
            }

            var value = text.Substring(start, end - start);
            credential = new EmbeddedCredential(EmbeddedCredentialKind.UrlPathKey, start, end - start, "api", value);
            return true;
        }

        return false;
    }

    /// <summary>An API key's shape: <paramref name="minimum"/> characters or more of letters and digits (and <c>-</c>, <c>_</c>, <c>.</c>), both present.</summary>
    private static bool LooksLikeQueryKey(string text, int start, int end, int minimum)
    {
        if (end - start < minimum)
        {
            return false;
        }

        bool letter = false, digit = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                digit = true;
            }
            else if (char.IsLetter(c))
            {
                letter = true;
            }
            else if (c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return letter && digit;
    }

    private static bool IsKey(string[] keys, string text, int start, int end)
    {
        var length = end - start;
        foreach (var key in keys)
        {
            if (key.Length == length && string.Compare(text, start, key, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsValue(char c, bool inQuery) =>
        c == ';' || (inQuery && (c == '&' || c == '#' || char.IsWhiteSpace(c))) || c == '"' || c == '\'';

    private static bool HasWhiteSpace(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
