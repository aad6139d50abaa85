using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Decides whether a value written where a secret goes is a placeholder rather than a secret:
/// <c>changeme</c>, <c>&lt;your-api-key&gt;</c>, <c>YOUR_API_KEY_HERE</c>, <c>${VAR}</c>, <c>{{var}}</c>, <c>%VAR%</c>, <c>$(Var)</c>,
/// <c>****</c>, <c>xxx</c>, a value made entirely of placeholder words (<c>dummy</c>, <c>test</c>, <c>your-api-key-here</c>),
/// a value equal to or containing its own name, and the <c>certkit.placeholder_patterns</c> the user adds. Shared by CK1002,
/// CK1003 and the text scan. A value that merely contains <c>test</c> or <c>sample</c> (<c>TestOnlyP@ss123</c>) is not one.
/// </summary>
public static class Placeholders
{
    // A value that is exactly one of these (ignoring case and separators) is a placeholder.
    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.Ordinal)
    {
        "changeme", "changeit", "replaceme", "placeholder", "todo", "tbd", "fixme", "none", "null", "nil", "undefined", "empty",
        "na", "notset", "unset", "default", "value", "secret", "password", "token", "key", "apikey", "redacted", "removed", "hidden",
        "masked", "sensitive", "required",
    };

    // Words that mark a value as a placeholder or a fixture when the whole value is made of them (with filler words, the
    // value's own name words and digits): "dummy-secret-123", "YOUR_API_KEY_HERE", "test". Merely containing one does not
    // ("TestOnlyP@ss123", "Sample2024!" are weak real passwords).
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
    {
        "changeme", "changeit", "replaceme", "placeholder", "dummy", "test", "testing", "example", "sample", "fake", "mock",
        "redacted", "your", "yours", "insert", "enter", "xxx", "foo", "bar", "baz",
    };

    // Words that may sit beside a placeholder word without making the value real: "your-api-key-here", "test_secret_value".
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "here", "goes", "put", "to", "with", "this", "for", "of", "only", "value", "string", "data",
        "api", "key", "keys", "secret", "secrets", "password", "pass", "pwd", "passphrase", "token", "credential", "credentials",
        "client", "app", "application", "user", "username", "account", "access", "private", "auth", "id", "code", "pin",
    };

    private static readonly char[] Digits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    /// <summary>
    /// True when <paramref name="value"/> is not a real secret. <paramref name="name"/> is what the value is assigned to
    /// (identifier or key), or null; <paramref name="extraPatterns"/> come from <c>certkit.placeholder_patterns</c>
    /// (exact, case-insensitive, <c>*</c> matches any run of characters).
    /// </summary>
    public static bool IsPlaceholder(string value, string? name, ImmutableArray<string> extraPatterns)
    {
        if (value is null)
        {
            return true;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (IsTemplate(trimmed) || ContainsTemplateReference(trimmed) || IsMask(trimmed) || MatchesExtraPattern(trimmed, extraPatterns))
        {
            return true;
        }

        var normalized = Normalize(trimmed);
        if (normalized.Length == 0 || PlaceholderValues.Contains(normalized))
        {
            return true;
        }

        if (name is not null && IsOwnName(normalized, name))
        {
            return true;
        }

        return IsMadeOfPlaceholderWords(trimmed, name);
    }

    // The whole value is placeholder words, filler words, words of its own name and digits, with nothing but separators
    // between them, and at least one placeholder word: "dummy-secret-123", "your_client_secret_here", "Test123".
    private static bool IsMadeOfPlaceholderWords(string value, string? name)
    {
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.' && c != ' ')
            {
                return false;
            }
        }

        var nameWords = name is null ? null : IdentifierWords.Split(name);
        var placeholder = false;
        foreach (var word in IdentifierWords.Split(value))
        {
            if (PlaceholderWords.Contains(word))
            {
                placeholder = true;
            }
            else if (!char.IsDigit(word[0]) && !FillerWords.Contains(word) && !PlaceholderValues.Contains(word) && (nameWords is null || !nameWords.Contains(word)))
            {
                return false;
            }
        }

        return placeholder;
    }

    /// <summary>
    /// Template and reference syntaxes: <c>${VAR}</c>, <c>{{var}}</c>, <c>%VAR%</c>, <c>$(Var)</c>, <c>#{Var}</c>, <c>&lt;...&gt;</c>,
    /// <c>[...]</c>, <c>{0}</c>, <c>$API_KEY</c>, and Azure Key Vault references (<c>@Microsoft.KeyVault(...)</c>).
    /// </summary>
    public static bool IsTemplate(string value)
    {
        var length = value.Length;
        if (length < 2)
        {
            return false;
        }

        var first = value[0];
        var last = value[length - 1];
        return (first == '<' && last == '>')
            || (value.StartsWith("&lt;", StringComparison.Ordinal) && value.EndsWith("&gt;", StringComparison.Ordinal)) // <token> in XML
            || (first == '[' && last == ']')
            || (first == '{' && last == '}')
            || (first == '%' && last == '%' && length > 2)
            || (length > 3 && last == '}' && (value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("#{", StringComparison.Ordinal)))
            || value.StartsWith("$(", StringComparison.Ordinal) // $(Var), and a shell's command substitution, whatever it runs: "$(grep ... .env)"
            || (first == '$' && (IsEnvironmentVariableName(value, 1) || IsShellVariableName(value, 1)))
            || value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A shell or template reference anywhere in the value, so the text is filled in when it runs, not a literal secret:
    /// <c>$ACCESS_TOKEN")</c> (a command substitution's closing parenthesis after it), <c>pre-${X}</c>, <c>$(cat key)</c>,
    /// <c>{{ .Values.token }}</c>, <c>%DB_PASSWORD%</c>. A <c>$</c> inside a word (<c>Pa$$W0RD</c>, <c>abc$XYZ</c>) is a
    /// character of a password, not a reference.
    /// </summary>
    public static bool ContainsTemplateReference(string value)
    {
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            var next = value[i + 1];
            if (c == '$' && (i == 0 || !IsWordCharacter(value[i - 1])))
            {
                if ((next == '{' || next == '(') && value.IndexOf(next == '{' ? '}' : ')', i + 2) > i + 2)
                {
                    return true;
                }

                if (ReferenceNameEnd(value, i + 1) is var end && end - (i + 1) >= 2 && (end == value.Length || !IsWordCharacter(value[end])))
                {
                    return true;
                }
            }
            else if (c == '{' && next == '{' && value.IndexOf("}}", i + 2, StringComparison.Ordinal) > i + 2)
            {
                return true;
            }
            else if (c == '%' && (i == 0 || !IsWordCharacter(value[i - 1])) && ReferenceNameEnd(value, i + 1) is var nameEnd
                && nameEnd - (i + 1) >= 2 && nameEnd < value.Length && value[nameEnd] == '%')
            {
                return true;
            }
        }

        return false;
    }

    // The end of an environment-style name (UPPER_CASE or lower_case, as a shell writes them) starting at start.
    private static int ReferenceNameEnd(string text, int start)
    {
        if (start >= text.Length || !(char.IsLetter(text[start]) || text[start] == '_'))
        {
            return start;
        }

        var upper = text[start] >= 'A' && text[start] <= 'Z';
        var i = start;
        while (i < text.Length && (text[i] == '_' || (text[i] >= '0' && text[i] <= '9') || (upper ? text[i] >= 'A' && text[i] <= 'Z' : text[i] >= 'a' && text[i] <= 'z')))
        {
            i++;
        }

        return i;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    /// <summary>Masked or filler values: <c>****</c>, <c>xxx</c>, <c>XXXX-XXXX</c>, <c>••••</c>, <c>...</c>, <c>000000</c>.</summary>
    public static bool IsMask(string value)
    {
        if (value.Length < 3)
        {
            return false;
        }

        var fillers = 0;
        foreach (var c in value)
        {
            if (c == '*' || c == 'x' || c == 'X' || c == '\u2022' || c == '#' || c == '.' || c == '0')
            {
                fillers++;
            }
            else if (c != '-' && c != '_' && c != ' ')
            {
                return false;
            }
        }

        return fillers >= 3;
    }

    // The value is the name itself ("password" for Password), contains it ("my-client-secret" for clientSecret),
    // or is one of the name's words ("secret" for ClientSecret).
    private static bool IsOwnName(string normalizedValue, string name)
    {
        var normalizedName = Normalize(name).TrimEnd(Digits); // ApiKey2 is still "apikey"
        if (normalizedName.Length < 3)
        {
            return false;
        }

        if (normalizedValue.IndexOf(normalizedName, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (normalizedValue.Length >= 3 && IsLetters(normalizedValue))
        {
            foreach (var word in IdentifierWords.Split(name))
            {
                if (word == normalizedValue)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MatchesExtraPattern(string value, ImmutableArray<string> patterns)
    {
        if (patterns.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var pattern in patterns)
        {
            if (WildcardMatch(value, 0, pattern, 0))
            {
                return true;
            }
        }

        return false;
    }

    // Case-insensitive glob with '*' only; patterns are short, so the recursion stays shallow.
    private static bool WildcardMatch(string value, int v, string pattern, int p)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                while (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                }

                if (p == pattern.Length)
                {
                    return true;
                }

                for (var i = v; i < value.Length; i++)
                {
                    if (WildcardMatch(value, i, pattern, p))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (v >= value.Length || char.ToLowerInvariant(value[v]) != char.ToLowerInvariant(c))
            {
                return false;
            }

            v++;
            p++;
        }

        return v == value.Length;
    }

    // Lower-case letters and digits only: "YOUR_API_KEY" -> "yourapikey", "Client-Secret" -> "clientsecret".
    private static string Normalize(string text)
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

    private static bool IsLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // Shell-style "$remote_path", "$1": lower-case letters, digits and '_' only ("$ecretPass" has a capital and stays a candidate).
    private static bool IsShellVariableName(string text, int start)
    {
        if (start >= text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    // Shell-style "$API_KEY": upper-case letters, digits and '_' only, so "$ecretPass" stays a candidate secret.
    private static bool IsEnvironmentVariableName(string text, int start)
    {
        if (start >= text.Length || !((text[start] >= 'A' && text[start] <= 'Z') || text[start] == '_'))
        {
            return false;
        }

        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
