using System;
using System.Collections.Generic;
using System.Threading;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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
/// every element written into a collection held in a local, and the collection each <c>foreach</c> variable walks. The rules
/// that ask about the body the driver is analysing share it (see <see cref="Of"/>).
/// </summary>
/// <remarks>
/// A body is asked about a few of its variables, and a walk of its whole operation tree cost more than all the questions
/// (about a tenth of the analyzers' time on a large application). So each variable's writes are found where its name is
/// written: the body's text is searched for the name, each occurrence's token is looked up in the syntax, and its operation
/// is taken from the semantic model's map of the tree the driver already built. A body whose text may spell a name with a
/// unicode escape, an operation without a semantic model, or an occurrence whose operation is not in this tree falls back to
/// the walk of the whole body, once.
/// </remarks>
internal sealed class BodyValues
{
    // A power of two (see OperationTree.Slot).
    private const int Slots = 16;

    // The table built last in each slot, held weakly. The rules that ask about the body being analysed find its table here;
    // a weak table keyed by every body's root cost a GC handle per body, more than most tables are worth. A miss (another
    // body in the same slot, or a collection) only builds the table again.
    private static readonly WeakReference<BodyValues?>[] Recent = CreateSlots();

    private readonly IOperation root;

    // The writes of each variable asked about, found by name (a body is asked about a few): a list pushed with a compare and
    // exchange, because the table is shared by the rules of every thread that analyses this body (a lock here cost more than
    // the searches it kept). A push lost to another thread only means a later search again: the answers are pure.
    private Known? known;

    // Every write of the body in source order, when a question could not be answered by name (see remarks).
    private volatile List<Write>? all;

    // Whether the body's text has a unicode escape, which could spell a name the text search would not find: 0 not yet
    // known, 1 no, 2 yes (then every question walks the whole body).
    private volatile int escapes;

    private BodyValues(IOperation root)
    {
        this.root = root;
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

    /// <summary>A table that answers every question from the walk of the whole body (tests compare it with <see cref="Of"/>).</summary>
    internal static BodyValues ByWalk(IOperation operation)
    {
        var root = OperationTree.Root(operation);
        return new BodyValues(root) { all = WalkAll(root) };
    }

    /// <summary>Whether the answers so far came from the names' occurrences (false once a question needed the walk).</summary>
    internal bool AnsweredByName => all is null;

    /// <summary>Every value written to <paramref name="variable"/> (a local or parameter) in this body, in source order.</summary>
    public bool TryGetValues(ISymbol variable, out List<AssignedValue> assigned)
    {
        assigned = null!;
        foreach (var write in WritesOf(variable))
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
        foreach (var write in WritesOf(local))
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
        foreach (var write in WritesOf(local))
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
        foreach (var write in WritesOf(local))
        {
            if (write.Kind == WriteKind.ForEach && SymbolEqualityComparer.Default.Equals(write.Variable, local))
            {
                collection = write.Value;
            }
        }

        return collection is not null;
    }

    /// <summary>The writes of <paramref name="variable"/> in source order (with others' when the whole body was walked).</summary>
    private List<Write> WritesOf(ISymbol variable)
    {
        if (all is { } walked)
        {
            return walked;
        }

        var head = Volatile.Read(ref known);
        for (var entry = head; entry is not null; entry = entry.Next)
        {
            if (SymbolEqualityComparer.Default.Equals(entry.Variable, variable))
            {
                return entry.Writes;
            }
        }

        var found = new List<Write>(2);
        if (!FindByName(variable, found))
        {
            return all ??= WalkAll(root);
        }

        Interlocked.CompareExchange(ref known, new Known(variable, found, head), head);
        return found;
    }

    /// <summary>
    /// Adds the writes of <paramref name="variable"/> found where its name occurs in the body's text, in source order; false
    /// when they cannot be found that way (see remarks).
    /// </summary>
    private bool FindByName(ISymbol variable, List<Write> found)
    {
        var name = variable.Name;
        var syntax = root.Syntax;
        if (name.Length == 0 || root.SemanticModel is not { } model || syntax.SyntaxTree is not { } tree)
        {
            return false;
        }

        var text = SourceTexts.Of(tree);
        var span = syntax.Span;
        if (text.Length < span.End)
        {
            return false;
        }

        if (escapes == 0)
        {
            escapes = SourceTexts.MayHaveUnicodeEscape(text, span.Start, span.Length) ? 2 : 1;
        }

        if (escapes == 2)
        {
            return false;
        }

        // A local is written only after its declaration and inside the block that declares it (a switch section's locals
        // belong to the switch's block); a parameter anywhere in the body.
        var scope = syntax;
        if (variable is ILocalSymbol && variable.DeclaringSyntaxReferences is { Length: 1 } declaring && declaring[0].SyntaxTree == tree
            && span.Contains(declaring[0].Span))
        {
            var declaration = declaring[0].GetSyntax();
            scope = declaration.FirstAncestorOrSelf<BlockSyntax>() is { } block && span.Contains(block.Span) ? block : syntax;
            span = TextSpan.FromBounds(declaration.SpanStart, scope.Span.End);
        }

        var end = span.End;
        for (var at = text.IndexOf(name, span.Start, span.Length, StringComparison.Ordinal); at >= 0;
             at = at + name.Length < end ? text.IndexOf(name, at + name.Length, end - at - name.Length, StringComparison.Ordinal) : -1)
        {
            // Inside a longer word: not this name (a verbatim '@' before it is fine).
            if ((at > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[at - 1])) || (at + name.Length < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[at + name.Length])))
            {
                continue;
            }

            // In a comment or a string the position is no token's own text (FindToken answers with a neighbour then).
            var token = scope.FindToken(at);
            if (!token.Span.Contains(at) || !token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || token.Parent is not { } parent)
            {
                continue;
            }

            if (!AddWriteAt(parent, token, variable, model, found))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the write the name's occurrence <paramref name="token"/> makes, if any; false when its operation is not in this tree.</summary>
    private bool AddWriteAt(SyntaxNode parent, SyntaxToken token, ISymbol variable, SemanticModel model, List<Write> found)
    {
        switch (parent)
        {
            case VariableDeclaratorSyntax declaratorSyntax when declaratorSyntax.Identifier == token:
                {
                    if (model.GetOperation(declaratorSyntax) is not IVariableDeclaratorOperation declarator)
                    {
                        // A declarator the operation tree does not hold (a field's, an event's): not a variable of this body.
                        return true;
                    }

                    if (!InThisTree(declarator))
                    {
                        return false;
                    }

                    if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable))
                    {
                        AddDeclarator(declarator, found);
                    }

                    return true;
                }

            case ForEachStatementSyntax loopSyntax when loopSyntax.Identifier == token:
                return AddForEach(model.GetOperation(loopSyntax), variable, found);

            case SingleVariableDesignationSyntax designation when designation.Parent?.FirstAncestorOrSelf<ForEachVariableStatementSyntax>() is { } deconstructing
                && IsLoopVariable(deconstructing, designation):
                return AddForEach(model.GetOperation(deconstructing), variable, found);

            case IdentifierNameSyntax identifier:
                {
                    // Most occurrences read the variable: only one that the syntax shows written (or given an element) is
                    // looked up in the model.
                    if (!MayBeWritten(identifier))
                    {
                        return true;
                    }

                    var operation = model.GetOperation(identifier);
                    if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation))
                    {
                        // A member, a type, a named argument or a nameof spelt the same: not a reference to a variable.
                        return true;
                    }

                    if (!InThisTree(operation))
                    {
                        return false;
                    }

                    if (IsVariable(operation, variable))
                    {
                        AddWriteThrough(operation, found);
                    }

                    return true;
                }

            default:
                return true;
        }
    }

    /// <summary>
    /// Whether the syntax around <paramref name="identifier"/> has one of the shapes <see cref="AddWriteThrough"/> records:
    /// the target of an assignment (<c>x = v</c>, <c>x += v</c>, <c>x ??= v</c>), the receiver of an assigned member or
    /// element (<c>x.Token = v</c>, <c>x[k] = v</c>), or of a call (<c>x.Add(v)</c>); parentheses around a target count.
    /// </summary>
    private static bool MayBeWritten(IdentifierNameSyntax identifier)
    {
        switch (identifier.Parent)
        {
            case MemberAccessExpressionSyntax member when member.Expression == identifier:
                return member.Parent is InvocationExpressionSyntax call && call.Expression == member || IsAssignedTarget(member);
            case ElementAccessExpressionSyntax element when element.Expression == identifier:
                return IsAssignedTarget(element);
            default:
                return IsAssignedTarget(identifier);
        }
    }

    private static bool IsAssignedTarget(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression;
    }

    private bool AddForEach(IOperation? operation, ISymbol variable, List<Write> found)
    {
        if (operation is not IForEachLoopOperation loop)
        {
            return true;
        }

        if (!InThisTree(loop))
        {
            return false;
        }

        foreach (var local in loop.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(local, variable))
            {
                found.Add(new Write(WriteKind.ForEach, local, null, loop.Collection));
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="designation"/> is one of the variables a <c>foreach (var (a, b) in …)</c> declares.</summary>
    private static bool IsLoopVariable(ForEachVariableStatementSyntax loop, SingleVariableDesignationSyntax designation) =>
        loop.Variable.Span.Contains(designation.Span);

    private static bool IsVariable(IOperation operation, ISymbol variable) => operation switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
        _ => false,
    };

    private bool InThisTree(IOperation operation) => OperationTree.Root(operation) == root;

    /// <summary>The write a reference to the variable takes part in, as <see cref="WalkAll"/> sees it from the writing operation.</summary>
    private static void AddWriteThrough(IOperation reference, List<Write> found)
    {
        switch (reference.Parent)
        {
            // list.Add(v), map.Add(k, v): the reference is the call's receiver.
            case IInvocationOperation call when call.Instance == reference:
                AddCollectionCall(call, found);
                return;

            // map["password"] = v, list[0] = v, arr[0] = v, o.Token = v: the reference is the receiver of the assigned target.
            case IMemberReferenceOperation member when member.Instance == reference:
                if (AssignmentTo(member) is { } toMember)
                {
                    AddAssignment(toMember, found);
                }

                return;
            case IArrayElementReferenceOperation element when element.ArrayReference == reference:
                if (AssignmentTo(element) is { } toElement)
                {
                    AddAssignment(toElement, found);
                }

                return;
        }

        // x = v, x += v, x ??= v
        if (AssignmentTo(reference) is { } assignment)
        {
            AddAssignment(assignment, found);
        }
    }

    /// <summary>The assignment whose target is <paramref name="target"/> (under conversions), or null.</summary>
    private static IAssignmentOperation? AssignmentTo(IOperation target)
    {
        var operation = target;
        while (operation.Parent is IConversionOperation or IArgumentOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent is IAssignmentOperation assignment && assignment.Target == operation ? assignment : null;
    }

    /// <summary>Every write of the body, walking its whole operation tree (the fallback; see remarks).</summary>
    private static List<Write> WalkAll(IOperation root)
    {
        var writes = new List<Write>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            // Most operations are none of the kinds below: the kind, one virtual call, rules them out before any interface cast.
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
                    AddDeclarator(declarator, writes);
                    break;
                case IAssignmentOperation assignment:
                    AddAssignment(assignment, writes);
                    break;
                case IInvocationOperation call:
                    AddCollectionCall(call, writes);
                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        writes.Add(new Write(WriteKind.ForEach, local, null, loop.Collection));
                    }

                    break;
            }
        }

        return writes;
    }

    private static void AddDeclarator(IVariableDeclaratorOperation declarator, List<Write> writes)
    {
        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
        if (initializer is not null)
        {
            writes.Add(new Write(WriteKind.Value, declarator.Symbol, null, initializer, compound: false));
        }
    }

    private static void AddAssignment(IAssignmentOperation assignment, List<Write> writes)
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
    }

    private static void AddCollectionCall(IInvocationOperation call, List<Write> writes)
    {
        // list.Add(v), map.Add(k, v), map.TryAdd(k, v), list.Insert(i, v): the last argument is the element.
        if (call is { Instance: ILocalReferenceOperation collection, Arguments.Length: > 0 }
            && call.TargetMethod.Name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddFirst" or "AddLast")
        {
            var arguments = call.Arguments;
            var key = arguments.Length > 1 && call.TargetMethod.Name != "Insert" ? arguments[0].Value : null;
            writes.Add(new Write(WriteKind.Element, collection.Local, key, arguments[arguments.Length - 1].Value));
        }
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

    /// <summary>One variable's writes, found by name, and the variables asked about before it.</summary>
    private sealed class Known
    {
        public Known(ISymbol variable, List<Write> writes, Known? next)
        {
            Variable = variable;
            Writes = writes;
            Next = next;
        }

        public ISymbol Variable { get; }

        public List<Write> Writes { get; }

        public Known? Next { get; }
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
