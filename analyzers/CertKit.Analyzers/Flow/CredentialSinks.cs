using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>Which rule a credential sink belongs to.</summary>
internal enum SinkCategory : byte
{
    /// <summary>CK1002: passwords, API keys, tokens, connection-string passwords.</summary>
    Credential,

    /// <summary>CK1003: cryptographic keys and IVs.</summary>
    Key,

    /// <summary>CK2001: a cookie named for authentication.</summary>
    Cookie,
}

/// <summary>A place a hardcoded value must not reach: its rule, what to call it in the message, where it is.</summary>
internal sealed class Sink
{
    public Sink(SinkCategory category, string display, string name, CredentialNameKind nameKind, Location location, bool takesOnlyCredentialShapes = false)
    {
        Category = category;
        Display = display;
        Name = name;
        NameKind = nameKind;
        Location = location;
        TakesOnlyCredentialShapes = takesOnlyCredentialShapes;
    }

    public SinkCategory Category { get; }

    /// <summary>For the message: <c>the 'password' parameter of NetworkCredential</c>.</summary>
    public string Display { get; }

    /// <summary>The parameter, property, key or cookie name the value is given to (judges placeholders).</summary>
    public string Name { get; }

    public CredentialNameKind NameKind { get; }

    /// <summary>The argument or assignment at the sink.</summary>
    public Location Location { get; }

    /// <summary>
    /// A bare <c>token</c>, <c>key</c> or <c>secret</c> of an API that is not about authentication (a naming rule, a lexer,
    /// a cache): only a value shaped like a credential (<see cref="CredentialValues.LooksLikeCredential"/>) is one here.
    /// </summary>
    public bool TakesOnlyCredentialShapes { get; }

    public Sink Through(IParameterSymbol parameter) =>
        new(Category, Display + " (through the '" + parameter.Name + "' parameter of " + MemberName(parameter.ContainingSymbol) + ")", Name, NameKind, Location, TakesOnlyCredentialShapes);

    public static string MemberName(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.Name,
        IMethodSymbol method => (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name,
        IPropertySymbol property => property.ContainingType.Name + "." + property.Name,
        null => "?",
        _ => symbol.Name,
    };
}

/// <summary>
/// Recognises credential sinks by symbol, once per operation: every parameter or property named like a credential (of any
/// method, constructor or type: <c>NetworkCredential</c>, <c>X509Certificate2</c>, <c>Rfc2898DeriveBytes</c>,
/// <c>UriBuilder.Password</c>, <c>SqlConnectionStringBuilder.Password</c>, this compilation's own <c>Login(user, password)</c>),
/// the key and IV of cryptography APIs, <c>SecureString.AppendChar</c>, <c>AuthenticationHeaderValue(scheme, parameter)</c>,
/// <c>DbConnectionStringBuilder["Password"]</c>, connection strings, and cookies named for authentication.
/// The well-known types are resolved once per compilation.
/// </summary>
internal sealed class CredentialSinks
{
    private const string CryptographyNamespace = "System.Security.Cryptography";

    private readonly ImmutableArray<string> credentialKeywords;
    private readonly ConcurrentDictionary<string, CredentialNameKind> names = new(StringComparer.Ordinal);

    public CredentialSinks(Compilation compilation, ImmutableArray<string> credentialKeywords)
    {
        var types = WellKnownTypes.For(compilation);
        this.credentialKeywords = credentialKeywords;
        SecureString = types.Get(WellKnownTypeNames.SystemSecuritySecureString);
        AuthenticationHeaderValue = types.Get(WellKnownTypeNames.SystemNetHttpHeadersAuthenticationHeaderValue);
        DbConnectionStringBuilder = types.Get(WellKnownTypeNames.SystemDataCommonDbConnectionStringBuilder);
        SymmetricAlgorithm = types.Get(WellKnownTypeNames.SystemSecurityCryptographySymmetricAlgorithm);
        KeyedHashAlgorithm = types.Get(WellKnownTypeNames.SystemSecurityCryptographyKeyedHashAlgorithm);
        ResponseCookies = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHttpIResponseCookies);
        NetCookie = types.Get(WellKnownTypeNames.SystemNetCookie);
    }

    public INamedTypeSymbol? SecureString { get; }

    public INamedTypeSymbol? AuthenticationHeaderValue { get; }

    public INamedTypeSymbol? DbConnectionStringBuilder { get; }

    public INamedTypeSymbol? SymmetricAlgorithm { get; }

    public INamedTypeSymbol? KeyedHashAlgorithm { get; }

    public INamedTypeSymbol? ResponseCookies { get; }

    public INamedTypeSymbol? NetCookie { get; }

    /// <summary>The sink an argument is given to, or null. <paramref name="mode"/> says how the sink reads the value.</summary>
    public Sink? ForArgument(IMethodSymbol method, IArgumentOperation argument, out TraceMode mode)
    {
        mode = TraceMode.Whole;
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return null;
        }

        var type = method.ContainingType;
        var name = parameter.Name;

        if (method.Name == "AppendChar" && SymbolEqualityComparer.Default.Equals(type, SecureString))
        {
            mode = TraceMode.Elements;
            return new Sink(SinkCategory.Credential, "SecureString.AppendChar", "password", CredentialNameKind.Credential, argument.Syntax.GetLocation());
        }

        if (!IsCredentialType(parameter.Type))
        {
            return null;
        }

        // new AuthenticationHeaderValue("Basic", parameter): the parameter is the credential.
        if (name == "parameter" && method.MethodKind == MethodKind.Constructor && SymbolEqualityComparer.Default.Equals(type, AuthenticationHeaderValue))
        {
            return new Sink(SinkCategory.Credential, "the 'parameter' of AuthenticationHeaderValue", "credential", CredentialNameKind.Credential, argument.Syntax.GetLocation());
        }

        if (name.Equals("connectionString", StringComparison.OrdinalIgnoreCase))
        {
            mode = TraceMode.ConnectionString;
            return new Sink(SinkCategory.Credential, "the Password of the connection string given to " + Sink.MemberName(method), "Password", CredentialNameKind.Credential, argument.Syntax.GetLocation());
        }

        if (IsBytes(parameter.Type) && CredentialSinkNames.IsCryptoKeyParameter(name) && IsCryptography(type))
        {
            return new Sink(SinkCategory.Key, "the '" + name + "' parameter of " + Sink.MemberName(method), name, CredentialNameKind.Credential, argument.Syntax.GetLocation());
        }

        var kind = Classify(name);
        if (kind == CredentialNameKind.Credential || (kind == CredentialNameKind.BareToken && parameter.Type.SpecialType == SpecialType.System_String))
        {
            return new Sink(SinkCategory.Credential, "the '" + name + "' parameter of " + Sink.MemberName(method), name, kind, argument.Syntax.GetLocation(), TakesOnlyCredentialShapes(name, method.Name, type));
        }

        return null;
    }

    /// <summary>The sink a property (or indexer) assignment writes to, or null.</summary>
    public Sink? ForProperty(IPropertyReferenceOperation target, SyntaxNode assignment, out TraceMode mode)
    {
        mode = TraceMode.Whole;
        var property = target.Property;
        var owner = property.ContainingType;
        if (property.IsIndexer)
        {
            // builder["Password"] = value
            if (target.Arguments.Length == 1 && TokenFlowSymbols.Is(owner, DbConnectionStringBuilder)
                && OperationTree.Unwrap(target.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string key }
                && CredentialNames.Classify(key, credentialKeywords) == CredentialNameKind.Credential)
            {
                return new Sink(SinkCategory.Credential, owner!.Name + "[\"" + key + "\"]", key, CredentialNameKind.Credential, assignment.GetLocation());
            }

            return null;
        }

        if (!IsCredentialType(property.Type))
        {
            return null;
        }

        var name = property.Name;
        if (name == "ConnectionString")
        {
            mode = TraceMode.ConnectionString;
            return new Sink(SinkCategory.Credential, "the Password of " + Sink.MemberName(property), "Password", CredentialNameKind.Credential, assignment.GetLocation());
        }

        if ((name is "Key" or "IV") && (TokenFlowSymbols.Is(owner, SymmetricAlgorithm) || TokenFlowSymbols.Is(owner, KeyedHashAlgorithm)))
        {
            return new Sink(SinkCategory.Key, Sink.MemberName(property), name, CredentialNameKind.Credential, assignment.GetLocation());
        }

        var kind = Classify(name);
        if (kind == CredentialNameKind.Credential || (kind == CredentialNameKind.BareToken && property.Type.SpecialType == SpecialType.System_String))
        {
            return new Sink(SinkCategory.Credential, Sink.MemberName(property), name, kind, assignment.GetLocation(), TakesOnlyCredentialShapes(name, null, owner));
        }

        return null;
    }

    /// <summary>
    /// <c>Response.Cookies.Append("auth", value)</c>, <c>new Cookie("session", value)</c>, <c>new HttpCookie("auth", value)</c>,
    /// <c>new CookieHeaderValue("jwt", value)</c>: the value argument, when the cookie's name says it authenticates.
    /// </summary>
    public IArgumentOperation? CookieValue(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, out string cookieName)
    {
        cookieName = string.Empty;
        if (!IsCookieMethod(method))
        {
            return null;
        }

        IArgumentOperation? value = null;
        string? name = null;
        foreach (var argument in arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "name":
                case "key":
                    name = OperationTree.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: string text } ? text : null;
                    break;
                case "value":
                    value = argument;
                    break;
            }
        }

        if (name is null || value is null || !CredentialSinkNames.IsAuthCookieName(name))
        {
            return null;
        }

        cookieName = name;
        return value;
    }

    /// <summary>A constructor of <c>Cookie</c>, <c>HttpCookie</c> or <c>CookieHeaderValue</c>, or <c>IResponseCookies.Append</c>.</summary>
    public bool IsCookieMethod(IMethodSymbol method)
    {
        // Names before symbols: asked for every call with arguments, and a name is a stored string.
        var type = method.ContainingType;
        return method.MethodKind == MethodKind.Constructor
            ? type.Name is "HttpCookie" or "CookieHeaderValue" || (type.Name == "Cookie" && SymbolEqualityComparer.Default.Equals(type, NetCookie))
            : method.Name == "Append" && TokenFlowSymbols.Is(type, ResponseCookies);
    }

    /// <summary>Types a credential can travel in: text, characters, bytes, spans of them, a SecureString.</summary>
    public bool IsCredentialType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType is SpecialType.System_Byte or SpecialType.System_Char;
            case INamedTypeSymbol named:
                if (named.SpecialType != SpecialType.None)
                {
                    return named.SpecialType == SpecialType.System_String;
                }

                // The name first (a stored string): asked for nearly every argument, assignment and return of a compilation.
                return named.Name switch
                {
                    "SecureString" => SymbolEqualityComparer.Default.Equals(named, SecureString),
                    "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" => named.IsGenericType && named.TypeArguments.Length == 1
                        && named.TypeArguments[0].SpecialType is SpecialType.System_Byte or SpecialType.System_Char,
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>A bare token, key or secret of a method or type whose names do not say it authenticates (see <see cref="Sink.TakesOnlyCredentialShapes"/>).</summary>
    private static bool TakesOnlyCredentialShapes(string name, string? methodName, INamedTypeSymbol? type) =>
        CredentialSinkNames.IsBareSinkName(name)
        && !CredentialSinkNames.IsAuthenticationApi(methodName == ".ctor" ? null : methodName, type?.Name, type?.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null);

    // Parameter and property names repeat across a compilation: classify each once.
    private CredentialNameKind Classify(string name) =>
        names.GetOrAdd(name, n => CredentialNames.MayContainCredentialWord(n) || !credentialKeywords.IsDefaultOrEmpty ? CredentialNames.Classify(n, credentialKeywords) : CredentialNameKind.None);

    private static bool IsBytes(ITypeSymbol type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
        || (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_Byte);

    private static bool IsCryptography(INamedTypeSymbol? type) =>
        type?.ContainingNamespace is { } ns && ns.ToDisplayString() == CryptographyNamespace;
}
