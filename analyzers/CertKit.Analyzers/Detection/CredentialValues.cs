using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Decides whether a literal value given to a credential-named thing is a hardcoded secret: shared by CK1002 (C# literals)
/// and the text scan (<c>key: value</c> lines of config files and other sources), so both judge a value the same way.
/// </summary>
public static class CredentialValues
{
    private const int MinimumBareTokenLength = 8;

    /// <summary>
    /// True when <paramref name="value"/>, given to <paramref name="name"/> (classified as <paramref name="kind"/>), is a
    /// hardcoded secret rather than a placeholder, a reference or an endpoint.
    /// </summary>
    public static bool IsHardcodedSecret(CredentialNameKind kind, string value, string name, ImmutableArray<string> placeholderPatterns)
    {
        switch (kind)
        {
            case CredentialNameKind.Credential:
                break;
            case CredentialNameKind.BareToken:
                // "token" alone also names lexer and parser tokens (tokenText = "identifier", token = "{"): only a name that
                // ends in "token" given long, unbroken text of mixed characters counts.
                // Words joined by separators ("theme-music", ".trailer") name a thing; a token has digits or mixed case inside.
                if (value.Length < MinimumBareTokenLength || HasWhiteSpace(value) || !EndsWithToken(name) || CharacterClasses(value) < 2
                    || ValueShapes.IsWords(value))
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        // A URL given to a secret-named thing is a vault or endpoint reference, not the secret (CK1001 judges URLs).
        if (UrlClassifier.TryFindUrl(value, 0, false, ImmutableArray<string>.Empty, out var url) && url.Start == 0)
        {
            return false;
        }

        // A switch, a label, an environment variable name, a key or a category names or describes the credential.
        if (ValueShapes.NamesOrDescribes(value, name))
        {
            return false;
        }

        // Typed rather than generated: counting runs and repeats (12345678901234567890, 1234567890abcdef, aaaaaaaa).
        if (value.Length >= MinimumBareTokenLength && NonSecrets.LooksSynthetic(value, 0, value.Length))
        {
            return false;
        }

        return !Placeholders.IsPlaceholder(value, name, placeholderPatterns);
    }

    /// <summary>
    /// True when the value has a credential's shape by itself, whatever it is given to: a known secret format
    /// (<see cref="SecretPatterns"/>) or a generated, high-entropy string (<see cref="Entropy"/>). Asked of values given to
    /// a bare <c>token</c>, <c>key</c> or <c>secret</c> of an API that is not about authentication (a naming rule's token).
    /// </summary>
    public static bool LooksLikeCredential(string value) =>
        SecretPatterns.TryFindFirst(value, out _) || Entropy.TryFindHighEntropySecret(value, null, null, out _);

    public static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool HasWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithToken(string name)
    {
        var words = IdentifierWords.Split(name);
        var last = words.Count - 1;
        while (last >= 0 && char.IsDigit(words[last][0]))
        {
            last--;
        }

        return last >= 0 && (words[last] == "token" || words[last] == "tokens");
    }

    // Lower case, upper case, digits, other: "identifier" has one class, "3AAABLblqZhC8xYz" three.
    private static int CharacterClasses(string value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            else if (char.IsUpper(c))
            {
                upper = true;
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
