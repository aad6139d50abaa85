using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>A secret found in a text: what it is (a phrase for a message) and where.</summary>
public readonly struct SecretMatch : IEquatable<SecretMatch>
{
    public SecretMatch(string kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    /// <summary>A human name with its article, used in messages: "a GitHub personal access token".</summary>
    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public bool Equals(SecretMatch other) => Kind == other.Kind && Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SecretMatch other && Equals(other);

    public override int GetHashCode() => ((Kind?.GetHashCode() ?? 0) * 31 + Start) * 31 + Length;

    public override string ToString() => $"{Kind} at {Start}+{Length}";
}

/// <summary>
/// Secrets recognised by their format, whatever they are named: vendor token formats, private key PEM blocks, signed JWTs.
/// One pass over the text: a vectorised search for six rare anchor characters, then a few character comparisons at each
/// anchor, and only then the (rare) validation of a candidate. No regex, no allocation unless a JWT header is decoded.
/// </summary>
public static class SecretPatterns
{
    public const string GitHubPersonalAccessToken = "a GitHub personal access token";
    public const string GitHubOAuthToken = "a GitHub OAuth access token";
    public const string GitHubUserToServerToken = "a GitHub user-to-server token";
    public const string GitHubServerToServerToken = "a GitHub server-to-server token";
    public const string GitHubRefreshToken = "a GitHub refresh token";
    public const string GitHubFineGrainedToken = "a GitHub fine-grained personal access token";
    public const string AwsAccessKeyId = "an AWS access key id";
    public const string AwsTemporaryAccessKeyId = "an AWS temporary access key id";
    public const string SlackToken = "a Slack token";
    public const string StripeSecretKey = "a Stripe live secret key";
    public const string StripeRestrictedKey = "a Stripe live restricted key";
    public const string StripePublishableKey = "a Stripe live publishable key";
    public const string GoogleApiKey = "a Google API key";
    public const string AzureStorageAccountKey = "an Azure storage account key";
    public const string AzureSharedAccessKey = "an Azure shared access key";
    public const string SendGridApiKey = "a SendGrid API key";
    public const string PrivateKey = "a private key";
    public const string SignedJwt = "a signed JWT";

    /// <summary>No format is shorter than an AWS key id (20 characters); shorter texts need no search.</summary>
    public const int MinimumLength = 20;

    // Each format has one anchor, chosen for being rare in ordinary text and code:
    // '_' gh?_, github_pat_, ?k_live_ | 'A' AKIA, ASIA, AIza, AccountKey=, SharedAccessKey= | 'x' xox?- | 'G' SG. | 'B' -----BEGIN | 'J' eyJ
    private static readonly char[] Anchors = { '_', 'A', 'x', 'G', 'B', 'J' };

    private const int MaxPemBody = 64 * 1024;
    private const int MinPemBase64 = 64;
    private const int MaxJwtHeader = 1024;

    /// <summary>Adds every secret in <paramref name="text"/>[start, start+length) to <paramref name="results"/>, in order.</summary>
    public static void Find(string text, int start, int length, List<SecretMatch> results)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        CheckRange(text, start, length);
        var end = start + length;
        var i = start;
        while (end - i >= MinimumLength - 5)
        {
            var anchor = text.IndexOfAny(Anchors, i, end - i);
            if (anchor < 0)
            {
                return;
            }

            if (TryMatchAt(text, start, end, anchor, out var match, out var resumeAt))
            {
                results.Add(match);
            }

            i = Math.Max(anchor + 1, resumeAt);
        }
    }

    public static void Find(string text, List<SecretMatch> results) => Find(text, 0, text?.Length ?? 0, results);

    /// <summary>The first secret in the range, for a literal that needs one verdict.</summary>
    public static bool TryFindFirst(string text, int start, int length, out SecretMatch match)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        CheckRange(text, start, length);
        match = default;
        if (length < MinimumLength)
        {
            return false;
        }

        var end = start + length;
        var i = start;
        while (end - i >= MinimumLength - 5)
        {
            var anchor = text.IndexOfAny(Anchors, i, end - i);
            if (anchor < 0)
            {
                return false;
            }

            if (TryMatchAt(text, start, end, anchor, out match, out var resumeAt))
            {
                return true;
            }

            i = Math.Max(anchor + 1, resumeAt);
        }

        return false;
    }

    public static bool TryFindFirst(string text, out SecretMatch match) => TryFindFirst(text, 0, text?.Length ?? 0, out match);

    /// <summary>
    /// Matches the format anchored at <paramref name="a"/>. A candidate that has the format but is marked fake, looks
    /// typed (<c>ghp_xxxx…</c>) or is a published value is rejected, and <paramref name="resumeAt"/> skips past it
    /// so the search does not find pieces of it again (a JWT's payload also starts with <c>eyJ</c>).
    /// </summary>
    private static bool TryMatchAt(string text, int lo, int hi, int a, out SecretMatch match, out int resumeAt)
    {
        match = default;
        resumeAt = a + 1;
        string? kind;
        int start, end, bodyStart;
        switch (text[a])
        {
            case '_':
                if (!MatchUnderscoreFormats(text, lo, hi, a, out kind, out start, out end, out bodyStart))
                {
                    return false;
                }

                break;
            case 'A':
                if (!MatchCapitalAFormats(text, lo, hi, a, out kind, out start, out end, out bodyStart))
                {
                    return false;
                }

                break;
            case 'x':
                if (!MatchSlack(text, lo, hi, a, out start, out end, out bodyStart))
                {
                    return false;
                }

                kind = SlackToken;
                break;
            case 'G':
                if (!MatchSendGrid(text, lo, hi, a, out start, out end, out bodyStart))
                {
                    return false;
                }

                kind = SendGridApiKey;
                break;
            case 'B':
                if (!MatchPrivateKeyPem(text, lo, hi, a, out start, out end, out bodyStart))
                {
                    return false;
                }

                kind = PrivateKey;
                break;
            case 'J':
                if (!MatchJwt(text, lo, hi, a, out start, out end, out bodyStart))
                {
                    return false;
                }

                kind = SignedJwt;
                break;
            default:
                return false;
        }

        resumeAt = end;
        var length = end - start;
        if (NonSecrets.IsMarkedFake(text, start, length)
            || NonSecrets.LooksSynthetic(text, bodyStart, end - bodyStart)
            || NonSecrets.IsPublishedValue(text, start, length)
            || (kind == SignedJwt && NonSecrets.IsPublishedValue(text, bodyStart, end - bodyStart)))
        {
            return false;
        }

        match = new SecretMatch(kind!, start, length);
        return true;
    }

    // gh[pousr]_<36 alnum> | github_pat_<22 alnum>_<59 alnum> | [srp]k_live_<20+ alnum>
    private static bool MatchUnderscoreFormats(string text, int lo, int hi, int a, out string? kind, out int start, out int end, out int bodyStart)
    {
        kind = null;
        start = end = bodyStart = 0;

        if (a - 3 >= lo && text[a - 3] == 'g' && text[a - 2] == 'h' && IsTokenBoundaryBefore(text, lo, a - 4))
        {
            kind = text[a - 1] switch
            {
                'p' => GitHubPersonalAccessToken,
                'o' => GitHubOAuthToken,
                'u' => GitHubUserToServerToken,
                's' => GitHubServerToServerToken,
                'r' => GitHubRefreshToken,
                _ => null,
            };
            if (kind is not null && CountAlnum(text, a + 1, hi) == 36 && IsTokenBoundaryAfter(text, hi, a + 37))
            {
                start = a - 3;
                bodyStart = a + 1;
                end = a + 37;
                return true;
            }

            kind = null;
            return false;
        }

        if (a - 6 >= lo && text[a - 1] == 'b' && string.CompareOrdinal(text, a - 6, "github_pat_", 0, 11) == 0 && IsTokenBoundaryBefore(text, lo, a - 7))
        {
            var first = a + 5;
            if (first + 82 <= hi && CountAlnum(text, first, hi) == 22 && text[first + 22] == '_'
                && CountAlnum(text, first + 23, hi) == 59 && IsTokenBoundaryAfter(text, hi, first + 82))
            {
                kind = GitHubFineGrainedToken;
                start = a - 6;
                bodyStart = first;
                end = first + 82;
                return true;
            }

            return false;
        }

        if (a - 2 >= lo && text[a - 1] == 'k' && a + 6 <= hi && string.CompareOrdinal(text, a + 1, "live_", 0, 5) == 0 && IsTokenBoundaryBefore(text, lo, a - 3))
        {
            kind = text[a - 2] switch
            {
                's' => StripeSecretKey,
                'r' => StripeRestrictedKey,
                'p' => StripePublishableKey,
                _ => null,
            };
            var body = CountAlnum(text, a + 6, hi);
            if (kind is not null && body >= 20 && body <= 247 && IsTokenBoundaryAfter(text, hi, a + 6 + body))
            {
                start = a - 2;
                bodyStart = a + 6;
                end = a + 6 + body;
                return true;
            }

            kind = null;
        }

        return false;
    }

    // AKIA/ASIA<16 [A-Z0-9]> | AIza<35 [A-Za-z0-9_-]> | AccountKey=<base64> | SharedAccessKey=<base64>
    private static bool MatchCapitalAFormats(string text, int lo, int hi, int a, out string? kind, out int start, out int end, out int bodyStart)
    {
        kind = null;
        start = end = bodyStart = 0;
        if (a + 4 > hi)
        {
            return false;
        }

        var c1 = text[a + 1];
        if ((c1 == 'K' || c1 == 'S') && text[a + 2] == 'I' && text[a + 3] == 'A')
        {
            if (!IsAlnumBoundaryBefore(text, lo, a - 1) || a + 20 > hi)
            {
                return false;
            }

            for (var i = a + 4; i < a + 20; i++)
            {
                var c = text[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            if (!IsAlnumBoundaryAfter(text, hi, a + 20))
            {
                return false;
            }

            kind = c1 == 'K' ? AwsAccessKeyId : AwsTemporaryAccessKeyId;
            start = a;
            bodyStart = a + 4;
            end = a + 20;
            return true;
        }

        if (c1 == 'I' && text[a + 2] == 'z' && text[a + 3] == 'a')
        {
            if (!IsTokenBoundaryBefore(text, lo, a - 1) || a + 39 > hi)
            {
                return false;
            }

            for (var i = a + 4; i < a + 39; i++)
            {
                if (!IsBase64UrlChar(text[i]))
                {
                    return false;
                }
            }

            if (!IsTokenBoundaryAfter(text, hi, a + 39))
            {
                return false;
            }

            kind = GoogleApiKey;
            start = a;
            bodyStart = a + 4;
            end = a + 39;
            return true;
        }

        if (c1 == 'c' && a + 11 <= hi && string.CompareOrdinal(text, a, "AccountKey=", 0, 11) == 0 && IsAlnumBoundaryBefore(text, lo, a - 1))
        {
            kind = AzureStorageAccountKey;
            return MatchBase64Value(text, hi, a + 11, out start, out end, out bodyStart);
        }

        // The 'A' of "Access" in SharedAccessKey=.
        if (c1 == 'c' && a - 6 >= lo && a + 10 <= hi && string.CompareOrdinal(text, a - 6, "SharedAccessKey=", 0, 16) == 0 && IsAlnumBoundaryBefore(text, lo, a - 7))
        {
            kind = AzureSharedAccessKey;
            return MatchBase64Value(text, hi, a + 10, out start, out end, out bodyStart);
        }

        return false;
    }

    // A base64 key value after "Key=": at least 40 base64 characters, optional padding, then the end of the value.
    private static bool MatchBase64Value(string text, int hi, int valueStart, out int start, out int end, out int bodyStart)
    {
        start = bodyStart = valueStart;
        var i = valueStart;
        while (i < hi && IsBase64Char(text[i]))
        {
            i++;
        }

        var significant = i - valueStart;
        var padding = 0;
        while (i < hi && text[i] == '=' && padding < 2)
        {
            i++;
            padding++;
        }

        end = i;
        return significant >= 40 && (i == hi || !(IsBase64Char(text[i]) || text[i] == '='));
    }

    // xox[abprs]-<digits>-<...>: Slack bot, user, app, refresh and legacy tokens all begin with a numeric team or version part.
    private static bool MatchSlack(string text, int lo, int hi, int a, out int start, out int end, out int bodyStart)
    {
        start = end = bodyStart = 0;
        if (a + 5 > hi || text[a + 1] != 'o' || text[a + 2] != 'x' || text[a + 4] != '-' || !IsAlnumBoundaryBefore(text, lo, a - 1))
        {
            return false;
        }

        var type = text[a + 3];
        if (type != 'a' && type != 'b' && type != 'p' && type != 'r' && type != 's')
        {
            return false;
        }

        var i = a + 5;
        if (i >= hi || !IsDigit(text[i]))
        {
            return false;
        }

        var dashes = 0;
        while (i < hi && (IsAlnum(text[i]) || text[i] == '-'))
        {
            if (text[i] == '-')
            {
                dashes++;
            }

            i++;
        }

        var body = i - (a + 5);
        if (dashes == 0 || body < 20 || body > 255 || text[i - 1] == '-')
        {
            return false;
        }

        start = a;
        bodyStart = a + 5;
        end = i;
        return true;
    }

    // SG.<22 [A-Za-z0-9_-]>.<43 [A-Za-z0-9_-]>
    private static bool MatchSendGrid(string text, int lo, int hi, int a, out int start, out int end, out int bodyStart)
    {
        start = end = bodyStart = 0;
        var s = a - 1;
        if (s < lo || text[s] != 'S' || a + 1 >= hi || text[a + 1] != '.' || s + 69 > hi || !IsTokenBoundaryBefore(text, lo, s - 1))
        {
            return false;
        }

        if (s - 1 >= lo && text[s - 1] == '.')
        {
            return false;
        }

        for (var i = s + 3; i < s + 25; i++)
        {
            if (!IsBase64UrlChar(text[i]))
            {
                return false;
            }
        }

        if (text[s + 25] != '.')
        {
            return false;
        }

        for (var i = s + 26; i < s + 69; i++)
        {
            if (!IsBase64UrlChar(text[i]))
            {
                return false;
            }
        }

        if (!IsTokenBoundaryAfter(text, hi, s + 69) || (s + 69 < hi && text[s + 69] == '.'))
        {
            return false;
        }

        start = s;
        bodyStart = s + 3;
        end = s + 69;
        return true;
    }

    // -----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]----- with a body of at least 64 base64 characters,
    // up to and including the END line. A header alone (a parser's constant) has no body and is not a key.
    private static bool MatchPrivateKeyPem(string text, int lo, int hi, int a, out int start, out int end, out int bodyStart)
    {
        start = end = bodyStart = 0;
        if (a - 5 < lo || string.CompareOrdinal(text, a - 5, "-----BEGIN ", 0, 11) != 0 || a + 6 > hi)
        {
            return false;
        }

        // The label: capital letters and spaces up to the closing dashes.
        var labelStart = a + 6;
        var i = labelStart;
        var labelLimit = Math.Min(hi, labelStart + 40);
        while (i < labelLimit && ((text[i] >= 'A' && text[i] <= 'Z') || text[i] == ' '))
        {
            i++;
        }

        if (i + 5 > hi || string.CompareOrdinal(text, i, "-----", 0, 5) != 0 || !EndsWithPrivateKey(text, labelStart, i))
        {
            return false;
        }

        var bodyFrom = i + 5;
        var limit = Math.Min(hi, bodyFrom + MaxPemBody);
        var base64 = 0;
        var lastBodyChar = bodyFrom;
        var closed = -1;
        for (i = bodyFrom; i < limit; i++)
        {
            var c = text[i];
            if (c == '-' && i + 9 <= hi && string.CompareOrdinal(text, i, "-----END ", 0, 9) == 0)
            {
                var close = text.IndexOf("-----", i + 9, Math.Min(hi - (i + 9), 48), StringComparison.Ordinal);
                if (close >= 0)
                {
                    closed = close + 5;
                }

                break;
            }

            if (IsBase64Char(c) || c == '=')
            {
                base64++;
                lastBodyChar = i + 1;
            }
            else if (!(c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\\' || c == ':' || c == ',' || c == '-'))
            {
                break;
            }
        }

        if (base64 < MinPemBase64)
        {
            return false;
        }

        start = a - 5;
        bodyStart = bodyFrom;
        end = closed >= 0 ? closed : lastBodyChar;
        return true;
    }

    private static bool EndsWithPrivateKey(string text, int labelStart, int labelEnd)
    {
        const string key = "PRIVATE KEY";
        const string block = "PRIVATE KEY BLOCK";
        var length = labelEnd - labelStart;
        return (length >= key.Length && string.CompareOrdinal(text, labelEnd - key.Length, key, 0, key.Length) == 0
                && (length == key.Length || text[labelEnd - key.Length - 1] == ' '))
            || (length >= block.Length && string.CompareOrdinal(text, labelEnd - block.Length, block, 0, block.Length) == 0
                && (length == block.Length || text[labelEnd - block.Length - 1] == ' '));
    }

    // eyJ<header>.<payload>.<signature>: the header decodes to a JSON object whose "alg" is not "none".
    private static bool MatchJwt(string text, int lo, int hi, int a, out int start, out int end, out int bodyStart)
    {
        start = end = bodyStart = 0;
        var s = a - 2;
        if (s < lo || text[s] != 'e' || text[s + 1] != 'y' || !IsTokenBoundaryBefore(text, lo, s - 1))
        {
            return false;
        }

        var headerEnd = SkipBase64Url(text, s, hi);
        var headerLength = headerEnd - s;
        if (headerLength < 10 || headerLength > MaxJwtHeader || headerEnd >= hi || text[headerEnd] != '.')
        {
            return false;
        }

        var payloadEnd = SkipBase64Url(text, headerEnd + 1, hi);
        if (payloadEnd - (headerEnd + 1) < 2 || payloadEnd >= hi || text[payloadEnd] != '.')
        {
            return false;
        }

        var signatureEnd = SkipBase64Url(text, payloadEnd + 1, hi);
        if (signatureEnd - (payloadEnd + 1) < 16)
        {
            return false;
        }

        // A fourth part (JWE, or a dotted identifier) is not a signed JWT.
        if (signatureEnd < hi && (text[signatureEnd] == '.' || text[signatureEnd] == '='))
        {
            return false;
        }

        if (!HeaderHasSigningAlgorithm(text, s, headerLength))
        {
            return false;
        }

        start = s;
        bodyStart = payloadEnd + 1;
        end = signatureEnd;
        return true;
    }

    /// <summary>
    /// Whether the signed JWT at <paramref name="start"/> (as <see cref="Find"/> reported it) is signed with a shared
    /// secret (<c>"alg": "HS256"</c>, HS384, HS512): whoever holds the secret mints it, so in a test it is test data made
    /// with the tests' key. A token signed with a private key (RS256, ES256) may be a captured token of a real issuer.
    /// </summary>
    public static bool IsSignedWithSharedSecret(string text, int start, int length)
    {
        var headerEnd = text.IndexOf('.', start, length);
        if (headerEnd < 0 || DecodeBase64Url(text, start, headerEnd - start) is not { } json)
        {
            return false;
        }

        var alg = json.IndexOf("\"alg\"", StringComparison.Ordinal);
        if (alg < 0)
        {
            return false;
        }

        var value = json.IndexOf('"', alg + 5);
        return value >= 0 && value + 3 <= json.Length && string.Compare(json, value + 1, "HS", 0, 2, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static bool HeaderHasSigningAlgorithm(string text, int start, int length)
    {
        var json = DecodeBase64Url(text, start, length);
        if (json is null)
        {
            return false;
        }

        var i = 0;
        while (i < json.Length && char.IsWhiteSpace(json[i]))
        {
            i++;
        }

        if (i >= json.Length || json[i] != '{')
        {
            return false;
        }

        var alg = json.IndexOf("\"alg\"", StringComparison.Ordinal);
        if (alg < 0)
        {
            return false;
        }

        i = alg + 5;
        while (i < json.Length && (json[i] == ' ' || json[i] == ':' || json[i] == '\t'))
        {
            i++;
        }

        if (i >= json.Length || json[i] != '"')
        {
            return false;
        }

        var valueEnd = json.IndexOf('"', i + 1);
        if (valueEnd < 0 || valueEnd == i + 1)
        {
            return false;
        }

        return !(valueEnd - i - 1 == 4 && string.Compare(json, i + 1, "none", 0, 4, StringComparison.OrdinalIgnoreCase) == 0);
    }

    /// <summary>Decodes base64url to Latin-1 text; null when it is not valid base64url.</summary>
    private static string? DecodeBase64Url(string text, int start, int length)
    {
        if (length % 4 == 1)
        {
            return null;
        }

        var chars = new char[length * 3 / 4];
        var count = 0;
        var buffer = 0;
        var bits = 0;
        for (var i = start; i < start + length; i++)
        {
            var value = Base64UrlValue(text[i]);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                chars[count++] = (char)((buffer >> bits) & 0xFF);
            }
        }

        return new string(chars, 0, count);
    }

    private static int Base64UrlValue(char c)
    {
        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }

        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 26;
        }

        if (c >= '0' && c <= '9')
        {
            return c - '0' + 52;
        }

        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static int SkipBase64Url(string text, int i, int hi)
    {
        while (i < hi && IsBase64UrlChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int CountAlnum(string text, int i, int hi)
    {
        var from = i;
        while (i < hi && IsAlnum(text[i]))
        {
            i++;
        }

        return i - from;
    }

    // Outside the range counts as a boundary: the caller's range is the whole value.
    private static bool IsAlnumBoundaryBefore(string text, int lo, int index) => index < lo || !IsAlnum(text[index]);

    private static bool IsAlnumBoundaryAfter(string text, int hi, int index) => index >= hi || !IsAlnum(text[index]);

    private static bool IsTokenBoundaryBefore(string text, int lo, int index) => index < lo || !IsBase64UrlChar(text[index]);

    private static bool IsTokenBoundaryAfter(string text, int hi, int index) => index >= hi || !IsBase64UrlChar(text[index]);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    private static bool IsBase64UrlChar(char c) => IsAlnum(c) || c == '-' || c == '_';

    private static bool IsBase64Char(char c) => IsAlnum(c) || c == '+' || c == '/';

    private static void CheckRange(string text, int start, int length)
    {
        if (start < 0 || length < 0 || start > text.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The range is outside the text.");
        }
    }
}
