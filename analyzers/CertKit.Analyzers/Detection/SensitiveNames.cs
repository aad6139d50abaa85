using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection;

/// <summary>What a name says about a value that might reach a store or a log (CK2001, CK3002).</summary>
public enum SensitiveNameKind
{
    /// <summary>The name says nothing either way.</summary>
    Unknown,

    /// <summary>A token, key, secret or password as text: <c>refreshToken</c>, <c>_apiKey</c>, <c>client_secret</c>.</summary>
    Secret,

    /// <summary>A connection string: it carries the database password (<c>connectionString</c>, <c>ConnectionStrings:Default</c>).</summary>
    ConnectionString,

    /// <summary>The name says the value is already protected: <c>encryptedToken</c>, <c>protectedRefreshToken</c>, <c>tokenHash</c>.</summary>
    Protected,
}

/// <summary>
/// Name-level verdicts for the token-flow rules, on top of <see cref="CredentialNames"/>: which names hold a secret value,
/// which hold a connection string, and which say the value was encrypted or hashed. Pure: strings in, verdicts out.
/// </summary>
public static class SensitiveNames
{
    // A word anywhere in the name that says the value is no longer the raw secret.
    private static readonly HashSet<string> ProtectedWords = new(StringComparer.Ordinal)
    {
        "encrypted", "encrypt", "protected", "protect", "cipher", "ciphertext", "ciphered", "hashed", "hash", "digest", "sealed",
        "wrapped", "masked", "mask", "redact", "redacted", "obfuscate", "obfuscated", "sanitize", "sanitized", "enc", "dpapi", "thumbprint", "fingerprint",
    };

    // Words after "connection string" that make the name about the connection string rather than the value.
    private static readonly HashSet<string> ConnectionStringAboutWords = new(StringComparer.Ordinal)
    {
        "name", "names", "key", "keys", "id", "section", "setting", "format", "template", "builder", "provider", "path", "env",
        "variable", "var", "length", "count", "valid", "invalid", "missing", "error", "message", "msg",
    };

    /// <summary>
    /// Classifies a symbol name, member name, configuration key or environment variable name.
    /// <paramref name="textValue"/>: the value is text (string, char[], byte[], SecureString) — a bare "token" only counts then.
    /// </summary>
    public static SensitiveNameKind Classify(string name, bool textValue, ImmutableArray<string> extraKeywords)
    {
        if (string.IsNullOrEmpty(name))
        {
            return SensitiveNameKind.Unknown;
        }

        var credentialLike = CredentialNames.MayContainCredentialWord(name) || !extraKeywords.IsDefaultOrEmpty;
        var connectionLike = name.IndexOf("conn", StringComparison.OrdinalIgnoreCase) >= 0;
        if (!credentialLike && !connectionLike)
        {
            return SensitiveNameKind.Unknown;
        }

        var words = IdentifierWords.Split(name);
        foreach (var word in words)
        {
            if (ProtectedWords.Contains(word))
            {
                return SensitiveNameKind.Protected;
            }
        }

        if (connectionLike && IsConnectionString(words))
        {
            return SensitiveNameKind.ConnectionString;
        }

        if (!credentialLike)
        {
            return SensitiveNameKind.Unknown;
        }

        switch (CredentialNames.Classify(words, extraKeywords))
        {
            case CredentialNameKind.Credential:
                return SensitiveNameKind.Secret;
            case CredentialNameKind.BareToken:
                return textValue ? SensitiveNameKind.Secret : SensitiveNameKind.Unknown;
            default:
                return SensitiveNameKind.Unknown;
        }
    }

    /// <summary>True when a word of the name says the value was protected: <c>EncryptToken</c>, <c>Protect</c>, <c>HashApiKey</c>.</summary>
    public static bool SaysProtected(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(name))
        {
            if (ProtectedWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for "connection string", "connStr", "ConnectionStrings:Default" … and false for "ConnectionStringName".</summary>
    public static bool IsConnectionString(string name) => IsConnectionString(IdentifierWords.Split(name));

    private static bool IsConnectionString(List<string> words)
    {
        var end = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "connectionstring" or "connectionstrings" or "connstr" or "connstring")
            {
                end = i;
                break;
            }

            if ((word is "connection" or "conn") && i + 1 < words.Count && words[i + 1] is "string" or "strings" or "str")
            {
                end = i + 1;
                break;
            }
        }

        if (end < 0)
        {
            return false;
        }

        // "ConnectionStrings:Default" is the value; "ConnectionStringName" is about it.
        for (var i = end + 1; i < words.Count; i++)
        {
            if (ConnectionStringAboutWords.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a method matches an entry of <c>certkit.token_protectors</c>: <c>Method</c>, <c>Type.Method</c> or
    /// <c>Namespace.Type.Method</c> (case-sensitive, like C#).
    /// </summary>
    public static bool MatchesProtector(ImmutableArray<string> entries, string containingTypeFullName, string containingTypeName, string methodName)
    {
        if (entries.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            var dot = entry.LastIndexOf('.');
            if (dot < 0)
            {
                if (string.Equals(entry, methodName, StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            if (entry.Length - dot - 1 != methodName.Length || string.CompareOrdinal(entry, dot + 1, methodName, 0, methodName.Length) != 0)
            {
                continue;
            }

            var typePart = entry.Substring(0, dot);
            if (string.Equals(typePart, containingTypeName, StringComparison.Ordinal)
                || string.Equals(typePart, containingTypeFullName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
