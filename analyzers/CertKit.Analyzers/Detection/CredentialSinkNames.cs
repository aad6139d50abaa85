using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Names that make a place a credential sink for the flow rules: the password key of a connection string being built,
/// a cookie named for authentication, a cryptographic key or IV parameter. Pure functions, shared by the flow engine and its tests.
/// </summary>
public static class CredentialSinkNames
{
    // Words of a cookie name that say it authenticates its bearer: .AspNetCore.Session, auth_token, jwt, sid, remember_me.
    private static readonly HashSet<string> AuthCookieWords = new(StringComparer.Ordinal)
    {
        "auth", "authentication", "authorization", "session", "sess", "sid", "sessionid", "token", "jwt", "sso", "login", "identity",
        "bearer", "access", "refresh", "credential", "credentials", "password", "secret", "apikey", "remember", "ticket",
    };

    // Words of a type or namespace name that say it is about authentication: a bare "Token" member of it is a credential.
    private static readonly HashSet<string> AuthenticationWords = new(StringComparer.Ordinal)
    {
        "auth", "authenticate", "authentication", "authenticator", "authorization", "authorize", "authorizer", "oauth", "oauth2",
        "login", "logon", "signin", "sign", "credential", "credentials", "creds", "password", "secret", "secrets", "session", "jwt", "bearer",
        "identity", "principal", "security", "vault", "keyvault", "apikey", "sso", "saml", "openid", "oidc",
    };

    // A type named for tokens holds credentials (TokenResponse.Token); a method named for one may be a lexer's (NextToken).
    private static readonly HashSet<string> TokenWords = new(StringComparer.Ordinal) { "token", "tokens" };

    // Words that say a method or type calls a service (which a bare "token" given to it authenticates): TelegramBotClient(token).
    private static readonly HashSet<string> ServiceWords = new(StringComparer.Ordinal)
    {
        "account", "accounts", "api", "client", "http", "rest", "connect", "connection", "bot", "sdk", "webhook",
    };

    /// <summary>
    /// True when a sink's name is one bare word that also names things no credential is (<c>token</c> of a lexer or a
    /// naming rule, <c>key</c> of a cache, <c>secret</c> of a game): such a sink takes a credential only when its API is about
    /// authentication (<see cref="IsAuthenticationApi"/>) or the value looks like one.
    /// </summary>
    public static bool IsBareSinkName(string name) =>
        name.Equals("token", StringComparison.OrdinalIgnoreCase) || name.Equals("tokens", StringComparison.OrdinalIgnoreCase)
        || name.Equals("key", StringComparison.OrdinalIgnoreCase) || name.Equals("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when any word of the given names (a method, its type, the type's namespace) says the API authenticates or is a
    /// service client: <c>LoginAsync</c>, <c>TelegramBotClient</c>, <c>Octokit.Credentials</c>, <c>Acme.Auth</c>. Not:
    /// <c>Emby.Naming.Video.ExtraRule</c>, <c>Lexer.Accept</c>, <c>PageCursor</c>.
    /// </summary>
    public static bool IsAuthenticationApi(string? methodName, string? typeName, string? namespaceName) =>
        HasWord(methodName, AuthenticationWords, ServiceWords) || HasWord(typeName, AuthenticationWords, ServiceWords) || HasWord(namespaceName, AuthenticationWords, ServiceWords);

    /// <summary>
    /// True when a type's name or namespace says it is about authentication (<c>TokenResponse</c>, <c>Acme.Auth</c>,
    /// <c>SessionInfo</c>): a bare <c>Token</c> member of it is a credential. Not a service client's DTO (<c>Acme.Api.Dto</c>).
    /// </summary>
    public static bool IsAuthenticationContext(string? typeName, string? namespaceName) =>
        HasWord(typeName, AuthenticationWords, TokenWords) || HasWord(namespaceName, AuthenticationWords, TokenWords);

    private static bool HasWord(string? name, HashSet<string> words, HashSet<string>? moreWords)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(name!))
        {
            if (words.Contains(word) || (moreWords is not null && moreWords.Contains(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A licence's key or signed token (<c>LicenseKey</c>, <c>RandomLicenseKey</c>): it identifies a purchase and is stored and
    /// shown by design (a licence file, an admin page), so it is no token to protect; hardcoded in source it stays CK1002's.
    /// </summary>
    public static bool NamesLicence(string name) =>
        name.IndexOf("license", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("licence", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>True when a connection string fragment ends with a password key and its '=': <c>"Server=db;Password="</c>, <c>"...; pwd = "</c>.</summary>
    public static bool EndsWithPasswordKey(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        if (end < 0 || text[end] != '=')
        {
            return false;
        }

        var keyEnd = end - 1;
        while (keyEnd >= 0 && char.IsWhiteSpace(text[keyEnd]))
        {
            keyEnd--;
        }

        var keyStart = keyEnd;
        while (keyStart >= 0 && text[keyStart] != ';' && text[keyStart] != '=')
        {
            keyStart--;
        }

        var key = text.Substring(keyStart + 1, keyEnd - keyStart).Trim();
        return key.Equals("password", StringComparison.OrdinalIgnoreCase)
            || key.Equals("pwd", StringComparison.OrdinalIgnoreCase)
            || key.Equals("user password", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a cookie's name says it authenticates: <c>auth</c>, <c>session</c>, <c>.AspNetCore.Session</c>, <c>access_token</c>, <c>sid</c>.</summary>
    public static bool IsAuthCookieName(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (AuthCookieWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a parameter of a cryptography API takes a key or IV: <c>key</c>, <c>rgbKey</c>, <c>rgbIV</c>, <c>iv</c>.</summary>
    public static bool IsCryptoKeyParameter(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (word is "key" or "iv")
            {
                return true;
            }
        }

        return false;
    }
}
