using System;
using System.Collections.Generic;
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
/// every element written into a collection held in a local, and the collection each <c>foreach</c> variable walks. Built on first use; the rules that ask about the
/// body the driver is analysing share it (see <see cref="Of"/>).
/// </summary>
internal sealed class BodyValues
{
    // A power of two (see OperationTree.Slot).
    private const int Slots = 16;

    // The table built last in each slot, held weakly. The rules that ask about the body being analysed find its table here;
    // a weak table keyed by every body's root cost a GC handle per body, more than most tables are worth. A miss (another
    // body in the same slot, or a collection) only builds the table again.
    private static readonly WeakReference<BodyValues?>[] Recent = CreateSlots();

    private readonly IOperation root;

    // Every write of the body in one list, in source order: a body has tens of writes and each table is asked about a few
    // variables, so a scan per question costs less than hashing every written symbol into a dictionary of lists.
    private readonly List<Write> writes = new();

    private BodyValues(IOperation root)
    {
        this.root = root;
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
                            writes.Add(new Write(WriteKind.Value, declarator.Symbol, null, initializer, compound: false));
                        }

                        break;
                    }

                case IAssignmentOperation assignment:
                    {
                        var compound = assignment is ICompoundAssignmentOperation;
                        switch (OperationTree.Unwrap(assignment.Target))
                        {
                            case ILocalReferenceOperation local:
                                writes.Add(new Write(WriteKind.Value, local.Local, null, assignment.Value, compound));
                                break;
                            case IParameterReferenceOperation parameter:
                                writes.Add(new Write(WriteKind.Value, parameter.Parameter, null, assignment.Value, compound));
                                break;
                            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation collection, Arguments.Length: 1 } indexer:
                                // map["password"] = v, list[0] = v
                                writes.Add(new Write(WriteKind.Element, collection.Local, indexer.Arguments[0].Value, assignment.Value));
                                break;
                            case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array }:
                                writes.Add(new Write(WriteKind.Element, array.Local, null, assignment.Value));
                                break;
                            case IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } member:
                                writes.Add(new Write(WriteKind.Member, owner.Local, member.Member, assignment.Value));
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
                        writes.Add(new Write(WriteKind.Element, collection.Local, key, arguments[arguments.Length - 1].Value));
                        break;
                    }

                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        writes.Add(new Write(WriteKind.ForEach, local, null, loop.Collection));
                    }

                    break;
            }
        }
    }

    /// <summary>The table of the body <paramref name="operation"/> belongs to.</summary>
    public static BodyValues Of(IOperation operation)
    {
        var root = OperationTree.Root(operation);
        var slot = Recent[OperationTree.Slot(root, Slots)];
        if (slot.TryGetTarget(out var table) && table is not null && table.root == root)
        {
            return table;
        }

        table = new BodyValues(root);
        slot.SetTarget(table);
        return table;
    }

    /// <summary>Every value written to <paramref name="variable"/> (a local or parameter) in this body, in source order.</summary>
    public bool TryGetValues(ISymbol variable, out List<AssignedValue> assigned)
    {
        assigned = null!;
        foreach (var write in writes)
        {
            if (write.Kind == WriteKind.Value && SymbolEqualityComparer.Default.Equals(write.Variable, variable))
            {
                (assigned ??= new List<AssignedValue>(1)).Add(new AssignedValue(write.Value, write.IsCompound));
            }
        }

        return assigned is not null;
    }

    /// <summary>Every value written to a member of the object <paramref name="local"/> holds.</summary>
    public bool TryGetMemberValues(ILocalSymbol local, out List<(ISymbol Member, IOperation Value)> assigned)
    {
        assigned = null!;
        foreach (var write in writes)
        {
            if (write.Kind == WriteKind.Member && SymbolEqualityComparer.Default.Equals(write.Variable, local))
            {
                (assigned ??= new List<(ISymbol, IOperation)>(1)).Add((write.Member!, write.Value));
            }
        }

        return assigned is not null;
    }

    /// <summary>Every element written into the collection <paramref name="local"/> holds (<c>Add</c>, <c>Insert</c>, indexers), with its key when it has one.</summary>
    public bool TryGetElementValues(ILocalSymbol local, out List<(IOperation? Key, IOperation Value)> elements)
    {
        elements = null!;
        foreach (var write in writes)
        {
            if (write.Kind == WriteKind.Element && SymbolEqualityComparer.Default.Equals(write.Variable, local))
            {
                (elements ??= new List<(IOperation?, IOperation)>(2)).Add((write.Key, write.Value));
            }
        }

        return elements is not null;
    }

    /// <summary>The collection a <c>foreach</c> variable walks.</summary>
    public bool TryGetForEachCollection(ILocalSymbol local, out IOperation collection)
    {
        collection = null!;
        foreach (var write in writes)
        {
            if (write.Kind == WriteKind.ForEach && SymbolEqualityComparer.Default.Equals(write.Variable, local))
            {
                collection = write.Value;
            }
        }

        return collection is not null;
    }

    private static WeakReference<BodyValues?>[] CreateSlots()
    {
        var slots = new WeakReference<BodyValues?>[Slots];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new WeakReference<BodyValues?>(null);
        }

        return slots;
    }

    private enum WriteKind : byte
    {
        Value,
        Member,
        Element,
        ForEach,
    }

    /// <summary>One write: to a variable, to a member of the object a local holds (<see cref="Member"/>), into a collection (with its <see cref="Key"/>), or a <c>foreach</c> variable's collection.</summary>
    private readonly struct Write
    {
        public Write(WriteKind kind, ISymbol variable, object? memberOrKey, IOperation value, bool compound = false)
        {
            Kind = kind;
            Variable = variable;
            this.memberOrKey = memberOrKey;
            Value = value;
            IsCompound = compound;
        }

        private readonly object? memberOrKey;

        public WriteKind Kind { get; }

        public ISymbol Variable { get; }

        public IOperation Value { get; }

        public bool IsCompound { get; }

        public ISymbol? Member => memberOrKey as ISymbol;

        public IOperation? Key => memberOrKey as IOperation;
    }
}
