using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>Which table of <see cref="CredentialFlow"/> a recorded value goes to.</summary>
internal enum FlowTable : byte
{
    /// <summary>What a field or property of this compilation is given.</summary>
    Member,

    /// <summary>What a method of this compilation returns.</summary>
    Return,

    /// <summary>What a parameter of a method of this compilation is given at one call.</summary>
    Argument,
}

/// <summary>What one operation tells the credential flow: the sinks it gives a value to (every category) and the values it records.</summary>
internal sealed class OperationFlow
{
    public static readonly OperationFlow None = new(null, null);

    public OperationFlow(List<(Sink Sink, List<Origin> Origins)>? hits, List<(FlowTable Table, ISymbol Symbol, List<Origin> Origins)>? records)
    {
        Hits = hits;
        Records = records;
    }

    /// <summary>Sinks whose value has origins, with those origins; null when none.</summary>
    public List<(Sink Sink, List<Origin> Origins)>? Hits { get; }

    /// <summary>Origins recorded for members, returns and parameters; null when none.</summary>
    public List<(FlowTable Table, ISymbol Symbol, List<Origin> Origins)>? Records { get; }
}

/// <summary>
/// The part of the credential flow that reads operations: for each operation, the sinks of every category it gives a value
/// to and the origins of that value, and what it records for members, returns and parameters. One
/// <see cref="CredentialFlow"/> asks it once per operation for CK1002, CK1003 and CK2001 alike (one analyzer hosts the flow
/// of the three rules); each rule's judge then sees only its category's sinks. Pure: the answer depends on the operation alone.
/// </summary>
internal sealed class CredentialFlowRecords
{
    public CredentialFlowRecords(Compilation compilation, ImmutableArray<string> credentialKeywords)
    {
        Sinks = new CredentialSinks(compilation, credentialKeywords);
        Origins = new LiteralOrigins(compilation);
    }

    public CredentialSinks Sinks { get; }

    public LiteralOrigins Origins { get; }

    /// <summary>
    /// What <paramref name="operation"/> (an invocation, creation, assignment or initialiser) tells the flow. Most operations
    /// carry no text, bytes or characters to a sink or a record: those are answered from their types (<see cref="MayFlow"/>).
    /// </summary>
    public OperationFlow Of(IOperation operation) => MayFlow(operation) ? Compute(operation) : OperationFlow.None;

    /// <summary>What a return records: its value's origins for the method it returns from and the methods that one overrides or implements.</summary>
    public OperationFlow OfReturn(IReturnOperation returned, ISymbol containing) => MayFlow(returned) ? ComputeReturn(returned, containing) : OperationFlow.None;

    /// <summary>
    /// False when <see cref="Compute"/> or <see cref="ComputeReturn"/> would answer <see cref="OperationFlow.None"/> for a reason
    /// read off symbols alone: no argument, target, initialised member or returned value of a type a credential travels in,
    /// and no <c>SecureString.AppendChar</c> or cookie call. Every condition here is one those methods check first.
    /// </summary>
    private bool MayFlow(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return MayFlowThroughCall(invocation.TargetMethod, invocation.Arguments);
            case IObjectCreationOperation creation:
                return creation.Constructor is { } constructor && MayFlowThroughCall(constructor, creation.Arguments);
            case ISimpleAssignmentOperation { Target: var target }:
                return target is IPropertyReferenceOperation { Property: var assigned } && (assigned.IsIndexer || Sinks.IsCredentialType(assigned.Type))
                    || Sinks.IsCredentialType(target.Type);
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    if (Sinks.IsCredentialType(field.Type))
                    {
                        return true;
                    }
                }

                return false;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    if (Sinks.IsCredentialType(property.Type))
                    {
                        return true;
                    }
                }

                return false;
            case IReturnOperation returned:
                return returned.ReturnedValue is { } value && Sinks.IsCredentialType(value.Type);
            default:
                return true;
        }
    }

    private bool MayFlowThroughCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> callArguments)
    {
        if (callArguments.IsEmpty)
        {
            return false;
        }

        if (method.Name == "AppendChar" || Sinks.IsCookieMethod(method))
        {
            return true;
        }

        foreach (var argument in callArguments)
        {
            if (argument.Parameter is { } parameter && Sinks.IsCredentialType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private OperationFlow ComputeReturn(IReturnOperation returned, ISymbol containing)
    {
        if (returned.ReturnedValue is not { } value || !Sinks.IsCredentialType(value.Type) || ReturningMethod(returned, containing) is not { } method
            || Origins.Trace(value, TraceMode.Whole) is not { } found)
        {
            return OperationFlow.None;
        }

        // What an override or an implementation returns is what a call of the virtual, abstract or interface method returns.
        var records = new List<(FlowTable, ISymbol, List<Origin>)> { (FlowTable.Return, method.OriginalDefinition, found) };
        foreach (var related in CredentialFlow.Overridden(method))
        {
            records.Add((FlowTable.Return, related.OriginalDefinition, found));
        }

        return new OperationFlow(null, records);
    }

    /// <summary>The method a return belongs to: a local function's own symbol; null inside a lambda (its value is not the method's).</summary>
    private static IMethodSymbol? ReturningMethod(IReturnOperation returned, ISymbol containing)
    {
        for (var parent = returned.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
            }
        }

        return containing as IMethodSymbol;
    }

    private OperationFlow Compute(IOperation operation)
    {
        List<(Sink, List<Origin>)>? hits = null;
        List<(FlowTable, ISymbol, List<Origin>)>? records = null;
        switch (operation)
        {
            case IInvocationOperation invocation:
                OnCall(invocation.TargetMethod, invocation.Arguments, ref hits, ref records);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                OnCall(constructor, creation.Arguments, ref hits, ref records);
                break;
            case ISimpleAssignmentOperation assignment:
                OnAssignment(assignment, ref hits, ref records);
                break;
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    if (Sinks.IsCredentialType(field.Type) && Origins.Trace(fieldInitializer.Value, TraceMode.Whole) is { } found)
                    {
                        Add(ref records, (FlowTable.Member, field.OriginalDefinition, found));
                    }
                }

                break;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    if (Sinks.IsCredentialType(property.Type) && Origins.Trace(propertyInitializer.Value, TraceMode.Whole) is { } found)
                    {
                        Add(ref records, (FlowTable.Member, property.OriginalDefinition, found));
                    }
                }

                break;
        }

        return hits is null && records is null ? OperationFlow.None : new OperationFlow(hits, records);
    }

    private void OnCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> callArguments, ref List<(Sink, List<Origin>)>? hits, ref List<(FlowTable, ISymbol, List<Origin>)>? records)
    {
        if (callArguments.IsEmpty)
        {
            return;
        }

        if (Sinks.CookieValue(method, callArguments, out var cookieName) is { } value)
        {
            var sink = new Sink(SinkCategory.Cookie, "the authentication cookie '" + cookieName + "'", cookieName, Detection.CredentialNameKind.Credential, value.Syntax.GetLocation());
            AddHit(ref hits, sink, value.Value, TraceMode.Whole);
        }

        foreach (var argument in callArguments)
        {
            if (Sinks.ForArgument(method, argument, out var mode) is { } sink)
            {
                AddHit(ref hits, sink, argument.Value, mode);
            }
        }

        // A method of this compilation (abstract, virtual and interface ones too: their overrides' parameters are resolved
        // through them): remember what its text parameters are given, in case one reaches a sink.
        if (LiteralOrigins.IsDeclaredInSource(method))
        {
            foreach (var argument in callArguments)
            {
                if (argument.Parameter is { } parameter && Sinks.IsCredentialType(parameter.Type)
                    && Origins.Trace(argument.Value, TraceMode.Whole) is { } found)
                {
                    Add(ref records, (FlowTable.Argument, parameter.OriginalDefinition, found));
                }
            }
        }
    }

    private void OnAssignment(ISimpleAssignmentOperation assignment, ref List<(Sink, List<Origin>)>? hits, ref List<(FlowTable, ISymbol, List<Origin>)>? records)
    {
        var target = assignment.Target;
        if (target is IPropertyReferenceOperation property && Sinks.ForProperty(property, assignment.Syntax, out var mode) is { } sink)
        {
            AddHit(ref hits, sink, assignment.Value, mode);
        }

        ISymbol? member = target switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property2 => property2.Property,
            _ => null,
        };

        if (member is not null && member.Locations.Length > 0 && member.Locations[0].IsInSource && Sinks.IsCredentialType(target.Type)
            && Origins.Trace(assignment.Value, TraceMode.Whole) is { } found)
        {
            Add(ref records, (FlowTable.Member, member.OriginalDefinition, found));
        }
    }

    private void AddHit(ref List<(Sink, List<Origin>)>? hits, Sink sink, IOperation value, TraceMode mode)
    {
        if (Origins.Trace(value, mode) is { } found)
        {
            (hits ??= new List<(Sink, List<Origin>)>(1)).Add((sink, found));
        }
    }

    private static void Add(ref List<(FlowTable, ISymbol, List<Origin>)>? records, (FlowTable, ISymbol, List<Origin>) record) =>
        (records ??= new List<(FlowTable, ISymbol, List<Origin>)>(1)).Add(record);
}

/// <summary>
/// What compilation end resolves origins with: the values recorded for each field and property, each method's returns, and
/// each parameter's arguments, from a set of answers. Built once, read by each category's resolution.
/// </summary>
internal sealed class FlowTables
{
    public FlowTables(IEnumerable<OperationFlow> recorded)
    {
        foreach (var flow in recorded)
        {
            foreach (var (table, symbol, origins) in flow.Records!)
            {
                Record(table switch { FlowTable.Member => MemberValues, FlowTable.Return => ReturnValues, _ => Arguments }, symbol, origins);
            }
        }
    }

    public Dictionary<ISymbol, List<List<Origin>>> MemberValues { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<ISymbol, List<List<Origin>>> ReturnValues { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<ISymbol, List<List<Origin>>> Arguments { get; } = new(SymbolEqualityComparer.Default);

    private static void Record(Dictionary<ISymbol, List<List<Origin>>> table, ISymbol symbol, List<Origin> found)
    {
        if (!table.TryGetValue(symbol, out var values))
        {
            values = new List<List<Origin>>(1);
            table.Add(symbol, values);
        }

        values.Add(found);
    }
}
