using System;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection;

/// <summary>Why a URL's host is or is not a real network endpoint.</summary>
public enum UrlHostKind
{
    /// <summary>A real network host: the URL is a hardcoded endpoint.</summary>
    Network,

    /// <summary>No host at all (<c>https://</c>, <c>file:///</c>-like), or a host that is still being built from a variable.</summary>
    NoHost,

    /// <summary>A template or format item stands for the host: <c>https://{0}/</c>, <c>https://${HOST}</c>, <c>https://%HOST%</c>.</summary>
    Templated,

    /// <summary>
    /// <c>localhost</c>, <c>*.localhost</c>, <c>127.x.x.x</c>, <c>[::1]</c>, <c>host.docker.internal</c>, the Android emulator's
    /// alias for the developer machine (<c>10.0.2.2</c>), bind-all addresses.
    /// </summary>
    Loopback,

    /// <summary>RFC 2606 / RFC 6761 names: <c>example.com/.net/.org</c>, <c>*.example</c>, <c>*.test</c>, <c>*.invalid</c>.</summary>
    Reserved,

    /// <summary>Hosts that only name XML namespaces and schemas: <c>www.w3.org</c>, <c>schemas.xmlsoap.org</c>, …</summary>
    XmlNamespace,

    /// <summary>Listed in <c>certkit.allowed_hosts</c>.</summary>
    Allowed,

    /// <summary>
    /// Not a public internet name: one label (a docker-compose service, <c>http://jwt-server:9000</c>) or a name under a
    /// suffix that is not a top-level domain of the public DNS (<c>.local</c>, <c>.internal</c>, <c>.url</c>), decided by
    /// IANA's list (<see cref="TopLevelDomains"/>), not by a hand-kept one.
    /// </summary>
    NonPublic,
}

/// <summary>An absolute URL found inside a piece of text.</summary>
public readonly struct UrlMatch
{
    public UrlMatch(int start, int length, string url, string host, UrlHostKind hostKind)
    {
        Start = start;
        Length = length;
        Url = url;
        Host = host;
        HostKind = hostKind;
    }

    /// <summary>Index of the scheme's first character in the text.</summary>
    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public string Url { get; }

    /// <summary>The host, lower-case, without brackets' content changed (IPv6 stays bracketed), without a trailing dot.</summary>
    public string Host { get; }

    public UrlHostKind HostKind { get; }
}

/// <summary>
/// Finds absolute http/https/ws/wss/ftp URLs in a string (a literal or a fragment of one) and decides whether the host is a
/// real network host. Pure and allocation-free until a "://" is seen; no regular expressions.
/// </summary>
public static class UrlClassifier
{
    private static readonly string[] Schemes = { "http", "https", "ws", "wss", "ftp" };

    // Hosts (and their sub-domains) that name XML namespaces and schemas rather than servers anyone calls.
    private static readonly string[] XmlNamespaceHosts =
    {
        "w3.org", "w3c.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org",
        "schemas.android.com", "schemas.datacontract.org", "purl.org", "xmlns.com", "json-schema.org",
        "docs.oasis-open.org", "ns.adobe.com", "tempuri.org",
    };

    // RFC 2606 second-level names.
    private static readonly string[] ReservedDomains = { "example.com", "example.net", "example.org" };

    // RFC 2606 / RFC 6761 top-level names (localhost is loopback, handled separately).
    private static readonly string[] ReservedTopLevel = { "example", "test", "invalid" };

    private static readonly string[] DevelopmentHosts =
    {
        "localhost", "host.docker.internal", "gateway.docker.internal", "kubernetes.docker.internal",
        "0.0.0.0", "[::1]", "[::]", "+", "*",

        // The Android emulator reaches the developer machine's loopback through this fixed address.
        "10.0.2.2",
    };

    /// <summary>Cheap pre-filter: no URL can be in a text without "://".</summary>
    public static bool MayContainUrl(string text) => text.IndexOf("://", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The next absolute http/https/ws/wss/ftp URL at or after <paramref name="startIndex"/>, with its host classified.
    /// <paramref name="textContinues"/> says that the text is a fragment followed by a non-literal part
    /// (an interpolation hole or a concatenated variable): a host that runs to the end of the fragment may then be unfinished.
    /// </summary>
    public static bool TryFindUrl(string text, int startIndex, bool textContinues, ImmutableArray<string> allowedHosts, out UrlMatch match)
    {
        match = default;
        if (text is null)
        {
            return false;
        }

        var searchFrom = startIndex < 0 ? 0 : startIndex;
        while (searchFrom < text.Length)
        {
            var separator = text.IndexOf("://", searchFrom, StringComparison.Ordinal);
            if (separator < 0)
            {
                return false;
            }

            searchFrom = separator + 3;
            var schemeStart = ScanSchemeBackwards(text, separator);
            if (schemeStart < 0 || schemeStart < startIndex || !IsSupportedScheme(text, schemeStart, separator))
            {
                continue;
            }

            var rawEnd = separator + 3;
            while (rawEnd < text.Length && !IsUrlEnd(text[rawEnd]))
            {
                rawEnd++;
            }

            var end = TrimTrailingPunctuation(text, separator + 3, rawEnd);
            var hostMayContinue = textContinues && rawEnd == text.Length;
            var hostKind = ClassifyAuthority(text, separator + 3, hostMayContinue ? rawEnd : end, hostMayContinue, allowedHosts, out var host);
            match = new UrlMatch(schemeStart, end - schemeStart, text.Substring(schemeStart, end - schemeStart), host, hostKind);
            return true;
        }

        return false;
    }

    /// <summary>The next URL whose host is a real network host (<see cref="UrlHostKind.Network"/>).</summary>
    public static bool TryFindHardcodedUrl(string text, int startIndex, bool textContinues, ImmutableArray<string> allowedHosts, out UrlMatch match)
    {
        var index = startIndex;
        while (TryFindUrl(text, index, textContinues, allowedHosts, out match))
        {
            if (match.HostKind == UrlHostKind.Network)
            {
                return true;
            }

            index = Math.Max(match.End, match.Start + 1);
        }

        return false;
    }

    /// <summary>Classifies a bare host name (no scheme, no port). Case-insensitive; a trailing dot is ignored.</summary>
    public static UrlHostKind ClassifyHost(string host, ImmutableArray<string> allowedHosts)
    {
        if (string.IsNullOrEmpty(host))
        {
            return UrlHostKind.NoHost;
        }

        host = host.ToLowerInvariant();
        if (host.EndsWith(".", StringComparison.Ordinal))
        {
            host = host.Substring(0, host.Length - 1);
        }

        if (host.Length == 0)
        {
            return UrlHostKind.NoHost;
        }

        foreach (var development in DevelopmentHosts)
        {
            if (host == development)
            {
                return UrlHostKind.Loopback;
            }
        }

        if (host.EndsWith(".localhost", StringComparison.Ordinal) || IsIPv4Loopback(host))
        {
            return UrlHostKind.Loopback;
        }

        if (!IsHostName(host) || StartsWithPlaceholderWord(host))
        {
            return UrlHostKind.Templated;
        }

        // An underscore is not allowed in a host name (RFC 1123), and no public certificate is issued for one: a
        // placeholder (your_app_hostname.com) or a container's service name, never a public endpoint.
        if (host.IndexOf('_') >= 0)
        {
            return UrlHostKind.NonPublic;
        }

        foreach (var domain in ReservedDomains)
        {
            if (IsSameOrSubdomain(host, domain))
            {
                return UrlHostKind.Reserved;
            }
        }

        var lastDot = host.LastIndexOf('.');
        var topLevel = lastDot < 0 ? host : host.Substring(lastDot + 1);
        foreach (var reserved in ReservedTopLevel)
        {
            if (topLevel == reserved)
            {
                return UrlHostKind.Reserved;
            }
        }

        foreach (var xmlHost in XmlNamespaceHosts)
        {
            if (IsSameOrSubdomain(host, xmlHost))
            {
                return UrlHostKind.XmlNamespace;
            }
        }

        if (IsAllowedHost(host, allowedHosts))
        {
            return UrlHostKind.Allowed;
        }

        // An IPv4 address has no top-level domain; a name's last label must be one of the public DNS root.
        var isAddress = host[0] == '[' || HasNoLetter(topLevel);
        return !isAddress && (lastDot < 0 || !TopLevelDomains.Contains(topLevel)) ? UrlHostKind.NonPublic : UrlHostKind.Network;
    }

    // A host to fill in: its first label starts with a placeholder word (your-app-url.com, your-store.myshopify.com).
    private static bool StartsWithPlaceholderWord(string host)
    {
        foreach (var word in PlaceholderHostWords)
        {
            if (host.StartsWith(word, StringComparison.Ordinal) && host.Length > word.Length
                && (host[word.Length] == '-' || host[word.Length] == '_' || host[word.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PlaceholderHostWords = { "your", "yours", "placeholder", "changeme", "replaceme", "dummy" };

    private static bool HasNoLetter(string label)
    {
        foreach (var c in label)
        {
            if (c >= 'a' && c <= 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the URLs in <paramref name="text"/> sit inside a sentence written for people — an error message, a help
    /// text, a log line: at least two words of letters outside the URLs (<c>"See https://docs.venafi.cloud for setup"</c>).
    /// Such a URL documents; the endpoint the code calls is written elsewhere.
    /// </summary>
    public static bool IsProse(string text)
    {
        var words = 0;
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            var start = index;
            var letters = 0;
            var isUrl = false;
            while (index < text.Length && !char.IsWhiteSpace(text[index]))
            {
                if (char.IsLetter(text[index]))
                {
                    letters++;
                }
                else if (text[index] == ':' && index + 2 < text.Length && text[index + 1] == '/' && text[index + 2] == '/')
                {
                    isUrl = true;
                }

                index++;
            }

            var length = index - start;
            if (!isUrl && length > 0 && letters >= 2 && letters * 2 >= length && ++words >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the URL that starts at <paramref name="urlStart"/> is a link's target written as markup: an HTML or JSX
    /// attribute (<c>href="…"</c>, <c>src="…"</c>, <c>href={'…'}</c>, a JSX <c>&lt;Link to={'…'}&gt;</c>) or a Markdown link
    /// or image (<c>[text](…)</c>). A page or an image for people to open, not an endpoint the code calls.
    /// </summary>
    public static bool IsLinkTarget(string text, int urlStart)
    {
        var i = urlStart - 1;
        if (i < 0)
        {
            return false;
        }

        if (text[i] == '(')
        {
            return i > 0 && text[i - 1] == ']';
        }

        if (text[i] != '"' && text[i] != '\'' && text[i] != '`')
        {
            return false;
        }

        i--;
        if (i >= 0 && text[i] == '\\')
        {
            i--; // href=\"…\" inside a C# or JSON string
        }

        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        var braced = i >= 0 && text[i] == '{';
        if (braced)
        {
            i--;
        }

        // '=' touches the attribute's name as markup writes it (code assigns with spaces: to = '…').
        if (i < 0 || text[i] != '=')
        {
            return false;
        }

        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        var length = end - i;
        return (length == 4 && string.Compare(text, i, "href", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            || (length == 3 && string.Compare(text, i, "src", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            || (braced && length == 2 && text[i] == 't' && text[i + 1] == 'o');
    }

    /// <summary>
    /// True when <paramref name="text"/> holds two or more URLs among other text (<c>"de: https://github.com/a &amp;
    /// https://github.com/b"</c>, a credits list): a text for people, not an endpoint a call takes. A plain list of URLs
    /// (<c>"https://a.com;https://b.com"</c>, only separators between them) is still a list of endpoints, and a URL inside
    /// another URL's query is part of that URL.
    /// </summary>
    public static bool IsTextWithSeveralUrls(string text)
    {
        var found = 0;
        var index = 0;
        var otherText = false;
        while (TryFindUrl(text, index, textContinues: false, ImmutableArray<string>.Empty, out var match))
        {
            otherText |= HasOtherText(text, index, match.Start);
            found++;
            index = Math.Max(match.End, match.Start + 1);
        }

        return found >= 2 && (otherText || HasOtherText(text, index, text.Length));
    }

    private static bool HasOtherText(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c) && c != ';' && c != ',')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="host"/> matches an entry of <c>certkit.allowed_hosts</c>: an exact host, or <c>*.suffix</c>,
    /// which matches every sub-domain of <c>suffix</c> (not <c>suffix</c> itself, as in TLS wildcards).
    /// </summary>
    public static bool IsAllowedHost(string host, ImmutableArray<string> allowedHosts)
    {
        if (allowedHosts.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var entry in allowedHosts)
        {
            var allowed = entry.Trim();
            if (allowed.EndsWith(".", StringComparison.Ordinal))
            {
                allowed = allowed.Substring(0, allowed.Length - 1);
            }

            if (allowed.StartsWith("*.", StringComparison.Ordinal))
            {
                var suffix = allowed.Substring(1); // ".venafi.cloud"
                if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for characters that end an authority (user info, host, port): path, query and fragment starts, and everything that
    /// ends the URL itself. Shared with <see cref="ConnectionStrings"/>, which reads user info from any scheme.
    /// </summary>
    public static bool IsAuthorityEnd(char c) => c == '/' || c == '?' || c == '#' || IsUrlEnd(c);

    /// <summary>
    /// True for characters that end a URL written in text: white space, quotes, brackets, and the list and
    /// connection-string separators ';' and ',' (rare in endpoint paths, common between values).
    /// </summary>
    public static bool IsUrlEnd(char c) =>
        char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '|' || c == '^' || c == '\\'
        || c == ';' || c == ',';

    /// <summary>The start of the scheme that ends just before <paramref name="separator"/> ("://"), or -1.</summary>
    public static int ScanSchemeBackwards(string text, int separator)
    {
        var start = separator;
        while (start > 0 && IsSchemeChar(text[start - 1]))
        {
            start--;
        }

        // Schemes start with a letter; skip leading digits or signs that belong to whatever precedes the URL.
        while (start < separator && !IsAsciiLetter(text[start]))
        {
            start++;
        }

        return start < separator ? start : -1;
    }

    private static bool IsSupportedScheme(string text, int start, int end)
    {
        var length = end - start;
        foreach (var scheme in Schemes)
        {
            if (scheme.Length == length && string.Compare(text, start, scheme, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int TrimTrailingPunctuation(string text, int from, int end)
    {
        // Punctuation that closes a sentence is not part of the URL: "see https://api.venafi.cloud."
        while (end > from && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ')' || text[end - 1] == '!'))
        {
            end--;
        }

        return end;
    }

    private static UrlHostKind ClassifyAuthority(string text, int from, int urlEnd, bool hostMayContinue, ImmutableArray<string> allowedHosts, out string host)
    {
        host = string.Empty;
        var authorityEnd = from;
        while (authorityEnd < urlEnd && !IsAuthorityEnd(text[authorityEnd]))
        {
            authorityEnd++;
        }

        var hostStart = from;
        for (var i = authorityEnd - 1; i >= from; i--)
        {
            if (text[i] == '@')
            {
                hostStart = i + 1;
                break;
            }
        }

        var hostEnd = hostStart;
        if (hostStart < authorityEnd && text[hostStart] == '[')
        {
            var close = text.IndexOf(']', hostStart);
            hostEnd = close > 0 && close < authorityEnd ? close + 1 : authorityEnd;
        }
        else
        {
            while (hostEnd < authorityEnd && text[hostEnd] != ':')
            {
                hostEnd++;
            }
        }

        if (hostEnd == hostStart)
        {
            return UrlHostKind.NoHost;
        }

        host = text.Substring(hostStart, hostEnd - hostStart).ToLowerInvariant();

        // "https://api." + region + ".adobesign.com": the host is still being built from a variable.
        if (hostMayContinue && hostEnd == authorityEnd && authorityEnd == text.Length)
        {
            var last = host[host.Length - 1];
            if (last == '.' || last == '-' || host.IndexOf('.') < 0)
            {
                return UrlHostKind.NoHost;
            }
        }

        return ClassifyHost(host, allowedHosts);
    }

    private static bool IsHostName(string host)
    {
        if (host[0] == '[')
        {
            // IPv6 literal.
            for (var i = 1; i < host.Length; i++)
            {
                var c = host[i];
                if (!(IsHexDigit(c) || c == ':' || c == '.' || c == ']' || c == '%'))
                {
                    return false;
                }
            }

            return host[host.Length - 1] == ']';
        }

        foreach (var c in host)
        {
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIPv4Loopback(string host)
    {
        if (!host.StartsWith("127.", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!(c == '.' || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSameOrSubdomain(string host, string domain) =>
        host == domain || (host.Length > domain.Length && host.EndsWith(domain, StringComparison.Ordinal) && host[host.Length - domain.Length - 1] == '.');

    private static bool IsSchemeChar(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
