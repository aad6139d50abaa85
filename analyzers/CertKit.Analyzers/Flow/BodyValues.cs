using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>A value written to a local or parameter: <c>var x = v</c>, <c>x = v</c>, <c>x ??= v</c>, or a compound <c>x += v</c>.</summary>
internal readonly struct AssignedValue
{
    public AssignedValue(IOperation value, bool compound)
    {
        Value = value;
        IsCompound = compound;
    }

    public IOperation Value { get; }

    /// <summary><c>x += v</c>: the value is added to what <c>x</c> held, not written over it.</summary>
    public bool IsCompound { get; }
}

/// <summary>
/// The one table of one member body that both directions of the flow engine read (flow-insensitive): every value written to
/// each local and parameter, every value written to a member of an object held in a local (<c>stored.RefreshToken = v</c>),
/// every element written into a collection held in a local, and the collection each <c>foreach</c> variable walks. Keyed by the body's root operation, which the analyzer driver
/// shares between analyzers, so the rules that ask about one body build its table once, on first use.
/// </summary>
internal sealed class BodyValues
{
    private static readonly ConditionalWeakTable<IOperation, BodyValues> Tables = new();

    private readonly Dictionary<ISymbol, List<AssignedValue>> values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<(ISymbol Member, IOperation Value)>> memberValues = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IOperation> forEachCollections = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<(IOperation? Key, IOperation Value)>> elementValues = new(SymbolEqualityComparer.Default);

    private BodyValues(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            // Most operations are none of the four below: the kind, one virtual call, rules them out before any interface cast.
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.DeconstructionAssignment:
                case OperationKind.Invocation:
                case OperationKind.Loop:
                    break;
                default:
                    continue;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    {
                        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initializer is not null)
                        {
                            Add(declarator.Symbol, new AssignedValue(initializer, compound: false));
                        }

                        break;
                    }

                case IAssignmentOperation assignment:
                    {
                        var compound = assignment is ICompoundAssignmentOperation;
                        switch (OperationTree.Unwrap(assignment.Target))
                        {
                            case ILocalReferenceOperation local:
                                Add(local.Local, new AssignedValue(assignment.Value, compound));
                                break;
                            case IParameterReferenceOperation parameter:
                                Add(parameter.Parameter, new AssignedValue(assignment.Value, compound));
                                break;
                            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation collection, Arguments.Length: 1 } indexer:
                                // map["password"] = v, list[0] = v
                                AddElement(collection.Local, indexer.Arguments[0].Value, assignment.Value);
                                break;
                            case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array }:
                                AddElement(array.Local, null, assignment.Value);
                                break;
                            case IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } member:
                                if (!memberValues.TryGetValue(owner.Local, out var list))
                                {
                                    list = new List<(ISymbol, IOperation)>();
                                    memberValues.Add(owner.Local, list);
                                }

                                list.Add((member.Member, assignment.Value));
                                break;
                        }

                        break;
                    }

                case IInvocationOperation { Instance: ILocalReferenceOperation collection, Arguments.Length: > 0 } call
                    when call.TargetMethod.Name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddFirst" or "AddLast":
                    {
                        // list.Add(v), map.Add(k, v), map.TryAdd(k, v), list.Insert(i, v): the last argument is the element.
                        var arguments = call.Arguments;
                        var key = arguments.Length > 1 && call.TargetMethod.Name != "Insert" ? arguments[0].Value : null;
                        AddElement(collection.Local, key, arguments[arguments.Length - 1].Value);
                        break;
                    }

                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        forEachCollections[local] = loop.Collection;
                    }

                    break;
            }
        }
    }

    /// <summary>The table of the body <paramref name="operation"/> belongs to.</summary>
    public static BodyValues Of(IOperation operation) => Tables.GetValue(OperationTree.Root(operation), static root => new BodyValues(root));

    /// <summary>Every value written to <paramref name="variable"/> (a local or parameter) in this body, in source order.</summary>
    public bool TryGetValues(ISymbol variable, out List<AssignedValue> assigned) => values.TryGetValue(variable, out assigned!);

    /// <summary>Every value written to a member of the object <paramref name="local"/> holds.</summary>
    public bool TryGetMemberValues(ILocalSymbol local, out List<(ISymbol Member, IOperation Value)> assigned) => memberValues.TryGetValue(local, out assigned!);

    /// <summary>Every element written into the collection <paramref name="local"/> holds (<c>Add</c>, <c>Insert</c>, indexers), with its key when it has one.</summary>
    public bool TryGetElementValues(ILocalSymbol local, out List<(IOperation? Key, IOperation Value)> elements) => elementValues.TryGetValue(local, out elements!);

    /// <summary>The collection a <c>foreach</c> variable walks.</summary>
    public bool TryGetForEachCollection(ILocalSymbol local, out IOperation collection) => forEachCollections.TryGetValue(local, out collection!);

    private void AddElement(ILocalSymbol collection, IOperation? key, IOperation value)
    {
        if (!elementValues.TryGetValue(collection, out var list))
        {
            list = new List<(IOperation?, IOperation)>(2);
            elementValues.Add(collection, list);
        }

        list.Add((key, value));
    }

    private void Add(ISymbol variable, AssignedValue value)
    {
        if (!values.TryGetValue(variable, out var list))
        {
            list = new List<AssignedValue>(1);
            values.Add(variable, list);
        }

        list.Add(value);
    }
}
