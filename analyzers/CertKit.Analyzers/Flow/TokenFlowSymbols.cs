using System.Collections.Concurrent;
using System.Collections.Generic;
using CertKit.Analyzers.Detection;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// The types the token-flow rules (CK2001, CK3002) need, resolved once per compilation: text types, the protectors
/// that clear a token, the transformations and serializers that carry one, and the file APIs that persist one.
/// Also caches, per type, whether the type holds token members (an OAuth response record).
/// </summary>
internal sealed class TokenFlowSymbols
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, TokenFlowSymbols> PerCompilation = new();
    // Per type: the member that makes it hold a credential ("AccessToken", "Session.RefreshToken"), or "" when none does.
    private readonly ConcurrentDictionary<ITypeSymbol, string> holderTypes = new(SymbolEqualityComparer.Default);
    private readonly List<(KnownType Type, string? MethodPrefix)> protectors = new();
    private readonly ConcurrentDictionary<IMethodSymbol, bool> wrappers = new(SymbolEqualityComparer.Default);

    // What a project's own wrapper calls when it protects (by the called member's name: the wrapper's body is read as syntax).
    private static readonly HashSet<string> ProtectorCalls = new(System.StringComparer.Ordinal)
    {
        "Protect", "Encrypt", "EncryptCbc", "EncryptEcb", "EncryptCfb", "ComputeHash", "HashData", "HashPassword", "TransformFinalBlock", "Pbkdf2",
    };

    private readonly KnownType secureString;
    private readonly KnownType stringBuilder;
    private readonly KnownType cancellationToken;
    private readonly KnownType encoding;
    private readonly KnownType convert;
    private readonly KnownType bitConverter;
    private readonly KnownType exception;
    private readonly KnownType stream;
    private readonly KnownType textWriter;
    private readonly KnownType binaryWriter;
    private readonly KnownType fileStream;
    private readonly KnownType file;
    private readonly KnownType fileInfo;
    private readonly KnownType isolatedStorageFile;
    private readonly KnownType streamWriter;
    private readonly KnownType xmlWriter;
    private readonly KnownType utf8JsonWriter;
    private readonly KnownType systemTextJsonSerializer;
    private readonly KnownType newtonsoftJsonConvert;
    private readonly KnownType newtonsoftJsonSerializer;
    private readonly KnownType newtonsoftJsonTextWriter;
    private readonly KnownType xmlSerializer;

    private TokenFlowSymbols(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        Compilation = compilation;
        secureString = types.Lazy(WellKnownTypeNames.SystemSecuritySecureString);
        stringBuilder = types.Lazy(WellKnownTypeNames.SystemTextStringBuilder);
        cancellationToken = types.Lazy(WellKnownTypeNames.SystemThreadingCancellationToken);
        encoding = types.Lazy(WellKnownTypeNames.SystemTextEncoding);
        convert = types.Lazy(WellKnownTypeNames.SystemConvert);
        bitConverter = types.Lazy(WellKnownTypeNames.SystemBitConverter);
        exception = types.Lazy(WellKnownTypeNames.SystemException);
        stream = types.Lazy(WellKnownTypeNames.SystemIOStream);
        textWriter = types.Lazy(WellKnownTypeNames.SystemIOTextWriter);
        binaryWriter = types.Lazy(WellKnownTypeNames.SystemIOBinaryWriter);
        fileStream = types.Lazy(WellKnownTypeNames.SystemIOFileStream);
        file = types.Lazy(WellKnownTypeNames.SystemIOFile);
        fileInfo = types.Lazy(WellKnownTypeNames.SystemIOFileInfo);
        isolatedStorageFile = types.Lazy(WellKnownTypeNames.SystemIOIsolatedStorageIsolatedStorageFile);
        streamWriter = types.Lazy(WellKnownTypeNames.SystemIOStreamWriter);
        xmlWriter = types.Lazy(WellKnownTypeNames.SystemXmlXmlWriter);
        utf8JsonWriter = types.Lazy(WellKnownTypeNames.SystemTextJsonUtf8JsonWriter);
        systemTextJsonSerializer = types.Lazy(WellKnownTypeNames.SystemTextJsonJsonSerializer);
        newtonsoftJsonConvert = types.Lazy(WellKnownTypeNames.NewtonsoftJsonJsonConvert);
        newtonsoftJsonSerializer = types.Lazy(WellKnownTypeNames.NewtonsoftJsonJsonSerializer);
        newtonsoftJsonTextWriter = types.Lazy(WellKnownTypeNames.NewtonsoftJsonJsonTextWriter);
        xmlSerializer = types.Lazy(WellKnownTypeNames.SystemXmlSerializationXmlSerializer);

        // Protectors: a value returned by these is no longer the raw token. Names with Encrypt/Protect/Hash are
        // recognised by SensitiveNames too; this list covers the ones whose names do not say so.
        AddProtector(compilation, WellKnownTypeNames.MicrosoftAspNetCoreDataProtectionIDataProtector, "Protect");
        AddProtector(compilation, WellKnownTypeNames.MicrosoftAspNetCoreDataProtectionDataProtectionCommonExtensions, "Protect");
        AddProtector(compilation, WellKnownTypeNames.MicrosoftAspNetCoreDataProtectionITimeLimitedDataProtector, "Protect");
        AddProtector(compilation, WellKnownTypeNames.MicrosoftAspNetCoreDataProtectionDataProtectionAdvancedExtensions, "Protect");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyProtectedData, "Protect");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyProtectedMemory, "Protect");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographySymmetricAlgorithm, "Encrypt");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyAesGcm, "Encrypt");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyAesCcm, "Encrypt");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyChaCha20Poly1305, "Encrypt");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyRSA, "Encrypt");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyICryptoTransform, "Transform");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyHashAlgorithm, null);
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyHMAC, null);
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographySHA256, "HashData");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographySHA384, "HashData");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographySHA512, "HashData");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyHMACSHA256, "HashData");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyHMACSHA512, "HashData");
        AddProtector(compilation, WellKnownTypeNames.SystemSecurityCryptographyRfc2898DeriveBytes, "Pbkdf2");
        AddProtector(compilation, WellKnownTypeNames.MicrosoftAspNetCoreIdentityIPasswordHasher1, "HashPassword");
        AddProtector(compilation, WellKnownTypeNames.MicrosoftIdentityClientExtensionsMsalMsalCacheHelper, null);
        AddProtector(compilation, WellKnownTypeNames.MicrosoftIdentityClientExtensionsMsalMsalCacheStorage, null);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? SecureString => secureString.Value;

    public INamedTypeSymbol? StringBuilder => stringBuilder.Value;

    public INamedTypeSymbol? CancellationToken => cancellationToken.Value;

    public INamedTypeSymbol? Encoding => encoding.Value;

    public INamedTypeSymbol? Convert => convert.Value;

    public INamedTypeSymbol? BitConverter => bitConverter.Value;

    public INamedTypeSymbol? Exception => exception.Value;

    public INamedTypeSymbol? Stream => stream.Value;

    public INamedTypeSymbol? TextWriter => textWriter.Value;

    public INamedTypeSymbol? BinaryWriter => binaryWriter.Value;

    public INamedTypeSymbol? FileStream => fileStream.Value;

    public INamedTypeSymbol? File => file.Value;

    public INamedTypeSymbol? FileInfo => fileInfo.Value;

    public INamedTypeSymbol? IsolatedStorageFile => isolatedStorageFile.Value;

    public INamedTypeSymbol? StreamWriter => streamWriter.Value;

    public INamedTypeSymbol? XmlWriter => xmlWriter.Value;

    public INamedTypeSymbol? Utf8JsonWriter => utf8JsonWriter.Value;

    public INamedTypeSymbol? SystemTextJsonSerializer => systemTextJsonSerializer.Value;

    public INamedTypeSymbol? NewtonsoftJsonConvert => newtonsoftJsonConvert.Value;

    public INamedTypeSymbol? NewtonsoftJsonSerializer => newtonsoftJsonSerializer.Value;

    public INamedTypeSymbol? NewtonsoftJsonTextWriter => newtonsoftJsonTextWriter.Value;

    public INamedTypeSymbol? XmlSerializer => xmlSerializer.Value;

    /// <summary>The symbols of <paramref name="compilation"/>, shared by every rule of it (the holder-type cache too).</summary>
    public static TokenFlowSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new TokenFlowSymbols(c));

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="baseType"/>.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (type is null || baseType is null)
        {
            return false;
        }

        if (baseType.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseType))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method of this project whose body calls a protector (<c>string Shield(string v) =&gt; Convert.ToHexString(SHA256.HashData(…))</c>,
    /// <c>_protector.Protect(value)</c>, <c>aes.EncryptCbc(…)</c>): its result is protected. Read once per method, as syntax.
    /// </summary>
    public bool WrapsProtector(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length == 0 || method.Name.StartsWith("Decrypt", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Unprotect", System.StringComparison.Ordinal))
        {
            return false;
        }

        return wrappers.GetOrAdd(method.OriginalDefinition, static m =>
        {
            foreach (var reference in m.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation
                        && CalledName(invocation.Expression) is { } called && ProtectorCalls.Contains(called))
                    {
                        return true;
                    }
                }
            }

            return false;
        });

        static string? CalledName(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) => expression switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }

    public bool IsBuiltInProtector(IMethodSymbol method)
    {
        var containing = method.ContainingType;
        if (containing is null)
        {
            return false;
        }

        foreach (var (type, prefix) in protectors)
        {
            if ((prefix is null || method.Name.StartsWith(prefix, System.StringComparison.Ordinal)) && Is(containing, type.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text a token can be held in: string, char[], byte[], SecureString, spans and memories of char/byte, StringBuilder.</summary>
    public bool IsText(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        // The name before the type arguments: reading those builds their public symbols.
        if (type is INamedTypeSymbol { IsGenericType: true, Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" } generic
            && generic.TypeArguments.Length == 1
            && generic.TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte
            && generic.ContainingNamespace?.ToDisplayString() == "System")
        {
            return true;
        }

        return SymbolEqualityComparer.Default.Equals(type, SecureString) || SymbolEqualityComparer.Default.Equals(type, StringBuilder);
    }

    /// <summary>Types whose values are never a secret: flags, numbers, dates, enums, cancellation tokens.</summary>
    public bool IsNeverSecret(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
            case SpecialType.System_Void:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } nullable)
        {
            return IsNeverSecret(nullable.TypeArguments[0]);
        }

        return SymbolEqualityComparer.Default.Equals(type, CancellationToken)
            || (type.ContainingNamespace?.Name == "System" && type.Name is "TimeSpan" or "DateTimeOffset" or "Guid");
    }

    /// <summary>
    /// A type with a public member that holds a credential (an OAuth token response, a stored-credential record), or a
    /// collection or task of one. Serializing such an object writes its tokens.
    /// </summary>
    public bool IsTokenHolder(ITypeSymbol? type) => TokenMemberOf(type) is not null;

    /// <summary>
    /// The member that makes <paramref name="type"/> hold a credential, dotted through nested objects (<c>Session.AccessToken</c>),
    /// or null. A member counts when its name is a credential's (<c>AccessToken</c>, <c>Password</c>, <c>Pin</c>), when it is a
    /// <c>SecureString</c>, or when a bare token name (<c>Token</c>, <c>OpenToken</c>) sits in a type or namespace about
    /// authentication (<c>TokenResponse.Token</c>, <c>Acme.Auth.Ticket.Token</c>); not an identifier named <c>OpenToken</c>
    /// of a media-source record.
    /// </summary>
    public string? TokenMemberOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var member = TokenMemberOf(type, 0);
        return member.Length == 0 ? null : member;
    }

    /// <summary>Records and anonymous types print their members from ToString(), so logging one logs its tokens.</summary>
    public static bool PrintsMembers(ITypeSymbol? type) => type is { IsAnonymousType: true } or { IsRecord: true };

    private string TokenMemberOf(ITypeSymbol type, int depth)
    {
        if (depth > 2 || type.SpecialType != SpecialType.None || IsText(type) || type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter or TypeKind.Error)
        {
            return string.Empty;
        }

        if (type is IArrayTypeSymbol array)
        {
            return TokenMemberOf(array.ElementType, depth + 1);
        }

        if (type is not INamedTypeSymbol named)
        {
            return string.Empty;
        }

        if (holderTypes.TryGetValue(named, out var cached))
        {
            return cached;
        }

        var result = string.Empty;
        foreach (var argument in named.TypeArguments)
        {
            result = TokenMemberOf(argument, depth + 1);
            if (result.Length > 0)
            {
                break;
            }
        }

        // Framework types (System.*, Microsoft.*, Azure.*) are API surface, not the integration's token records.
        if (result.Length == 0 && (named.IsAnonymousType || !IsFrameworkNamespace(named.ContainingNamespace)))
        {
            result = TokenMember(named, depth);
        }

        holderTypes.TryAdd(named, result);
        return result;
    }

    private string TokenMember(INamedTypeSymbol type, int depth)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IFieldSymbol { IsConst: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                var text = IsText(memberType);
                if (text && HoldsCredential(member.Name, memberType, current))
                {
                    return member.Name;
                }

                if (!text && depth < 2 && memberType.TypeKind is TypeKind.Class or TypeKind.Struct && TokenMemberOf(memberType, depth + 1) is { Length: > 0 } nested)
                {
                    return member.Name + "." + nested;
                }
            }
        }

        return string.Empty;
    }

    /// <summary>A text member holds a credential by its name, by its type (SecureString), or by a bare token name in an authentication type.</summary>
    private bool HoldsCredential(string name, ITypeSymbol memberType, INamedTypeSymbol declaringType)
    {
        if (SensitiveNames.Classify(name, textValue: true, default) != SensitiveNameKind.Secret)
        {
            return false;
        }

        // A licence's key and signed token identify a purchase; the licence file is written to disk by design (bitwarden's
        // OrganizationLicense). A licence key hardcoded in source is still CK1002's.
        if (CredentialSinkNames.NamesLicence(name))
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(memberType, SecureString) || CredentialNames.Classify(name) == CredentialNameKind.Credential)
        {
            return true;
        }

        // A bare token (Token, OpenToken, SyncToken): a credential where the type or its namespace is about authentication.
        return declaringType.IsAnonymousType
            || CredentialSinkNames.IsAuthenticationContext(declaringType.Name, declaringType.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null);
    }

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        while (ns is not null && !ns.IsGlobalNamespace && ns.ContainingNamespace is { IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is not null && ns.Name is "System" or "Microsoft" or "Windows" or "Azure";
    }

    // Looked up when a call's name first matches its prefix (an absent type never matches).
    private void AddProtector(Compilation compilation, string metadataName, string? methodPrefix) =>
        protectors.Add((WellKnownTypes.For(compilation).Lazy(metadataName), methodPrefix));
}
