using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Values given to a credential-named thing that, by their shape alone, name or describe a credential rather than hold one:
/// a switch (<c>"true"</c>, <c>yes</c>), a label or a sentence (<c>"SSH Passphrase"</c>), an environment variable name or
/// rule id (<c>ACME_DEV_CLIENTSECRET</c>, <c>CK1002</c>), a key, path or dotted category (<c>password_hash_b64</c>,
/// <c>Certification.Secrets</c>, <c>Auth:ClientSecret</c>, <c>/run/secrets/db</c>), a type-like name
/// (<c>ClientSecretCredential</c>), or a value spelled with the words of its own name (<c>PRIVATEBLOB</c> for
/// <c>PrivateKeyBlob</c>). Shape, not lists of names: a generated or typed secret has digits or symbols inside its words.
/// </summary>
public static class ValueShapes
{
    private static readonly HashSet<string> SwitchValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "enabled", "disabled", "enable", "disable",
    };

    // The type a schema or a credential-type table gives a field ('Password' = 'string'), never the field's value.
    private static readonly HashSet<string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "string", "str", "int", "integer", "long", "number", "bool", "boolean", "object", "byte", "bytes", "byte[]", "char[]",
        "securestring", "pscredential", "datetime", "guid", "uuid", "any",
    };

    /// <summary>True when <paramref name="value"/>, given to <paramref name="name"/>, names or describes a credential.</summary>
    public static bool NamesOrDescribes(string value, string? name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var trimmed = value.Trim();
        return IsSwitch(trimmed)
            || TypeNames.Contains(trimmed)
            || IsAuthenticationProtocolWord(trimmed)
            || IsVersionNumber(trimmed)
            || IsCommandLineOption(trimmed)
            || IsProse(trimmed)
            || IsUpperCaseIdentifier(trimmed)
            || IsQualifiedIdentifier(trimmed)
            || IsTypeLikeName(trimmed)
            || IsNameList(trimmed)
            || (name is not null && (IsSpelledWithNameWords(trimmed, name) || IsResourceKey(trimmed, name)));
    }

    /// <summary>
    /// The key of a resource the name is about: three or more lower-case words (letters only) joined by '-', one of them a word of the
    /// name that is not a credential word (<c>MY_SUBSCRIPTION_KEY = 'ct-connect-ordergroove-subscription'</c>,
    /// <c>CT_PRODUCT_TYPE_SUBSCRIPTION_KEY: payment-connector-subscription-information</c>: commercetools resource keys).
    /// A passphrase (<c>correct-horse-battery-staple</c>) does not repeat its name's words.
    /// </summary>
    public static bool IsResourceKey(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || string.IsNullOrEmpty(name))
        {
            return false;
        }

        var parts = value.Split('-');
        if (parts.Length < 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c < 'a' || c > 'z')
                {
                    return false; // digits make a code or a generated value (zone-7731-prod), not a key of words
                }
            }
        }

        foreach (var word in IdentifierWords.Split(name))
        {
            if (word.Length < 4 || CredentialNames.Classify(word) != CredentialNameKind.None)
            {
                continue;
            }

            foreach (var part in parts)
            {
                // orders for ORDER_SUBSCRIPTION_KEY: the resource's plural
                if (part == word || (part.Length == word.Length + 1 && part[part.Length - 1] == 's' && part.StartsWith(word, System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A comma-separated list of two or more names (<c>"BW-GHAPP-ID,BW-GHAPP-KEY"</c>, <c>DD-API-KEY, K6-CLIENT-ID</c>):
    /// the secrets a step fetches from a vault, by name.
    /// </summary>
    public static bool IsNameList(string value)
    {
        if (value.IndexOf(',') < 0)
        {
            return false;
        }

        var items = 0;
        foreach (var item in value.Split(','))
        {
            var name = item.Trim();
            if (!(IsUpperCaseIdentifier(name) || IsQualifiedIdentifier(name) || IsTypeLikeName(name)))
            {
                return false;
            }

            items++;
        }

        return items >= 2;
    }

    /// <summary>
    /// Words of letters joined by separators ('-', '_', '.', '/', ' '), each word lower case, upper case or capitalised, with no
    /// digit: <c>theme-music</c>, <c>.trailer</c>, <c>Behind-The-Scenes</c>. A token or key has digits or mixed case inside its runs.
    /// </summary>
    public static bool IsWords(string value)
    {
        var longest = 0;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '-' || c == '_' || c == '.' || c == '/' || c == ' ')
            {
                i++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            var start = i;
            var upper = 0;
            while (i < value.Length && char.IsLetter(value[i]))
            {
                if (char.IsUpper(value[i]))
                {
                    upper++;
                }

                i++;
            }

            var length = i - start;
            var capitalised = upper == 1 && char.IsUpper(value[start]);
            if (upper != 0 && upper != length && !capitalised)
            {
                return false;
            }

            longest = Math.Max(longest, length);
        }

        return longest >= 3;
    }

    // HTTP's authentication headers (RFC 9110) and the schemes of IANA's HTTP Authentication Scheme Registry: the protocol's
    // words a client names its credential with (HEADER_AUTH = "Authorization", SpectranetAuth = "Basic"), never the credential.
    private static readonly HashSet<string> AuthenticationProtocolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "WWW-Authenticate", "Proxy-Authenticate", "Authentication-Info",
        "Basic", "Bearer", "Digest", "DPoP", "GNAP", "HOBA", "Mutual", "Negotiate", "NTLM", "OAuth", "PrivateToken",
        "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid", "Concealed", "AWS4-HMAC-SHA256",
    };

    /// <summary>An HTTP authentication header's name or an authentication scheme (<c>Authorization</c>, <c>Basic</c>, <c>Bearer</c>).</summary>
    public static bool IsAuthenticationProtocolWord(string value) => AuthenticationProtocolWords.Contains(value);

    /// <summary><c>true</c>, <c>false</c>, <c>yes</c>, <c>off</c>, <c>enabled</c>: a flag (<c>MARIADB_RANDOM_ROOT_PASSWORD: "true"</c>).</summary>
    public static bool IsSwitch(string value) => SwitchValues.Contains(value);

    /// <summary>Digits and dots with at least one dot: a version (<c>OAuthVersion = "1.0"</c>), never a credential.</summary>
    public static bool IsVersionNumber(string value)
    {
        // A package manager's range (^8.0.1, ~1.2.3, >=2.0.0): the version a dependency is pinned to.
        var first = 0;
        while (first < value.Length && (value[first] == '^' || value[first] == '~' || value[first] == '>' || value[first] == '<' || value[first] == '='))
        {
            first++;
        }

        if (first > 0)
        {
            value = value.Substring(first);
        }

        var dots = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '.' && i > 0 && i < value.Length - 1 && value[i - 1] != '.')
            {
                dots++;
            }
            else if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return dots > 0;
    }

    /// <summary>A command-line option's name: <c>-p</c>, <c>--password</c>, <c>--api-key</c> (an alias given beside <c>"--password"</c>).</summary>
    public static bool IsCommandLineOption(string value)
    {
        var start = value.StartsWith("--", StringComparison.Ordinal) ? 2 : value.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
        if (start == 0 || start >= value.Length || !IsAsciiLetter(value[start]))
        {
            return false;
        }

        for (var i = start + 1; i < value.Length; i++)
        {
            if (!IsAsciiLetter(value[i]) && value[i] != '-' && (value[i] < '0' || value[i] > '9'))
            {
                return false;
            }
        }

        // "-p", "--password": short after one dash, any length after two ("-Xk29fQ" typed after one dash is a value).
        return start == 2 || value.Length <= 3;
    }

    /// <summary>
    /// Two or more words of letters separated by spaces, with at most closing punctuation: a label, a prompt or a sentence
    /// (<c>"SSH Passphrase"</c>, <c>"a Stripe live secret key"</c>, <c>"Enter the password:"</c>).
    /// </summary>
    public static bool IsProse(string value)
    {
        var words = 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] == ' ')
            {
                i++;
            }

            if (i == value.Length)
            {
                break;
            }

            if (value[i] == '(' || value[i] == '"' || value[i] == '\'')
            {
                i++;
            }

            var letters = 0;
            while (i < value.Length && (char.IsLetter(value[i]) || ((value[i] == '\'' || value[i] == '-') && letters > 0)))
            {
                letters++;
                i++;
            }

            while (i < value.Length && IsClosingPunctuation(value[i]))
            {
                i++;
            }

            if (letters == 0 || (i < value.Length && value[i] != ' '))
            {
                return false;
            }

            words++;
        }

        return words >= 2;
    }

    /// <summary>
    /// Upper-case words of letters, each optionally ending in digits (or digits alone after the first), joined by '_' or '-': an environment variable or vault secret name, a
    /// constant's name or a rule id (<c>ACME_DEV_CLIENTSECRET</c>, <c>PRIVATEBLOB</c>, <c>CK1002</c>). A generated key
    /// (<c>AKIA2E0A8F3B244C9986</c>) has digits inside its words.
    /// </summary>
    public static bool IsUpperCaseIdentifier(string value)
    {
        if (value.Length < 3)
        {
            return false;
        }

        var letters = 0;
        var i = 0;
        while (i < value.Length)
        {
            var wordStart = i;
            while (i < value.Length && value[i] >= 'A' && value[i] <= 'Z')
            {
                i++;
            }

            // Only the first word must open with a letter: DB_PASSWORD_2.
            if (i == wordStart && (wordStart == 0 || i >= value.Length || value[i] < '0' || value[i] > '9'))
            {
                return false;
            }

            letters += i - wordStart;
            while (i < value.Length && value[i] >= '0' && value[i] <= '9')
            {
                i++;
            }

            if (i < value.Length)
            {
                if ((value[i] != '_' && value[i] != '-') || i + 1 == value.Length)
                {
                    return false;
                }

                i++;
                while (i < value.Length && (value[i] == '_' || value[i] == '-'))
                {
                    i++;
                }
            }
        }

        return letters >= 2;
    }

    /// <summary>
    /// Two or more identifier parts joined by '.', ':', '/' or '_' (and '-' inside a part): a configuration key or
    /// path, a dotted category, a snake_case field name (<c>Auth:ClientSecret</c>, <c>Certification.Secrets</c>,
    /// <c>password_hash_b64</c>, <c>/run/secrets/db-password</c>). Each part is letters optionally ending in digits;
    /// hyphens alone do not make a key (<c>correct-horse-battery-staple</c> is a passphrase).
    /// </summary>
    public static bool IsQualifiedIdentifier(string value)
    {
        var i = 0;
        while (i < value.Length && (value[i] == '/' || value[i] == '~' || value[i] == '.'))
        {
            i++;
        }

        var parts = 0;
        var qualifiers = 0;
        var lowerCase = true;
        while (i < value.Length)
        {
            // A number after lower-case snake words is a suffix (wrong_key_456); "Admin_2024" is typed, not named.
            if (parts > 0 && lowerCase && value[i] >= '0' && value[i] <= '9' && value[i - 1] == '_')
            {
                while (i < value.Length && value[i] >= '0' && value[i] <= '9')
                {
                    i++;
                }

                parts++;
                if (i == value.Length)
                {
                    break;
                }

                if (value[i] != '_')
                {
                    return false;
                }

                qualifiers++;
                i++;
                continue;
            }

            // One part: words of letters, each optionally ending in digits, joined by single hyphens.
            var partStart = i;
            while (true)
            {
                var wordStart = i;
                while (i < value.Length && IsAsciiLetter(value[i]))
                {
                    lowerCase &= value[i] >= 'a';
                    i++;
                }

                if (i == wordStart)
                {
                    return false;
                }

                while (i < value.Length && value[i] >= '0' && value[i] <= '9')
                {
                    i++;
                }

                if (i + 1 < value.Length && value[i] == '-' && IsAsciiLetter(value[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i == partStart)
            {
                return false;
            }

            parts++;
            if (i == value.Length)
            {
                break;
            }

            if (!IsQualifier(value[i]))
            {
                return false;
            }

            qualifiers++;
            while (i < value.Length && IsQualifier(value[i]))
            {
                i++;
            }
        }

        return parts >= 2 && qualifiers >= 1 && i == value.Length;
    }

    /// <summary>
    /// Letters only, in two or more capitalised humps (<c>ClientSecretCredential</c>, <c>hardcodedPassword</c>): the name
    /// of a type, a member or a setting. Typed passwords carry digits or symbols; this shape has none.
    /// </summary>
    public static bool IsTypeLikeName(string value)
    {
        if (value.Length < 6)
        {
            return false;
        }

        var humps = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsAsciiLetter(c))
            {
                return false;
            }

            if (i > 0 && c >= 'A' && c <= 'Z')
            {
                // An upper-case letter after a lower-case one opens a hump; a run of capitals ("XMLHttp") is one word.
                if (value[i - 1] >= 'a' && value[i - 1] <= 'z')
                {
                    humps++;
                }
                else
                {
                    return false;
                }
            }
        }

        return humps >= 1 && value[value.Length - 1] >= 'a' && value[value.Length - 1] <= 'z' && HumpsAreWords(value, humps);
    }

    /// <summary>
    /// The value, ignoring case and separators, is a run of words of its own name: <c>PRIVATEBLOB</c> for
    /// <c>PrivateKeyBlob</c>, <c>secret_key</c> for <c>ClientSecretKey</c>.
    /// </summary>
    public static bool IsSpelledWithNameWords(string value, string name)
    {
        var normalized = LettersAndDigits(value);
        if (normalized.Length < 3)
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        // reachable[i]: the first i characters are a concatenation of name words.
        var reachable = new bool[normalized.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!reachable[i])
            {
                continue;
            }

            foreach (var word in words)
            {
                if (word.Length > 0 && i + word.Length <= normalized.Length && string.CompareOrdinal(normalized, i, word, 0, word.Length) == 0)
                {
                    reachable[i + word.Length] = true;
                }
            }
        }

        return reachable[normalized.Length];
    }

    // Each hump of a camelCase value is at least two letters ("aB" shapes are random, not names).
    private static bool HumpsAreWords(string value, int humps)
    {
        var shortest = int.MaxValue;
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && value[i] >= 'A' && value[i] <= 'Z')
            {
                shortest = Math.Min(shortest, length);
                length = 0;
            }

            length++;
        }

        shortest = Math.Min(shortest, length);
        return humps >= 1 && shortest >= 2;
    }

    private static string LettersAndDigits(string text)
    {
        var buffer = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer, 0, length);
    }

    private static bool IsQualifier(char c) => c == '.' || c == ':' || c == '/' || c == '_';

    private static bool IsClosingPunctuation(char c) =>
        c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'' || c == '\u2026';

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
