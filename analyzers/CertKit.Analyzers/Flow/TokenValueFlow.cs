using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>What a value is, as far as the token-flow rules are concerned.</summary>
internal enum SensitiveKind : byte
{
    /// <summary>Nothing known: not a secret as far as we can tell.</summary>
    None,

    /// <summary>The value came out of a protector (encryption, DPAPI, data protection, a hash) or its name says it did.</summary>
    Protected,

    /// <summary>A token, key, secret or password as text, or text built from one.</summary>
    Token,

    /// <summary>A connection string (counted by CK3002 only).</summary>
    ConnectionString,

    /// <summary>An object built here from token values (<c>new { access_token = token }</c>, <c>new StoredTokens(token, …)</c>).</summary>
    Holder,

    /// <summary>An object whose type has token members (an OAuth response record), origin unknown.</summary>
    HolderType,
}

/// <summary>A verdict about a value: its kind and the name that made it sensitive, for the diagnostic message.</summary>
internal readonly struct SensitiveValue
{
    public static readonly SensitiveValue None = default;

    public static readonly SensitiveValue Protected = new(SensitiveKind.Protected, null);

    public SensitiveValue(SensitiveKind kind, string? name, string? member = null)
    {
        Kind = kind;
        Name = name;
        Member = member;
    }

    public SensitiveKind Kind { get; }

    public string? Name { get; }

    /// <summary>For an object whose type holds a credential: the member that does (<c>Session.AccessToken</c>), for the message.</summary>
    public string? Member { get; }

    /// <summary>What a message calls the value, quoted: <c>'tokens'</c>, <c>'response' (its member 'AccessToken')</c>; null when unnamed.</summary>
    public string? Subject => Name is null ? null : Member is null ? "'" + Name + "'" : "'" + Name + "' (its member '" + Member + "')";

    /// <summary>The value itself is a secret (a token or, when counted, a connection string).</summary>
    public bool IsSecretText => Kind is SensitiveKind.Token or SensitiveKind.ConnectionString;

    /// <summary>Anything that makes the value sensitive: secret text or an object holding tokens.</summary>
    public bool IsSensitive => Kind >= SensitiveKind.Token;

    public SensitiveValue WithKind(SensitiveKind kind) => new(kind, Name, Member);
}

/// <summary>
/// "Does a token or secret value reach this operation?", answered inside one method body (intra-procedural, flow-insensitive):
/// a local is sensitive when its name says so or when any value assigned to it is. Values are sensitive when named as a
/// credential (<see cref="SensitiveNames"/>), read from configuration or the environment under a credential key, or built
/// from a sensitive value by interpolation, concatenation, <c>ToString</c>, <c>Encoding.GetBytes</c>, <c>Convert.ToBase64String</c>
/// or a serializer. A protector (built-in list, a method named Encrypt/Protect/Hash, or <c>certkit.token_protectors</c>)
/// clears the value. One instance per operation block; the local table is built on first use, so a method without a sink costs nothing.
/// Not thread-safe: <see cref="TokenFlowCache"/> gives each thread its own.
/// </summary>
internal sealed class TokenValueFlow
{
    private const int MaxDepth = 12;

    // Reads of configuration, environment and parsed JSON whose first argument names the value.
    private static readonly HashSet<string> KeyedReadMethods = new(StringComparer.Ordinal)
    {
        "GetEnvironmentVariable", "GetValue", "GetSection", "GetRequiredSection", "GetProperty", "GetConnectionString", "SelectToken", "Value",
    };

    // Verbs stripped from method names before classifying what they return: GetAccessTokenAsync -> AccessToken.
    private static readonly string[] Verbs = { "Get", "Read", "Load", "Fetch", "Acquire", "Request", "Refresh", "Issue", "Find", "Lookup" };

    private readonly TokenFlowSymbols symbols;
    private readonly ImmutableArray<IOperation> blocks;
    private readonly ImmutableArray<string> extraKeywords;
    private readonly ImmutableArray<string> userProtectors;
    private readonly bool countConnectionStrings;

    private BodyValues? bodyValues;
    private Dictionary<ILocalSymbol, SensitiveValue>? localCache;
    private bool? savesEntities;

    public TokenValueFlow(TokenFlowSymbols symbols, ImmutableArray<IOperation> blocks, CertKitOptions options, bool countConnectionStrings)
    {
        this.symbols = symbols;
        this.blocks = blocks;
        extraKeywords = options.CredentialKeywords;
        userProtectors = options.TokenProtectors;
        this.countConnectionStrings = countConnectionStrings;
    }

    public TokenFlowSymbols Symbols => symbols;

    /// <summary>The body this flow answers for.</summary>
    public IOperation Root => blocks[0];

    /// <summary>Classifies the value an operation produces.</summary>
    public SensitiveValue Classify(IOperation? operation) => Classify(operation, 0);

    /// <summary>
    /// Classifies a value where only its exposure matters (secret text, an object holding tokens), not whether it was
    /// protected: the answer differs from <see cref="Classify(IOperation?)"/> only by None in place of Protected. A parameter
    /// read as it is (a log call's <c>page</c>) is then judged by its name and type alone: the values written to it in the
    /// body, which a search of the body finds, can only make an unremarkable name Protected.
    /// </summary>
    public SensitiveValue ClassifyExposure(IOperation? operation)
    {
        var value = operation is not null && OperationTree.Unwrap(operation) is IParameterReferenceOperation reference
            ? reference.Type is { } type && symbols.IsNeverSecret(type) ? SensitiveValue.None : ClassifyNamed(reference.Parameter.Name, reference.Parameter.Type)
            : Classify(operation, 0);
        return value.Kind == SensitiveKind.Protected ? SensitiveValue.None : value;
    }

    /// <summary>Classifies a constant key (a cookie, cache, registry, preference or parameter name) as if it held text.</summary>
    public SensitiveValue ClassifyKeyName(IOperation? keyOperation)
    {
        if (keyOperation is null || OperationTree.Unwrap(keyOperation).ConstantValue is not { HasValue: true, Value: string key })
        {
            return SensitiveValue.None;
        }

        return ClassifyKeyName(key);
    }

    /// <summary>Classifies a key or member name as if it held text.</summary>
    public SensitiveValue ClassifyKeyName(string key)
    {
        var kind = SensitiveNames.Classify(key.TrimStart('@', ':', '$'), textValue: true, extraKeywords);
        return kind switch
        {
            SensitiveNameKind.Secret => new SensitiveValue(SensitiveKind.Token, key),
            SensitiveNameKind.Protected => SensitiveValue.Protected,
            _ => SensitiveValue.None,
        };
    }

    /// <summary>True when the stream or writer goes to a file (FileStream, File.Create/OpenWrite/AppendText, isolated storage).</summary>
    public bool IsFileTarget(IOperation? operation) => IsFileTarget(operation, 0);

    /// <summary>True when the body saves or tracks EF entities (walks the body once; call only after a cheaper check).</summary>
    public bool SavesEntities(StorageSinks sinks)
    {
        savesEntities ??= BodyCalls(sinks.IsEntitySave);
        return savesEntities.Value;
    }

    /// <summary>True when the body calls a method matching <paramref name="predicate"/> (walks the body; call only after a cheaper check).</summary>
    public bool BodyCalls(Func<IMethodSymbol, bool> predicate)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && predicate(invocation.TargetMethod))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private SensitiveValue Classify(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return SensitiveValue.None;
        }

        operation = OperationTree.Unwrap(operation);
        if (operation.Type is { } type && symbols.IsNeverSecret(type))
        {
            return SensitiveValue.None;
        }

        switch (operation)
        {
            case ILiteralOperation:
            case IDefaultValueOperation:
                return SensitiveValue.None;
            case ILocalReferenceOperation local:
                return ClassifyLocal(local.Local, depth);
            case IParameterReferenceOperation parameter:
                return ClassifyParameter(parameter.Parameter, depth);
            case IFieldReferenceOperation field:
                return field.Field.IsConst ? SensitiveValue.None : ClassifyNamed(field.Field.Name, field.Field.Type);
            case IPropertyReferenceOperation property:
                return ClassifyProperty(property, depth);
            case IInterpolatedStringOperation interpolated:
                return ClassifyInterpolation(interpolated, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return AsText(Combine(Classify(binary.LeftOperand, depth + 1), Classify(binary.RightOperand, depth + 1)), binary.LeftOperand, binary.RightOperand);
            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, depth);
            case IAwaitOperation awaited:
                return Classify(awaited.Operation, depth + 1);
            case IConditionalOperation conditional:
                return Combine(Classify(conditional.WhenTrue, depth + 1), Classify(conditional.WhenFalse, depth + 1));
            case ICoalesceOperation coalesce:
                return Combine(Classify(coalesce.Value, depth + 1), Classify(coalesce.WhenNull, depth + 1));
            case IConditionalAccessOperation conditionalAccess:
                return Classify(conditionalAccess.WhenNotNull, depth + 1);
            case ISwitchExpressionOperation switchExpression:
                {
                    var result = SensitiveValue.None;
                    foreach (var arm in switchExpression.Arms)
                    {
                        result = Combine(result, Classify(arm.Value, depth + 1));
                    }

                    return result;
                }

            case IAssignmentOperation assignment:
                return Classify(assignment.Value, depth + 1);
            case IObjectCreationOperation creation:
                return ClassifyCreation(creation, depth);
            case IAnonymousObjectCreationOperation anonymous:
                {
                    var result = SensitiveValue.None;
                    foreach (var initializer in anonymous.Initializers)
                    {
                        result = Combine(result, Classify(initializer, depth + 1));
                    }

                    return result.IsSensitive ? result.WithKind(SensitiveKind.Holder) : SensitiveValue.None;
                }

            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                {
                    var result = SensitiveValue.None;
                    foreach (var element in arrayInitializer.ElementValues)
                    {
                        result = Combine(result, Classify(element, depth + 1));
                    }

                    return result;
                }

            default:
                return SensitiveValue.None;
        }
    }

    private SensitiveValue ClassifyNamed(string name, ITypeSymbol? type)
    {
        var text = symbols.IsText(type);
        var untyped = type is null || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic;
        switch (SensitiveNames.Classify(name, text, extraKeywords))
        {
            case SensitiveNameKind.Protected:
                return SensitiveValue.Protected;
            case SensitiveNameKind.ConnectionString:
                return countConnectionStrings && (text || untyped) ? new SensitiveValue(SensitiveKind.ConnectionString, name) : SensitiveValue.None;
            case SensitiveNameKind.Secret:
                if (text || untyped)
                {
                    return new SensitiveValue(SensitiveKind.Token, name);
                }

                break;
        }

        return symbols.TokenMemberOf(type) is { } member ? new SensitiveValue(SensitiveKind.HolderType, name, member) : SensitiveValue.None;
    }

    /// <summary>A parameter by its name, unless the body overwrites it with protected values only (<c>data = Hash(data)</c>).</summary>
    private SensitiveValue ClassifyParameter(IParameterSymbol parameter, int depth)
    {
        var byName = ClassifyNamed(parameter.Name, parameter.Type);
        if (byName.Kind != SensitiveKind.None || !EnsureBodyValues().TryGetValues(parameter, out var values))
        {
            return byName;
        }

        foreach (var assigned in values)
        {
            // data = Hash(data): the parameter is read while being overwritten; the write says what it holds afterwards.
            if (assigned.IsCompound || Classify(assigned.Value, depth + 1).Kind != SensitiveKind.Protected)
            {
                return byName;
            }
        }

        return SensitiveValue.Protected;
    }

    private SensitiveValue ClassifyProperty(IPropertyReferenceOperation property, int depth)
    {
        var symbol = property.Property;
        if (symbol.IsIndexer)
        {
            // configuration["Venafi:ApiKey"], tokenResponse["refresh_token"], Request.Headers["tppl-api-key"]
            foreach (var argument in property.Arguments)
            {
                var key = ClassifyKey(argument.Value, property.Type);
                if (key.Kind != SensitiveKind.None)
                {
                    return key;
                }
            }

            // token[0], apiKey[..4]: an element of a secret is not the secret.
            return SensitiveValue.None;
        }

        // configuration.GetSection("Adobe:ClientSecret").Value
        if (symbol.Name == "Value" && property.Instance is IInvocationOperation { Arguments.Length: > 0 } section
            && KeyedReadMethods.Contains(section.TargetMethod.Name))
        {
            var key = ClassifyKey(section.Arguments[0].Value, property.Type);
            if (key.Kind != SensitiveKind.None)
            {
                return key;
            }
        }

        // A DbConnection's connection string carries the password whatever the variable is called.
        if (symbol.Name == "ConnectionString")
        {
            return countConnectionStrings ? new SensitiveValue(SensitiveKind.ConnectionString, symbol.Name) : SensitiveValue.None;
        }

        return ClassifyNamed(symbol.Name, symbol.Type);
    }

    private SensitiveValue ClassifyKey(IOperation keyOperation, ITypeSymbol? valueType)
    {
        if (OperationTree.Unwrap(keyOperation).ConstantValue is not { HasValue: true, Value: string key })
        {
            return SensitiveValue.None;
        }

        var text = valueType is null || symbols.IsText(valueType) || valueType.SpecialType == SpecialType.System_Object || !symbols.IsNeverSecret(valueType);
        return SensitiveNames.Classify(key, text, extraKeywords) switch
        {
            SensitiveNameKind.Secret => new SensitiveValue(SensitiveKind.Token, key),
            SensitiveNameKind.ConnectionString when countConnectionStrings => new SensitiveValue(SensitiveKind.ConnectionString, key),
            SensitiveNameKind.Protected => SensitiveValue.Protected,
            _ => SensitiveValue.None,
        };
    }

    private SensitiveValue ClassifyInterpolation(IInterpolatedStringOperation interpolated, int depth)
    {
        var result = SensitiveValue.None;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation)
            {
                var value = Classify(interpolation.Expression, depth + 1);
                if (value.Kind is SensitiveKind.Holder or SensitiveKind.HolderType)
                {
                    // "{tokens}" calls ToString(): records and anonymous types print their tokens, classes print their type name.
                    value = TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(interpolation.Expression).Type) ? value.WithKind(SensitiveKind.Token) : SensitiveValue.None;
                }

                result = Combine(result, value);
            }
        }

        return result;
    }

    private SensitiveValue ClassifyInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;

        if (IsProtector(method))
        {
            return SensitiveValue.Protected;
        }

        // MSAL's serialized token cache is every token the app holds.
        if (name is "SerializeMsalV3" or "SerializeMsalV2" or "SerializeAdalV3")
        {
            return new SensitiveValue(SensitiveKind.Token, "the MSAL token cache");
        }

        var containing = method.ContainingType;
        var instance = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        if (containing?.SpecialType == SpecialType.System_String && method.IsStatic && ValueCarriers.SecretKeepingStringMethods.Contains(name))
        {
            return ClassifyArguments(invocation, depth);
        }

        // BitConverter.ToString(bytes): the bytes as hex, hashed bytes included.
        if (name == "ToString" && SymbolEqualityComparer.Default.Equals(containing, symbols.BitConverter))
        {
            return ClassifyArguments(invocation, depth);
        }

        if (SymbolEqualityComparer.Default.Equals(containing, symbols.Convert) && ValueCarriers.SecretKeepingConvertMethods.Contains(name))
        {
            return ClassifyArguments(invocation, depth);
        }

        if (name.StartsWith("Serialize", StringComparison.Ordinal) && IsSerializer(containing) && !method.ReturnsVoid && !IsTask(method.ReturnType))
        {
            var value = SerializedValue(invocation);
            var verdict = Classify(value, depth + 1);
            return verdict.IsSensitive ? verdict.WithKind(SensitiveKind.Token) : verdict;
        }

        if (name is "GetBytes" or "GetString" or "GetChars" && TokenFlowSymbols.Is(containing, symbols.Encoding))
        {
            return ClassifyArguments(invocation, depth);
        }

        // configuration.GetValue<string>("Adobe:ClientSecret"), Environment.GetEnvironmentVariable("VENAFI_API_KEY"), GetConnectionString("Default")
        if (KeyedReadMethods.Contains(name))
        {
            if (name == "GetConnectionString")
            {
                return countConnectionStrings ? new SensitiveValue(SensitiveKind.ConnectionString, "connection string") : SensitiveValue.None;
            }

            var keyIndex = method.IsExtensionMethod && invocation.Instance is null ? 1 : 0;
            if (invocation.Arguments.Length > keyIndex)
            {
                var key = ClassifyKey(invocation.Arguments[keyIndex].Value, UnwrapTask(invocation.Type));
                if (key.Kind != SensitiveKind.None)
                {
                    return key;
                }
            }
        }

        if (instance is not null && ValueCarriers.SecretKeepingInstanceMethods.Contains(name))
        {
            var carried = Classify(instance, depth + 1);
            if (carried.Kind is SensitiveKind.Holder or SensitiveKind.HolderType)
            {
                return name == "ToString" && TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(instance).Type) ? carried.WithKind(SensitiveKind.Token) : SensitiveValue.None;
            }

            if (carried.Kind != SensitiveKind.None)
            {
                return carried;
            }

            // StringBuilder.Append(token) and friends carry their argument into the result.
            if (name.StartsWith("Append", StringComparison.Ordinal) || name == "Insert")
            {
                return ClassifyArguments(invocation, depth);
            }
        }

        // Methods named for what they return: GetAccessTokenAsync(), ReadRefreshToken(), LoadApiKey().
        var resultType = UnwrapTask(invocation.Type);
        if (resultType is not null && !symbols.IsNeverSecret(resultType))
        {
            var stripped = StripVerb(name);
            var named = ClassifyNamed(stripped, resultType);
            if (named.Kind is SensitiveKind.Token or SensitiveKind.ConnectionString or SensitiveKind.Protected)
            {
                return named;
            }

            if (symbols.TokenMemberOf(resultType) is { } member)
            {
                return new SensitiveValue(SensitiveKind.HolderType, name, member);
            }
        }

        return SensitiveValue.None;
    }

    private SensitiveValue ClassifyCreation(IObjectCreationOperation creation, int depth)
    {
        var type = creation.Type;
        var holderType = symbols.IsTokenHolder(type);
        var result = SensitiveValue.None;
        var unknownTokenMember = false;

        foreach (var argument in creation.Arguments)
        {
            var value = Classify(argument.Value, depth + 1);
            result = Combine(result, value);
            if (holderType && value.Kind == SensitiveKind.None && argument.Parameter is { } parameter
                && SensitiveNames.Classify(parameter.Name, symbols.IsText(parameter.Type), extraKeywords) == SensitiveNameKind.Secret
                && !OperationTree.IsLiteralOrNull(argument.Value))
            {
                unknownTokenMember = true;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var child in initializer.Initializers)
            {
                if (child is IAssignmentOperation assignment)
                {
                    var value = Classify(assignment.Value, depth + 1);
                    if (value.IsSecretText && assignment.Target is IMemberReferenceOperation target)
                    {
                        // new StoredTokens { RefreshToken = token }: the member the token went into names the object's secret.
                        value = new SensitiveValue(value.Kind, value.Name, target.Member.Name);
                    }

                    result = Combine(result, value);
                    if (holderType && value.Kind == SensitiveKind.None && !OperationTree.IsLiteralOrNull(assignment.Value) && TargetIsTokenMember(assignment.Target))
                    {
                        unknownTokenMember = true;
                    }
                }
                else if (child is IInvocationOperation add)
                {
                    // Collection initializers: new Dictionary<string, string> { { "refresh_token", token } }
                    result = Combine(result, ClassifyArguments(add, depth));
                }
            }
        }

        if (type?.SpecialType == SpecialType.System_String || SymbolEqualityComparer.Default.Equals(type, symbols.StringBuilder))
        {
            return result;
        }

        if (result.IsSensitive)
        {
            return result.WithKind(SensitiveKind.Holder);
        }

        // A token record built here from values we cannot see (a method's result): assume it holds the raw tokens.
        return unknownTokenMember ? new SensitiveValue(SensitiveKind.HolderType, type?.Name, symbols.TokenMemberOf(type)) : holderType ? SensitiveValue.Protected : SensitiveValue.None;
    }

    private bool TargetIsTokenMember(IOperation target) => target switch
    {
        IPropertyReferenceOperation property => SensitiveNames.Classify(property.Property.Name, symbols.IsText(property.Type), extraKeywords) == SensitiveNameKind.Secret,
        IFieldReferenceOperation field => SensitiveNames.Classify(field.Field.Name, symbols.IsText(field.Type), extraKeywords) == SensitiveNameKind.Secret,
        _ => false,
    };

    private SensitiveValue ClassifyArguments(IInvocationOperation invocation, int depth)
    {
        var result = SensitiveValue.None;
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (argument.ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    result = Combine(result, AsTextPart(Classify(element, depth + 1), element));
                }
            }
            else
            {
                result = Combine(result, AsTextPart(Classify(value, depth + 1), value));
            }
        }

        return result;
    }

    private SensitiveValue ClassifyLocal(ILocalSymbol local, int depth)
    {
        var body = EnsureBodyValues();
        if (localCache!.TryGetValue(local, out var cached))
        {
            return cached;
        }

        // Guards cycles (token = token.Trim()): a local under evaluation counts as unknown.
        localCache[local] = SensitiveValue.None;

        var byName = ClassifyNamed(local.Name, local.Type);
        SensitiveValue result;
        if (byName.Kind == SensitiveKind.Protected)
        {
            result = byName;
        }
        else if (byName.Kind == SensitiveKind.ConnectionString && IsBuiltWithoutPassword(local, body))
        {
            // var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Cache = … }.ToString(): no password in it.
            result = SensitiveValue.None;
        }
        else
        {
            var flowed = SensitiveValue.None;
            var assignedCount = 0;
            var protectedCount = 0;
            if (body.TryGetValues(local, out var values))
            {
                foreach (var assigned in values)
                {
                    var value = assigned.Value;
                    assignedCount++;
                    var verdict = Classify(value, depth + 1);
                    if (verdict.Kind == SensitiveKind.Protected || (verdict.Kind == SensitiveKind.None && OperationTree.IsLiteralOrNull(value)))
                    {
                        protectedCount++;
                    }

                    flowed = Combine(flowed, verdict);
                }
            }

            // stored.RefreshToken = token; — the object now holds a raw token.
            if (body.TryGetMemberValues(local, out var members))
            {
                foreach (var (member, value) in members)
                {
                    var verdict = Classify(value, depth + 1);
                    if (verdict.IsSensitive)
                    {
                        flowed = Combine(flowed, new SensitiveValue(SensitiveKind.Holder, verdict.Name, member.Name));
                    }
                }
            }

            if (flowed.IsSensitive)
            {
                result = flowed.Kind == SensitiveKind.HolderType || flowed.Kind == SensitiveKind.Holder ? new SensitiveValue(flowed.Kind, local.Name, flowed.Member) : flowed;
            }
            else if (assignedCount > 0 && protectedCount == assignedCount && flowed.Kind == SensitiveKind.Protected)
            {
                result = SensitiveValue.Protected;
            }
            else if (flowed.Kind == SensitiveKind.Protected && byName.Kind == SensitiveKind.None)
            {
                // data = ReadLine(); … data = Convert.ToBase64String(sha512.ComputeHash(…)): a value the body hashes or
                // protects before the sink is the protected one (flow-insensitive, the protected write is taken as the last).
                result = SensitiveValue.Protected;
            }
            else if (flowed.Kind == SensitiveKind.Protected && byName.Kind == SensitiveKind.HolderType)
            {
                // var stored = new StoredTokens { RefreshToken = protector.Protect(...) }: built here from protected values.
                result = SensitiveValue.Protected;
            }
            else
            {
                result = byName;
            }
        }

        localCache[local] = result;
        return result;
    }

    /// <summary>
    /// Every value of <paramref name="local"/> is the text of a connection-string builder made in this body (<c>builder.ToString()</c>,
    /// <c>builder.ConnectionString</c>) that is never given a password (<c>Password</c>, <c>Pwd</c>, an indexer): a connection
    /// string by name that carries no credential.
    /// </summary>
    private static bool IsBuiltWithoutPassword(ILocalSymbol local, BodyValues body)
    {
        if (!body.TryGetValues(local, out var values) || values.Count == 0)
        {
            return false;
        }

        foreach (var assigned in values)
        {
            var builder = OperationTree.Unwrap(assigned.Value) switch
            {
                IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance } => OperationTree.Unwrap(instance),
                IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: { } instance } => OperationTree.Unwrap(instance),
                _ => null,
            };
            if (assigned.IsCompound || builder is not ILocalReferenceOperation builderLocal
                || builderLocal.Type?.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal) != true
                || !body.TryGetValues(builderLocal.Local, out var creations))
            {
                return false;
            }

            foreach (var creation in creations)
            {
                if (OperationTree.Unwrap(creation.Value) is not IObjectCreationOperation { Arguments.Length: 0 } created || SetsPassword(created.Initializer))
                {
                    return false;
                }
            }

            if (body.TryGetMemberValues(builderLocal.Local, out var members))
            {
                foreach (var (member, _) in members)
                {
                    if (IsPasswordMember(member))
                    {
                        return false;
                    }
                }
            }
        }

        return true;

        static bool SetsPassword(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return false;
            }

            foreach (var child in initializer.Initializers)
            {
                if (child is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: false } property } } || IsPasswordMember(property))
                {
                    return true;
                }
            }

            return false;
        }

        static bool IsPasswordMember(ISymbol member) =>
            member is IPropertySymbol { IsIndexer: true } || CredentialNames.Classify(member.Name) == CredentialNameKind.Credential;
    }

    private bool IsFileTarget(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        operation = OperationTree.Unwrap(operation);
        if (TokenFlowSymbols.Is(operation.Type, symbols.FileStream))
        {
            return true;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (EnsureBodyValues().TryGetValues(local.Local, out var values))
                {
                    foreach (var value in values)
                    {
                        if (IsFileTarget(value.Value, depth + 1))
                        {
                            return true;
                        }
                    }
                }

                return false;
            case IInvocationOperation invocation:
                {
                    var containing = invocation.TargetMethod.ContainingType;
                    var name = invocation.TargetMethod.Name;
                    if (SymbolEqualityComparer.Default.Equals(containing, symbols.File) || SymbolEqualityComparer.Default.Equals(containing, symbols.FileInfo))
                    {
                        return name is "Create" or "Open" or "OpenWrite" or "CreateText" or "AppendText" or "OpenHandle";
                    }

                    if (SymbolEqualityComparer.Default.Equals(containing, symbols.IsolatedStorageFile))
                    {
                        return name is "CreateFile" or "OpenFile";
                    }

                    // XmlWriter.Create(path or stream)
                    if (name == "Create" && SymbolEqualityComparer.Default.Equals(containing, symbols.XmlWriter) && invocation.Arguments.Length > 0)
                    {
                        var target = invocation.Arguments[0].Value;
                        return OperationTree.Unwrap(target).Type?.SpecialType == SpecialType.System_String || IsFileTarget(target, depth + 1);
                    }

                    return false;
                }

            case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                {
                    // new StreamWriter(path), new StreamWriter(stream), new BinaryWriter(stream), new JsonTextWriter(writer), new Utf8JsonWriter(stream)
                    var type = creation.Type;
                    if (TokenFlowSymbols.Is(type, symbols.TextWriter) || TokenFlowSymbols.Is(type, symbols.BinaryWriter)
                        || SymbolEqualityComparer.Default.Equals(type, symbols.Utf8JsonWriter) || TokenFlowSymbols.Is(type, symbols.NewtonsoftJsonTextWriter))
                    {
                        var target = creation.Arguments[0].Value;
                        return (OperationTree.Unwrap(target).Type?.SpecialType == SpecialType.System_String && TokenFlowSymbols.Is(type, symbols.StreamWriter))
                            || IsFileTarget(target, depth + 1);
                    }

                    return false;
                }

            default:
                return false;
        }
    }

    private bool IsProtector(IMethodSymbol method)
    {
        if (symbols.IsBuiltInProtector(method))
        {
            return true;
        }

        // EncryptToken(), ProtectAsync(), HashApiKey(): the method says what it does.
        if (!IsUnprotect(method.Name) && SensitiveNames.SaysProtected(method.Name))
        {
            return true;
        }

        if (!userProtectors.IsDefaultOrEmpty && method.ContainingType is { } type
            && SensitiveNames.MatchesProtector(userProtectors, type.ToDisplayString(), type.Name, method.Name))
        {
            return true;
        }

        // The project's own wrapper around a protector: Shield(token) whose body hashes or encrypts.
        return LiteralOrigins.IsInSource(method) && symbols.WrapsProtector(method);
    }

    private static bool IsUnprotect(string name) =>
        name.StartsWith("Unprotect", StringComparison.Ordinal) || name.StartsWith("Decrypt", StringComparison.Ordinal) || name.StartsWith("Unwrap", StringComparison.Ordinal);

    private bool IsSerializer(INamedTypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, symbols.SystemTextJsonSerializer)
            || SymbolEqualityComparer.Default.Equals(type, symbols.NewtonsoftJsonConvert)
            || TokenFlowSymbols.Is(type, symbols.NewtonsoftJsonSerializer)
            || TokenFlowSymbols.Is(type, symbols.XmlSerializer));

    /// <summary>The object a serializer call writes: the argument bound to "value"/"o"/"obj", else the first object-typed one.</summary>
    public static IOperation? SerializedValue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "value" or "o" or "obj" or "graph")
            {
                return argument.Value;
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_Object || argument.Parameter?.Type.TypeKind == TypeKind.TypeParameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsTask(ITypeSymbol type) => type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static ITypeSymbol? UnwrapTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && IsTask(named) ? named.TypeArguments[0] : type;

    private static string StripVerb(string name)
    {
        if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5)
        {
            name = name.Substring(0, name.Length - 5);
        }

        foreach (var verb in Verbs)
        {
            if (name.Length > verb.Length && name.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(name[verb.Length]))
            {
                return name.Substring(verb.Length);
            }
        }

        return name;
    }

    private static SensitiveValue Combine(SensitiveValue first, SensitiveValue second)
    {
        // Sensitive beats protected beats unknown; among sensitive kinds, secret text beats holders.
        static int Rank(SensitiveKind kind) => kind switch
        {
            SensitiveKind.Token => 5,
            SensitiveKind.ConnectionString => 4,
            SensitiveKind.Holder => 3,
            SensitiveKind.HolderType => 2,
            SensitiveKind.Protected => 1,
            _ => 0,
        };

        return Rank(second.Kind) > Rank(first.Kind) ? second : first;
    }

    /// <summary>A holder turned into text ("…" + tokens) is only a secret when its ToString prints its members.</summary>
    private static SensitiveValue AsTextPart(SensitiveValue value, IOperation operation) =>
        value.Kind is SensitiveKind.Holder or SensitiveKind.HolderType
            ? TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(operation).Type) ? value.WithKind(SensitiveKind.Token) : SensitiveValue.None
            : value;

    private static SensitiveValue AsText(SensitiveValue combined, IOperation left, IOperation right)
    {
        if (combined.Kind is SensitiveKind.Holder or SensitiveKind.HolderType)
        {
            return TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(left).Type) || TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(right).Type)
                ? combined.WithKind(SensitiveKind.Token)
                : SensitiveValue.None;
        }

        return combined;
    }

    private BodyValues EnsureBodyValues()
    {
        if (bodyValues is null)
        {
            bodyValues = BodyValues.Of(blocks[0]);
            localCache = new Dictionary<ILocalSymbol, SensitiveValue>(SymbolEqualityComparer.Default);
        }

        return bodyValues;
    }
}
