using System.Collections.Concurrent;
using System.Collections.Generic;
using CertKit.Analyzers.Detection;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// The types the token-flow rules (CK2001, CK3002) need, resolved once per compilation: text types, the protectors
/// that clear a token, the transformations and serializers that carry one, and the file APIs that persist one.
/// Also caches, per type, whether the type holds token members (an OAuth response record).
/// </summary>
internal sealed class TokenFlowSymbols
{
    private readonly ConcurrentDictionary<ITypeSymbol, bool> holderTypes = new(SymbolEqualityComparer.Default);
    private readonly List<(INamedTypeSymbol Type, string? MethodPrefix)> protectors = new();

    private TokenFlowSymbols(Compilation compilation)
    {
        Compilation = compilation;
        SecureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        Convert = compilation.GetTypeByMetadataName("System.Convert");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        BinaryWriter = compilation.GetTypeByMetadataName("System.IO.BinaryWriter");
        FileStream = compilation.GetTypeByMetadataName("System.IO.FileStream");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        IsolatedStorageFile = compilation.GetTypeByMetadataName("System.IO.IsolatedStorage.IsolatedStorageFile");
        StreamWriter = compilation.GetTypeByMetadataName("System.IO.StreamWriter");
        XmlWriter = compilation.GetTypeByMetadataName("System.Xml.XmlWriter");
        Utf8JsonWriter = compilation.GetTypeByMetadataName("System.Text.Json.Utf8JsonWriter");
        SystemTextJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        NewtonsoftJsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        NewtonsoftJsonSerializer = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonSerializer");
        NewtonsoftJsonTextWriter = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonTextWriter");
        XmlSerializer = compilation.GetTypeByMetadataName("System.Xml.Serialization.XmlSerializer");

        // Protectors: a value returned by these is no longer the raw token. Names with Encrypt/Protect/Hash are
        // recognised by SensitiveNames too; this list covers the ones whose names do not say so.
        AddProtector(compilation, "Microsoft.AspNetCore.DataProtection.IDataProtector", "Protect");
        AddProtector(compilation, "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions", "Protect");
        AddProtector(compilation, "Microsoft.AspNetCore.DataProtection.ITimeLimitedDataProtector", "Protect");
        AddProtector(compilation, "Microsoft.AspNetCore.DataProtection.DataProtectionAdvancedExtensions", "Protect");
        AddProtector(compilation, "System.Security.Cryptography.ProtectedData", "Protect");
        AddProtector(compilation, "System.Security.Cryptography.ProtectedMemory", "Protect");
        AddProtector(compilation, "System.Security.Cryptography.SymmetricAlgorithm", "Encrypt");
        AddProtector(compilation, "System.Security.Cryptography.AesGcm", "Encrypt");
        AddProtector(compilation, "System.Security.Cryptography.AesCcm", "Encrypt");
        AddProtector(compilation, "System.Security.Cryptography.ChaCha20Poly1305", "Encrypt");
        AddProtector(compilation, "System.Security.Cryptography.RSA", "Encrypt");
        AddProtector(compilation, "System.Security.Cryptography.ICryptoTransform", "Transform");
        AddProtector(compilation, "System.Security.Cryptography.HashAlgorithm", null);
        AddProtector(compilation, "System.Security.Cryptography.HMAC", null);
        AddProtector(compilation, "System.Security.Cryptography.SHA256", "HashData");
        AddProtector(compilation, "System.Security.Cryptography.SHA384", "HashData");
        AddProtector(compilation, "System.Security.Cryptography.SHA512", "HashData");
        AddProtector(compilation, "System.Security.Cryptography.HMACSHA256", "HashData");
        AddProtector(compilation, "System.Security.Cryptography.HMACSHA512", "HashData");
        AddProtector(compilation, "System.Security.Cryptography.Rfc2898DeriveBytes", "Pbkdf2");
        AddProtector(compilation, "Microsoft.AspNetCore.Identity.IPasswordHasher`1", "HashPassword");
        AddProtector(compilation, "Microsoft.Identity.Client.Extensions.Msal.MsalCacheHelper", null);
        AddProtector(compilation, "Microsoft.Identity.Client.Extensions.Msal.MsalCacheStorage", null);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? SecureString { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Encoding { get; }

    public INamedTypeSymbol? Convert { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? TextWriter { get; }

    public INamedTypeSymbol? BinaryWriter { get; }

    public INamedTypeSymbol? FileStream { get; }

    public INamedTypeSymbol? File { get; }

    public INamedTypeSymbol? FileInfo { get; }

    public INamedTypeSymbol? IsolatedStorageFile { get; }

    public INamedTypeSymbol? StreamWriter { get; }

    public INamedTypeSymbol? XmlWriter { get; }

    public INamedTypeSymbol? Utf8JsonWriter { get; }

    public INamedTypeSymbol? SystemTextJsonSerializer { get; }

    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

    public INamedTypeSymbol? NewtonsoftJsonSerializer { get; }

    public INamedTypeSymbol? NewtonsoftJsonTextWriter { get; }

    public INamedTypeSymbol? XmlSerializer { get; }

    public static TokenFlowSymbols Create(Compilation compilation) => new(compilation);

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

    public bool IsBuiltInProtector(IMethodSymbol method)
    {
        var containing = method.ContainingType;
        if (containing is null)
        {
            return false;
        }

        foreach (var (type, prefix) in protectors)
        {
            if ((prefix is null || method.Name.StartsWith(prefix, System.StringComparison.Ordinal)) && Is(containing, type))
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

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && generic.TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte
            && generic.ContainingNamespace?.ToDisplayString() == "System"
            && generic.Name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory")
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
    /// A type with public members named as tokens and holding text (an OAuth token response, a stored-credential record),
    /// or a collection or task of one. Serializing such an object writes its tokens.
    /// </summary>
    public bool IsTokenHolder(ITypeSymbol? type) => type is not null && IsTokenHolder(type, 0);

    /// <summary>Records and anonymous types print their members from ToString(), so logging one logs its tokens.</summary>
    public static bool PrintsMembers(ITypeSymbol? type) => type is { IsAnonymousType: true } or { IsRecord: true };

    private bool IsTokenHolder(ITypeSymbol type, int depth)
    {
        if (depth > 2 || type.SpecialType != SpecialType.None || IsText(type) || type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter or TypeKind.Error)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsTokenHolder(array.ElementType, depth + 1);
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (holderTypes.TryGetValue(named, out var cached))
        {
            return cached;
        }

        var result = false;
        foreach (var argument in named.TypeArguments)
        {
            if (IsTokenHolder(argument, depth + 1))
            {
                result = true;
                break;
            }
        }

        // Framework types (System.*, Microsoft.*, Azure.*) are API surface, not the integration's token records.
        if (!result && (named.IsAnonymousType || !IsFrameworkNamespace(named.ContainingNamespace)))
        {
            result = HasTokenMember(named, depth);
        }

        holderTypes.TryAdd(named, result);
        return result;
    }

    private bool HasTokenMember(INamedTypeSymbol type, int depth)
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
                if (text && SensitiveNames.Classify(member.Name, textValue: true, default) == SensitiveNameKind.Secret)
                {
                    return true;
                }

                if (!text && depth < 2 && memberType.TypeKind is TypeKind.Class or TypeKind.Struct && IsTokenHolder(memberType, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        while (ns is not null && !ns.IsGlobalNamespace && ns.ContainingNamespace is { IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is not null && ns.Name is "System" or "Microsoft" or "Windows" or "Azure";
    }

    private void AddProtector(Compilation compilation, string metadataName, string? methodPrefix)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            protectors.Add((type, methodPrefix));
        }
    }
}
