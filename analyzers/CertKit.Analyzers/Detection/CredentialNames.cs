using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection;

/// <summary>What a name says about the value it holds.</summary>
public enum CredentialNameKind
{
    /// <summary>Nothing credential-like.</summary>
    None,

    /// <summary>The name marks the value as a credential: <c>clientSecret</c>, <c>API_KEY</c>, <c>accessToken</c>.</summary>
    Credential,

    /// <summary>A bare <c>token</c>: a credential only when the value is text (a <c>CancellationToken token</c> is not).</summary>
    BareToken,

    /// <summary>The name holds a name, path, message or setting about a credential: <c>PasswordFieldName</c>, <c>TokenUrl</c>.</summary>
    AboutCredential,
}

/// <summary>
/// Classifies identifiers, keys and header names as credentials, shared by every rule that needs to know
/// "is this thing a secret" (CK1002, CK2001, CK3002) and by the text scan of config files.
/// </summary>
public static class CredentialNames
{
    // Single words that are credentials on their own (after splitting).
    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "secrets", "credential", "credentials", "creds",
        "apikey", "accesstoken", "refreshtoken", "bearertoken", "idtoken", "authtoken", "clientsecret", "appsecret",
        "privatekey", "integrationkey", "accountkey", "accesskey", "secretkey", "sharedkey", "signingkey", "masterkey",
        "subscriptionkey", "auth", "passcode", "pin",
    };

    // "<qualifier> token" / "<qualifier> key" pairs.
    private static readonly HashSet<string> TokenQualifiers = new(StringComparer.Ordinal)
    {
        "access", "refresh", "bearer", "id", "auth", "oauth", "api", "session", "personal", "security", "client", "app", "sas", "jwt",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "private", "integration", "secret", "access", "signing", "encryption", "master", "account", "subscription",
        "app", "client", "shared", "storage", "license", "consumer",
    };

    // A word after the credential word that turns the name into metadata about the credential.
    private static readonly HashSet<string> AboutWords = new(StringComparer.Ordinal)
    {
        "name", "names", "field", "fields", "header", "headers", "key" /* SecretKey is handled before */, "path", "file", "filename", "dir",
        "directory", "url", "uri", "endpoint", "prompt", "message", "msg", "format", "pattern", "regex", "label", "title",
        "description", "caption", "hint", "placeholder", "id", "ids", "type", "kind", "length", "len", "count", "policy", "rule", "rules",
        "required", "enabled", "disabled", "expiry", "expires", "expiration", "expired", "lifetime", "timeout", "ttl", "provider",
        "source", "env", "environment", "variable", "var", "setting", "settings", "section", "param", "parameter", "option", "options",
        "hash", "hashed", "salt", "validator", "validation", "valid", "invalid", "changed", "reset", "error", "errors", "exception",
        "column", "property", "attribute", "claim", "scope", "scopes", "store", "storage", "manager", "service", "client", "handler",
        "provider", "factory", "request", "response", "res", "resp", "resource", "location", "vault", "ref", "reference", "mode", "strength",
        "complexity", "min", "max", "minimum", "maximum", "at", "on", "date", "time", "index", "len", "size", "status", "state",
        "result", "info", "metadata", "template", "example", "sample", "hint", "cache",
        "scheme", "schemes", "method", "flow", "realm", "audience", "issuer", // AuthScheme = "Bearer", AuthFlow = "pkce"
        // res and resp abbreviate response as req does request: cancelAuthResXml is a payment gateway's cancel-authorization reply.
    };

    // A word before the credential word that turns the name into metadata: IsPasswordValid, HasApiKey, MinPasswordLength.
    private static readonly HashSet<string> AboutPrefixes = new(StringComparer.Ordinal)
    {
        "is", "has", "use", "uses", "require", "requires", "min", "max", "allow", "enable", "disable", "show", "hide", "forgot",
        "reset", "validate", "confirm", "new", "old", "default", "get", "set", "try", "need", "needs", "no",
    };

    public static CredentialNameKind Classify(string name) => Classify(name, ImmutableArray<string>.Empty);

    public static CredentialNameKind Classify(string name, ImmutableArray<string> extraKeywords)
    {
        if (string.IsNullOrEmpty(name) || (!MayContainCredentialWord(name) && extraKeywords.IsDefaultOrEmpty))
        {
            return CredentialNameKind.None;
        }

        var words = IdentifierWords.Split(name);
        return Classify(words, extraKeywords);
    }

    public static CredentialNameKind Classify(List<string> words, ImmutableArray<string> extraKeywords)
    {
        var credentialEnd = -1;
        var credentialStart = -1;
        var bareToken = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var matched = 0;

            // Pairs first, so "secret key" is one credential rather than "secret" followed by the metadata word "key".
            if (i + 1 < words.Count)
            {
                var next = words[i + 1];
                if ((next == "token" && TokenQualifiers.Contains(word))
                    || (next == "key" && KeyQualifiers.Contains(word))
                    || (word == "pass" && (next == "word" || next == "phrase")))
                {
                    matched = 2;
                }
            }

            if (matched == 0 && (CredentialWords.Contains(word) || IsExtraKeyword(word, extraKeywords)))
            {
                matched = 1;
            }

            if (matched > 0)
            {
                if (credentialStart < 0)
                {
                    credentialStart = i;
                }

                credentialEnd = i + matched - 1;
                i += matched - 1;
            }
            else if (word == "token" || word == "tokens")
            {
                bareToken = true;
                if (credentialStart < 0)
                {
                    credentialStart = i;
                }

                credentialEnd = Math.Max(credentialEnd, i);
            }
        }

        if (credentialStart < 0)
        {
            return CredentialNameKind.None;
        }

        // PublicKey, PublicKeyToken, publicToken: public by definition, never a secret.
        for (var i = 0; i < credentialStart; i++)
        {
            if (words[i] == "public")
            {
                return CredentialNameKind.None;
            }
        }

        for (var i = credentialEnd + 1; i < words.Count; i++)
        {
            if (AboutWords.Contains(words[i]))
            {
                return CredentialNameKind.AboutCredential;
            }
        }

        for (var i = 0; i < credentialStart; i++)
        {
            if (AboutPrefixes.Contains(words[i]))
            {
                return CredentialNameKind.AboutCredential;
            }
        }

        // "token" alone (or with words we do not know) is only a credential when the value is text.
        for (var i = credentialStart; i <= credentialEnd; i++)
        {
            var word = words[i];
            if (word != "token" && word != "tokens")
            {
                return CredentialNameKind.Credential;
            }
        }

        return bareToken ? CredentialNameKind.BareToken : CredentialNameKind.Credential;
    }

    /// <summary>Cheap pre-filter: false means no built-in credential word can be in the name, so no split is needed.</summary>
    public static bool MayContainCredentialWord(string name)
    {
        return ContainsIgnoreCase(name, "pass")
            || ContainsIgnoreCase(name, "pwd")
            || ContainsIgnoreCase(name, "secret")
            || ContainsIgnoreCase(name, "key")
            || ContainsIgnoreCase(name, "token")
            || ContainsIgnoreCase(name, "cred")
            || ContainsIgnoreCase(name, "auth")
            || ContainsIgnoreCase(name, "pin");
    }

    private static bool IsExtraKeyword(string word, ImmutableArray<string> extraKeywords)
    {
        if (extraKeywords.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var keyword in extraKeywords)
        {
            if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoreCase(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
}
