using System;
using System.Collections.Generic;
using CertKit.Analyzers.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>Where a value may come from, as far as the credential-sink flow follows it.</summary>
internal enum OriginKind : byte
{
    /// <summary>A string literal, a UTF-8 literal or an array of constants written in source.</summary>
    Literal,

    /// <summary>A field or property of this compilation: its initialiser and assignments decide (resolved at compilation end).</summary>
    Member,

    /// <summary>The return value of a method of this compilation (resolved at compilation end).</summary>
    Return,

    /// <summary>A parameter of a method of this compilation: its call sites decide (resolved at compilation end).</summary>
    Parameter,
}

/// <summary>One origin: a literal (with its location and text) or a symbol whose values are resolved later.</summary>
internal readonly struct Origin
{
    private Origin(OriginKind kind, Location? location, string? text, ISymbol? symbol)
    {
        Kind = kind;
        Location = location;
        Text = text;
        Symbol = symbol;
    }

    public OriginKind Kind { get; }

    /// <summary>The literal's location (<see cref="OriginKind.Literal"/> only).</summary>
    public Location? Location { get; }

    /// <summary>The literal's text; null for an array of constants (bytes).</summary>
    public string? Text { get; }

    public ISymbol? Symbol { get; }

    public static Origin Literal(SyntaxNode node, string? text) => new(OriginKind.Literal, node.GetLocation(), text, null);

    public static Origin For(OriginKind kind, ISymbol symbol) => new(kind, null, null, symbol);
}

/// <summary>How a sink reads its value.</summary>
internal enum TraceMode : byte
{
    /// <summary>The whole value is the credential.</summary>
    Whole,

    /// <summary><c>SecureString.AppendChar(c)</c>: the characters of a string (a <c>foreach</c> variable, <c>s[i]</c>) carry it.</summary>
    Elements,

    /// <summary>A connection string: only the part after <c>Password=</c> / <c>Pwd=</c> in a concatenation or interpolation is the credential.</summary>
    ConnectionString,
}

/// <summary>
/// Traces a value back, inside one member body, to where it may come from: literals, and the fields, properties, method
/// returns and parameters of this compilation that <see cref="CredentialFlow"/> resolves at compilation end. It follows
/// locals (every value assigned, flow-insensitive), conversions, <c>?:</c> and <c>??</c>, switch expressions, awaits, and
/// the transformations that keep a secret a secret (<c>Encoding.GetBytes</c>, <c>ToCharArray</c>, <c>Convert.FromBase64String</c>,
/// <c>Trim</c>…). Anything else (configuration, the environment, a prompt, a vault, a decrypt call, another library) is
/// not followed: such values are never reported.
/// </summary>
internal sealed class LiteralOrigins
{
    private const int MaxDepth = 10;

    private readonly INamedTypeSymbol? encoding;
    private readonly INamedTypeSymbol? convert;

    public LiteralOrigins(Compilation compilation)
    {
        encoding = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemTextEncoding);
        convert = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemConvert);
    }

    /// <summary>The origins of <paramref name="value"/>; null when it has none worth recording.</summary>
    public List<Origin>? Trace(IOperation? value, TraceMode mode)
    {
        if (value is null)
        {
            return null;
        }

        List<Origin>? origins = null;
        var visiting = Visiting ?? new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        Visiting = null; // a trace inside a trace (none today) would get a set of its own
        try
        {
            Trace(value, mode, ref origins, 0, visiting);
        }
        finally
        {
            visiting.Clear();
            Visiting = visiting;
        }

        return origins;
    }

    // The locals being followed, one set per thread, emptied after each trace: a trace through a local used to allocate one.
    [ThreadStatic]
    private static HashSet<ILocalSymbol>? Visiting;

    /// <summary>True when the method is declared in this compilation, abstract, virtual and interface methods included.</summary>
    public static bool IsDeclaredInSource(IMethodSymbol method)
    {
        var locations = method.Locations;
        return !method.IsExtern && locations.Length > 0 && locations[0].IsInSource;
    }

    /// <summary>True when a method of this compilation with a body is called: its returns and parameters are followed.</summary>
    public static bool IsInSource(IMethodSymbol method)
    {
        if (method.IsAbstract || method.IsExtern)
        {
            return false;
        }

        var locations = method.Locations;
        return locations.Length > 0 && locations[0].IsInSource;
    }

    private void Trace(IOperation operation, TraceMode mode, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        operation = OperationTree.Unwrap(operation);
        switch (operation)
        {
            case ILiteralOperation literal when mode != TraceMode.ConnectionString:
                if (literal.ConstantValue is { HasValue: true, Value: string text })
                {
                    Add(ref origins, Origin.Literal(literal.Syntax, text));
                }

                return;

            case IUtf8StringOperation utf8 when mode != TraceMode.ConnectionString:
                Add(ref origins, Origin.Literal(utf8.Syntax, utf8.Value));
                return;

            case IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer } array when mode == TraceMode.Whole:
                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return;
                    }
                }

                Add(ref origins, Origin.Literal(array.Syntax, null));
                return;

            case ILocalReferenceOperation local:
                TraceLocal(local, mode, ref origins, depth, visiting);
                return;

            // A whole connection string held by a parameter, field, property or method of this compilation: what those are
            // given is recorded whole (a literal connection string, whose Password= the name-based check judges), never
            // cut at Password=, so it says nothing about the password.
            case IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation when mode == TraceMode.ConnectionString:
                return;

            case IParameterReferenceOperation parameter:
                if (parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } method
                    && IsInSource(method))
                {
                    Add(ref origins, Origin.For(OriginKind.Parameter, parameter.Parameter.OriginalDefinition));
                }

                return;

            case IFieldReferenceOperation field:
                if (IsSourceMember(field.Field))
                {
                    Add(ref origins, Origin.For(OriginKind.Member, field.Field.OriginalDefinition));
                }

                return;

            case IPropertyReferenceOperation property:
                TraceProperty(property, mode, ref origins, depth, visiting);
                return;

            case IInvocationOperation invocation:
                TraceInvocation(invocation, mode, ref origins, depth, visiting);
                return;

            case IAwaitOperation awaited:
                Trace(awaited.Operation, mode, ref origins, depth + 1, visiting);
                return;

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                Trace(conditional.WhenTrue, mode, ref origins, depth + 1, visiting);
                Trace(conditional.WhenFalse, mode, ref origins, depth + 1, visiting);
                return;

            case ICoalesceOperation coalesce:
                Trace(coalesce.Value, mode, ref origins, depth + 1, visiting);
                Trace(coalesce.WhenNull, mode, ref origins, depth + 1, visiting);
                return;

            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Trace(arm.Value, mode, ref origins, depth + 1, visiting);
                }

                return;

            case IAssignmentOperation assignment:
                Trace(assignment.Value, mode, ref origins, depth + 1, visiting);
                return;

            case IArrayElementReferenceOperation element when mode == TraceMode.Elements:
                Trace(element.ArrayReference, TraceMode.Whole, ref origins, depth + 1, visiting);
                return;

            case IArrayElementReferenceOperation element when mode == TraceMode.Whole:
                // passwords[0]: the elements the array was built with or given.
                TraceElements(element.ArrayReference, null, ref origins, depth + 1, visiting);
                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } when mode == TraceMode.ConnectionString:
            case IInterpolatedStringOperation when mode == TraceMode.ConnectionString:
                TraceConnectionStringParts(operation, ref origins, depth, visiting);
                return;
        }
    }

    private void TraceLocal(ILocalReferenceOperation reference, TraceMode mode, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        var local = reference.Local;
        visiting ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!visiting.Add(local))
        {
            return;
        }

        var table = BodyValues.Of(reference);
        if (table.TryGetValues(local, out var values))
        {
            foreach (var value in values)
            {
                // x += "…" appends to x: the sink does not get that literal as its whole value.
                if (!value.IsCompound)
                {
                    Trace(value.Value, mode, ref origins, depth + 1, visiting);
                }
            }
        }

        // foreach (var c in "P@ssw0rd") secure.AppendChar(c);
        if (mode == TraceMode.Elements && table.TryGetForEachCollection(local, out var collection))
        {
            Trace(collection, TraceMode.Whole, ref origins, depth + 1, visiting);
        }

        visiting.Remove(local);
    }

    /// <summary>
    /// The elements of a collection built in this body: array and collection initialisers, <c>Add</c>/<c>Insert</c>/indexer
    /// writes on a local. With a constant <paramref name="key"/>, only elements written under that key (or an unknown one).
    /// </summary>
    private void TraceElements(IOperation collection, IOperation? key, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var keyText = key is null ? null : OperationTree.Unwrap(key).ConstantValue is { HasValue: true, Value: string text } ? text : null;
        switch (OperationTree.Unwrap(collection))
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Trace(element, TraceMode.Whole, ref origins, depth + 1, visiting);
                }

                return;

            case IObjectCreationOperation { Initializer: { } initializer }:
                foreach (var child in initializer.Initializers)
                {
                    switch (child)
                    {
                        // new List<string> { "a" }, new Dictionary<string, string> { { "password", "…" } }
                        case IInvocationOperation { Arguments.Length: > 0 } add:
                            if (add.Arguments.Length == 1 || SameKey(keyText, add.Arguments[0].Value))
                            {
                                Trace(add.Arguments[add.Arguments.Length - 1].Value, TraceMode.Whole, ref origins, depth + 1, visiting);
                            }

                            break;

                        // { ["password"] = "…" }
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                            if (SameKey(keyText, indexer.Arguments[0].Value))
                            {
                                Trace(assignment.Value, TraceMode.Whole, ref origins, depth + 1, visiting);
                            }

                            break;
                    }
                }

                return;

            case ILocalReferenceOperation local:
                visiting ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                if (!visiting.Add(local.Local))
                {
                    return;
                }

                var table = BodyValues.Of(local);
                if (table.TryGetValues(local.Local, out var values))
                {
                    foreach (var value in values)
                    {
                        if (!value.IsCompound)
                        {
                            TraceElements(value.Value, key, ref origins, depth + 1, visiting);
                        }
                    }
                }

                if (table.TryGetElementValues(local.Local, out var elements))
                {
                    foreach (var (elementKey, value) in elements)
                    {
                        if (elementKey is null || SameKey(keyText, elementKey))
                        {
                            Trace(value, TraceMode.Whole, ref origins, depth + 1, visiting);
                        }
                    }
                }

                visiting.Remove(local.Local);
                return;
        }
    }

    /// <summary>An element written under <paramref name="writtenKey"/> can be the one read under <paramref name="readKey"/> (unknown keys can).</summary>
    private static bool SameKey(string? readKey, IOperation writtenKey) =>
        readKey is null || OperationTree.Unwrap(writtenKey).ConstantValue is not { HasValue: true, Value: string written } || string.Equals(readKey, written, StringComparison.Ordinal);

    private void TraceProperty(IPropertyReferenceOperation reference, TraceMode mode, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        var property = reference.Property;
        if (property.IsIndexer)
        {
            // password[i] in a SecureString loop; otherwise an element of a secret is not the secret.
            if (mode == TraceMode.Elements && reference.Instance is { } instance && instance.Type?.SpecialType == SpecialType.System_String)
            {
                Trace(instance, TraceMode.Whole, ref origins, depth + 1, visiting);
            }
            else if (mode == TraceMode.Whole && reference.Instance is { Type.SpecialType: not SpecialType.System_String } collection && reference.Arguments.Length == 1)
            {
                // settings["password"], secrets[0]: the elements of a collection built in this body, under the same key.
                TraceElements(collection, reference.Arguments[0].Value, ref origins, depth + 1, visiting);
            }

            return;
        }

        if (IsSourceMember(property))
        {
            Add(ref origins, Origin.For(OriginKind.Member, property.OriginalDefinition));
            if (property.GetMethod is { } getter)
            {
                Add(ref origins, Origin.For(OriginKind.Return, getter.OriginalDefinition));
            }
        }
    }

    private void TraceInvocation(IInvocationOperation invocation, TraceMode mode, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var name = method.Name;
        var next = mode == TraceMode.ConnectionString ? TraceMode.ConnectionString : TraceMode.Whole;

        // Encoding.UTF8.GetBytes("...") / GetString(bytes) / GetChars: the same secret in another form.
        if (name is "GetBytes" or "GetString" or "GetChars" && invocation.Arguments.Length > 0 && TokenFlowSymbols.Is(type, encoding))
        {
            Trace(invocation.Arguments[0].Value, TraceMode.Whole, ref origins, depth + 1, visiting);
            return;
        }

        if (ValueCarriers.LiteralKeepingConvertMethods.Contains(name) && invocation.Arguments.Length > 0 && SymbolEqualityComparer.Default.Equals(type, convert))
        {
            Trace(invocation.Arguments[0].Value, TraceMode.Whole, ref origins, depth + 1, visiting);
            return;
        }

        if (invocation.Instance is { } instance && ValueCarriers.LiteralKeepingInstanceMethods.Contains(name)
            && (instance.Type?.SpecialType == SpecialType.System_String || instance.Type is IArrayTypeSymbol
                || instance.Type is INamedTypeSymbol { IsGenericType: true, Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" }))
        {
            Trace(instance, next, ref origins, depth + 1, visiting);
            return;
        }

        // Abstract, virtual and interface methods too: their overrides' and implementations' returns are recorded under them.
        if (mode != TraceMode.ConnectionString && IsDeclaredInSource(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !method.ReturnsVoid)
        {
            Add(ref origins, Origin.For(OriginKind.Return, method.OriginalDefinition));
        }
    }

    /// <summary><c>"Server=db;Password=" + password</c>, <c>$"...;Pwd={password}"</c>: the parts right after a password key.</summary>
    private void TraceConnectionStringParts(IOperation operation, ref List<Origin>? origins, int depth, HashSet<ILocalSymbol>? visiting)
    {
        var parts = new List<IOperation>();
        Flatten(operation, parts, 0);
        var afterPasswordKey = false;
        foreach (var part in parts)
        {
            var inner = OperationTree.Unwrap(part);
            if (inner.ConstantValue is { HasValue: true, Value: string text } && inner is ILiteralOperation)
            {
                if (afterPasswordKey && text.Length > 0)
                {
                    // "...;Password=" + "literal" is folded by the compiler; report the literal part.
                    var end = text.IndexOf(';');
                    if (end != 0)
                    {
                        Add(ref origins, Origin.Literal(inner.Syntax, end < 0 ? text : text.Substring(0, end)));
                    }
                }

                afterPasswordKey = CredentialSinkNames.EndsWithPasswordKey(text);
                continue;
            }

            if (afterPasswordKey)
            {
                Trace(part, TraceMode.Whole, ref origins, depth + 1, visiting);
            }

            afterPasswordKey = false;
        }
    }

    private static void Flatten(IOperation operation, List<IOperation> parts, int depth)
    {
        operation = OperationTree.Unwrap(operation);
        if (depth > 64)
        {
            parts.Add(operation);
            return;
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Flatten(binary.LeftOperand, parts, depth + 1);
                Flatten(binary.RightOperand, parts, depth + 1);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(text.Text);
                            break;
                        case IInterpolationOperation interpolation:
                            parts.Add(interpolation.Expression);
                            break;
                    }
                }

                return;
            default:
                parts.Add(operation);
                return;
        }
    }

    private static bool IsSourceMember(ISymbol member)
    {
        var locations = member.Locations;
        return locations.Length > 0 && locations[0].IsInSource;
    }

    private static void Add(ref List<Origin>? origins, Origin origin)
    {
        origins ??= new List<Origin>(2);
        origins.Add(origin);
    }
}
