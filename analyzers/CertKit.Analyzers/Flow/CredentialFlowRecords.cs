using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
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
/// The part of the credential flow that does not depend on the rule: for each operation, the sinks of every category it
/// gives a value to and the origins of that value, and what it records for members, returns and parameters. CK1002, CK1003
/// and CK2001 each run <see cref="CredentialFlow"/> for their own category over the same operations; this computes each
/// operation's answer once per compilation (the analyzer driver shares one operation tree between analyzers), and each rule
/// keeps only its category's sinks. Pure: the answer depends on the operation alone, so whichever rule asks first computes it.
/// </summary>
internal sealed class CredentialFlowRecords
{
    private static readonly ConditionalWeakTable<Compilation, CredentialFlowRecords> PerCompilation = new();

    // A power of two (see OperationTree.Slot).
    private const int PassSlots = 16;

    // The bodies each slot keeps: two bodies analysed at once on two threads may share a slot.
    private const int PassesPerSlot = 4;

    private readonly ImmutableArray<string> credentialKeywords;

    // The answers of the bodies being analysed, a pass per body, in a slot chosen by the body's root. The driver runs the
    // operation actions of one body in the same order for every analyzer, so the three rules ask the same questions in the
    // same sequence: the first to ask computes and appends, the others read the answer at their own position in the list,
    // compared by reference (no hashing of operations, no lock, no weak table per body). The "nothing flows" answers are
    // kept too, so the symbol checks behind them run once, not once per rule. A slot is taken with an exchange while it is
    // used (a thread that finds it taken starts a ring of its own) and keeps the passes of its last few bodies; a new body
    // restarts the oldest. Any miss only computes the answer again: it is pure. (A slot by thread missed about a fifth of
    // the answers on jellyfin: the driver's continuations move between threads.)
    private readonly PassRing?[] rings = new PassRing?[PassSlots];

    // The tables a rule built last at compilation end: the next rule with the same answers reads them (see TablesFor).
    private FlowTables? lastTables;

    private CredentialFlowRecords(Compilation compilation, ImmutableArray<string> credentialKeywords)
    {
        this.credentialKeywords = credentialKeywords;
        Sinks = new CredentialSinks(compilation, credentialKeywords);
        Origins = new LiteralOrigins(compilation);
    }

    public CredentialSinks Sinks { get; }

    public LiteralOrigins Origins { get; }

    /// <summary>A rule's own place in the shared passes.</summary>
    public PassCursor NewCursor() => new(PassSlots);

    /// <summary>The records of <paramref name="compilation"/> for these credential keywords (the rules of one build share one).</summary>
    public static CredentialFlowRecords For(Compilation compilation, ImmutableArray<string> credentialKeywords)
    {
        var shared = PerCompilation.GetValue(compilation, c => new CredentialFlowRecords(c, credentialKeywords));
        return SameKeywords(shared.credentialKeywords, credentialKeywords) ? shared : new CredentialFlowRecords(compilation, credentialKeywords);
    }

    /// <summary>
    /// The tables built from the answers in <paramref name="recorded"/>: those of another rule when it recorded the very same
    /// answers (the rules read one shared answer per operation, so they mostly do), otherwise new ones. A rule that saw
    /// other answers (one turned off for a file, or an answer computed again after a miss) gets tables of its own.
    /// </summary>
    public FlowTables TablesFor(IEnumerable<OperationFlow> recorded)
    {
        var answers = new List<OperationFlow>(recorded);
        var shared = Volatile.Read(ref lastTables);
        if (shared is not null && shared.BuiltFrom(answers))
        {
            return shared;
        }

        var tables = new FlowTables(answers);
        Volatile.Write(ref lastTables, tables);
        return tables;
    }

    /// <summary>What <paramref name="operation"/> (an invocation, creation, assignment, initialiser or return) tells the flow.</summary>
    public OperationFlow Of(IOperation operation, PassCursor cursor) => Get(operation, null, cursor);

    /// <summary>What a return records: its value's origins for the method it returns from and the methods that one overrides or implements.</summary>
    public OperationFlow OfReturn(IReturnOperation returned, ISymbol containing, PassCursor cursor) => Get(returned, containing, cursor);

    private OperationFlow Get(IOperation operation, ISymbol? returnContaining, PassCursor cursor)
    {
        var root = OperationTree.Root(operation);
        var slot = OperationTree.Slot(root, PassSlots);
        var ring = Interlocked.Exchange(ref rings[slot], null) ?? new PassRing();
        var position = cursor.Root(slot) == root ? cursor.Position(slot) : 0;
        var index = ring.Find(root);
        if (index < 0)
        {
            index = ring.Start(root);
            position = 0;
        }

        var pass = ring.Passes[index]!;
        if (pass.TryRead(position, operation, out var flow))
        {
            position++;
        }
        else
        {
            // Most operations carry no text, bytes or characters to a sink or a record: answered from their types.
            flow = !MayFlow(operation) ? OperationFlow.None
                : returnContaining is null ? Compute(operation)
                : ComputeReturn((IReturnOperation)operation, returnContaining);
            if (position == pass.Answers.Count)
            {
                pass.Answers.Add((operation, flow));
                position++;
            }
            else
            {
                // This rule's questions left the pass's sequence: it computes the rest of this body alone.
                position = -1;
            }
        }

        cursor.MoveTo(slot, root, position);
        Volatile.Write(ref rings[slot], ring);
        return flow;
    }

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

    private static bool SameKeywords(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty)
        {
            return a.IsDefaultOrEmpty == b.IsDefaultOrEmpty;
        }

        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], System.StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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

    /// <summary>The passes of one slot: the bodies its threads analysed last, the oldest replaced first.</summary>
    private sealed class PassRing
    {
        private int next;

        public BodyPass?[] Passes { get; } = new BodyPass?[PassesPerSlot];

        /// <summary>The index of <paramref name="root"/>'s pass, or -1.</summary>
        public int Find(IOperation root)
        {
            for (var i = 0; i < Passes.Length; i++)
            {
                if (Passes[i]?.Root == root)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Starts a pass for <paramref name="root"/> in place of the oldest and returns its index.</summary>
        public int Start(IOperation root)
        {
            var index = next;
            next = (next + 1) % Passes.Length;
            if (Passes[index] is { } reused)
            {
                reused.Restart(root);
            }
            else
            {
                Passes[index] = new BodyPass(root);
            }

            return index;
        }
    }

    /// <summary>The answers of one member body in the order they were asked for; reused for a later body of its slot.</summary>
    private sealed class BodyPass
    {
        public BodyPass(IOperation root)
        {
            Root = root;
        }

        public IOperation Root { get; private set; }

        public List<(IOperation Operation, OperationFlow Flow)> Answers { get; } = new();

        public bool TryRead(int position, IOperation operation, out OperationFlow flow)
        {
            if (position >= 0 && position < Answers.Count && Answers[position].Operation == operation)
            {
                flow = Answers[position].Flow;
                return true;
            }

            flow = OperationFlow.None;
            return false;
        }

        public void Restart(IOperation root)
        {
            Root = root;
            Answers.Clear();
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
/// Where one rule is in the shared passes of each slot of <see cref="CredentialFlowRecords"/>: the body it analysed last
/// there and how many of that body's answers it has read (-1: it left the pass's sequence and computes alone).
/// </summary>
internal sealed class PassCursor
{
    private readonly IOperation?[] roots;
    private readonly int[] positions;

    public PassCursor(int slots)
    {
        roots = new IOperation?[slots];
        positions = new int[slots];
    }

    /// <summary>The body the rule was in on <paramref name="slot"/>.</summary>
    public IOperation? Root(int slot) => roots[slot];

    /// <summary>How many answers of that body's pass the rule has read.</summary>
    public int Position(int slot) => positions[slot];

    public void MoveTo(int slot, IOperation root, int position)
    {
        roots[slot] = root;
        positions[slot] = position;
    }
}

/// <summary>
/// What compilation end resolves origins with: the values recorded for each field and property, each method's returns, and
/// each parameter's arguments, from a set of answers. Read-only once built, so rules whose compilation-end actions run at
/// once can share them.
/// </summary>
internal sealed class FlowTables
{
    private readonly HashSet<OperationFlow> answers;

    public FlowTables(List<OperationFlow> recorded)
    {
        answers = new HashSet<OperationFlow>(recorded, ByReference.Instance);
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

    /// <summary>True when these tables hold exactly the answers in <paramref name="recorded"/> (each answer is recorded once per rule).</summary>
    public bool BuiltFrom(List<OperationFlow> recorded)
    {
        if (recorded.Count != answers.Count)
        {
            return false;
        }

        foreach (var flow in recorded)
        {
            if (!answers.Contains(flow))
            {
                return false;
            }
        }

        return true;
    }

    private static void Record(Dictionary<ISymbol, List<List<Origin>>> table, ISymbol symbol, List<Origin> found)
    {
        if (!table.TryGetValue(symbol, out var values))
        {
            values = new List<List<Origin>>(1);
            table.Add(symbol, values);
        }

        values.Add(found);
    }

    private sealed class ByReference : IEqualityComparer<OperationFlow>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(OperationFlow? x, OperationFlow? y) => ReferenceEquals(x, y);

        public int GetHashCode(OperationFlow obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
