using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Flow;

/// <summary>A literal that reaches a sink: where it is, its text (null for an array of constants), and the sink.</summary>
internal readonly struct SinkFinding
{
    public SinkFinding(Location literal, string? text, Sink sink)
    {
        Literal = literal;
        Text = text;
        Sink = sink;
    }

    public Location Literal { get; }

    public string? Text { get; }

    public Sink Sink { get; }
}

/// <summary>
/// Judges a literal that reaches a sink and returns the diagnostic to report, or null. <paramref name="live"/> is true when
/// the whole flow stays inside one member body and the finding is reported while that body is analysed (the IDE shows it as
/// the user types: a descriptor without the compilation-end tag); false at compilation end (cross-member and cross-file flows).
/// <paramref name="model"/> is the body's semantic model when live, null at compilation end. <paramref name="reportedByName"/>
/// holds what the rules' name-based checks reported in the compilation (complete at compilation end).
/// </summary>
internal delegate Diagnostic? FlowJudge(SinkFinding finding, bool live, AnalyzerOptions options, SemanticModel? model, ReportedByName reportedByName, System.Threading.CancellationToken cancellationToken);

/// <summary>
/// Hardcoded values that reach credential sinks across a compilation (CK1002, CK1003, CK2001). A sink whose value comes only
/// from literals of the same body is judged at once (live). Otherwise, while the compilation is
/// analysed, operation actions record compact summaries, never operation trees: at each sink, the origins of its value
/// (<see cref="LiteralOrigins"/>); for each field and property of this compilation, the origins of its initialiser and
/// assignments; for each method, the origins of what it returns; for each call of a method of this compilation, the origins
/// of its text arguments. At compilation end the origins are resolved: members and returns to their literals, and a
/// parameter that reaches a sink makes the arguments of that method's call sites reach it (several levels deep).
/// One analyzer (<see cref="Rules.CredentialFlowAnalyzer"/>) runs the flow once for the three rules: each operation is read
/// once, and each sink goes to the judge of its category. Each literal is reported once per category, at the first sink found.
/// </summary>
internal sealed class CredentialFlow
{
    private const int MaxResolveDepth = 8;

    private readonly CredentialFlowRecords records;
    private readonly ReportedByName reportedByName;

    // The judge of each category, by its value; null where no rule asked for the category.
    private readonly FlowJudge?[] judges;
    private readonly ConcurrentQueue<(Sink Sink, List<Origin> Origins)> hits = new();

    // The answers that record values for members, returns and parameters, in the order they were met: the tables are
    // built from them at compilation end, once, instead of a concurrent dictionary and a lock for every value recorded.
    private readonly ConcurrentQueue<OperationFlow> recorded = new();

    // Literals already judged live in a category: compilation end does not judge them again at another sink.
    private readonly ConcurrentDictionary<(SinkCategory, SyntaxTree?, TextSpan), byte> judgedLive = new();

    // Live findings wait for their body's operation-block action: a diagnostic reported there may sit anywhere in the body
    // (the literal, not the sink) and still be local to the document, which is what an IDE shows while the user types.
    private readonly ConcurrentDictionary<IOperation, ConcurrentQueue<Diagnostic>> pendingLive = new();

    // Set once a live finding waits: every body's block action reads it, and a concurrent dictionary's IsEmpty takes all its locks.
    private volatile bool anyPendingLive;

    private CredentialFlow(CredentialFlowRecords records, ReportedByName reportedByName, FlowJudge?[] judges)
    {
        this.records = records;
        this.reportedByName = reportedByName;
        this.judges = judges;
    }

    /// <summary>
    /// Registers the recording actions on <paramref name="start"/> and a compilation-end action; every literal that reaches a
    /// sink is handed once to the judge of the sink's category in <paramref name="judges"/> (indexed by
    /// <see cref="SinkCategory"/>; a null judge leaves its category out), live or at compilation end.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, FlowJudge?[] judges)
    {
        var keywords = CertKitOptions.Get(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).CredentialKeywords;
        var flow = new CredentialFlow(new CredentialFlowRecords(start.Compilation, keywords), ReportedByName.For(start.Compilation), judges);
        start.RegisterOperationAction(flow.OnOperation, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
        start.RegisterOperationAction(flow.OnReturn, OperationKind.Return);
        start.RegisterOperationBlockAction(flow.OnBlock);
        start.RegisterCompilationEndAction(end =>
        {
            // Should a driver run a block action before that block's operation actions, nothing is lost: reported here.
            foreach (var pending in flow.pendingLive.Values)
            {
                while (pending.TryDequeue(out var diagnostic))
                {
                    end.ReportDiagnostic(diagnostic);
                }
            }

            // Only a sink whose value did not come from its own body's literals reads the tables: none, nothing to resolve.
            if (flow.hits.IsEmpty)
            {
                return;
            }

            var tables = new FlowTables(flow.recorded);
            for (var category = 0; category < judges.Length; category++)
            {
                if (judges[category] is not { } judge)
                {
                    continue;
                }

                foreach (var finding in flow.Resolve((SinkCategory)category, tables, end.CancellationToken))
                {
                    if (judge(finding, live: false, end.Options, model: null, flow.reportedByName, end.CancellationToken) is { } diagnostic)
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            }
        });
    }

    private void OnBlock(OperationBlockAnalysisContext context)
    {
        if (!anyPendingLive)
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (pendingLive.TryRemove(OperationTree.Root(block), out var pending))
            {
                while (pending.TryDequeue(out var diagnostic))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    private void OnOperation(OperationAnalysisContext context) => Apply(context, records.Of(context.Operation));

    private void OnReturn(OperationAnalysisContext context) =>
        Apply(context, records.OfReturn((IReturnOperation)context.Operation, context.ContainingSymbol));

    private void Apply(in OperationAnalysisContext context, OperationFlow flow)
    {
        if (flow.Hits is { } found)
        {
            foreach (var (sink, origins) in found)
            {
                if (judges[(int)sink.Category] is { } judge)
                {
                    AddHit(context, sink, origins, judge);
                }
            }
        }

        if (flow.Records is not null)
        {
            recorded.Enqueue(flow);
        }
    }

    /// <summary>The methods <paramref name="method"/> overrides (the whole chain) and the interface members it implements.</summary>
    internal static IEnumerable<IMethodSymbol> Overridden(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden;
        }

        foreach (var explicitly in method.ExplicitInterfaceImplementations)
        {
            yield return explicitly;
        }

        if (method.ContainingType is not { } type || method.DeclaredAccessibility != Accessibility.Public || method.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                {
                    yield return candidate;
                }
            }
        }
    }

    private void AddHit(in OperationAnalysisContext context, Sink sink, List<Origin> found, FlowJudge judge)
    {
        if (!OnlyLiterals(found))
        {
            hits.Enqueue((sink, found));
            return;
        }

        // Every origin is a literal of this body: the whole flow is here, so it is judged now.
        foreach (var origin in found)
        {
            var literal = origin.Location!;
            if (judgedLive.TryAdd((sink.Category, literal.SourceTree, literal.SourceSpan), 0)
                && judge(new SinkFinding(literal, origin.Text, sink), live: true, context.Options, context.Operation.SemanticModel, reportedByName, context.CancellationToken) is { } diagnostic)
            {
                pendingLive.GetOrAdd(OperationTree.Root(context.Operation), static _ => new ConcurrentQueue<Diagnostic>()).Enqueue(diagnostic);
                anyPendingLive = true;
            }
        }
    }

    private static bool OnlyLiterals(List<Origin> found)
    {
        foreach (var origin in found)
        {
            if (origin.Kind != OriginKind.Literal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every literal that reaches a sink of <paramref name="category"/>, once per literal, the direct sinks first.</summary>
    private List<SinkFinding> Resolve(SinkCategory category, FlowTables tables, System.Threading.CancellationToken cancellationToken)
    {
        var findings = new List<SinkFinding>();
        var memberValues = tables.MemberValues;
        var returnValues = tables.ReturnValues;
        var arguments = tables.Arguments;
        var seen = new HashSet<(SyntaxTree?, TextSpan)>();
        foreach (var (judgedCategory, tree, span) in judgedLive.Keys)
        {
            if (judgedCategory == category)
            {
                seen.Add((tree, span));
            }
        }

        var sinkParameters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(Sink Sink, List<Origin> Origins, int Depth)>();
        // In source order, so a literal that reaches two sinks is reported at the same one every time.
        var ordered = new List<(Sink Sink, List<Origin> Origins)>();
        foreach (var hit in hits)
        {
            if (hit.Sink.Category == category)
            {
                ordered.Add(hit);
            }
        }

        ordered.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Sink.Location.SourceTree?.FilePath, b.Sink.Location.SourceTree?.FilePath);
            return byFile != 0 ? byFile : a.Sink.Location.SourceSpan.Start.CompareTo(b.Sink.Location.SourceSpan.Start);
        });
        foreach (var hit in ordered)
        {
            pending.Enqueue((hit.Sink, hit.Origins, 0));
        }

        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (sink, found, depth) = pending.Dequeue();
            visited.Clear();
            Collect(found, sink, depth, visited, followParameters: true);
        }

        return findings;

        void Collect(List<Origin> list, Sink sink, int depth, HashSet<ISymbol> visited, bool followParameters)
        {
            foreach (var origin in list)
            {
                switch (origin.Kind)
                {
                    case OriginKind.Literal:
                        if (seen.Add((origin.Location!.SourceTree, origin.Location.SourceSpan)))
                        {
                            findings.Add(new SinkFinding(origin.Location, origin.Text, sink));
                        }

                        break;
                    case OriginKind.Member:
                        CollectAll(memberValues, origin.Symbol!, sink, depth, visited, followParameters);
                        break;
                    case OriginKind.Return:
                        // What a method returns from its parameter depends on the call: Trim(x) is not a sink for every caller.
                        CollectAll(returnValues, origin.Symbol!, sink, depth, visited, followParameters: false);
                        break;
                    case OriginKind.Parameter:
                        // The parameter reaches the sink: so do the arguments of every call site (queued: breadth first, once per parameter).
                        if (followParameters && depth < MaxResolveDepth && sinkParameters.Add(origin.Symbol!))
                        {
                            var parameter = (IParameterSymbol)origin.Symbol!;
                            var through = sink.Through(parameter);
                            EnqueueCalls(parameter, through, depth);

                            // An override's parameter is given what calls of the virtual, abstract or interface method pass.
                            if (parameter.ContainingSymbol is IMethodSymbol owner)
                            {
                                foreach (var related in Overridden(owner))
                                {
                                    if (parameter.Ordinal < related.Parameters.Length)
                                    {
                                        EnqueueCalls(related.Parameters[parameter.Ordinal].OriginalDefinition, through, depth);
                                    }
                                }
                            }
                        }

                        break;
                }
            }
        }

        void EnqueueCalls(ISymbol parameter, Sink through, int depth)
        {
            if (arguments.TryGetValue(parameter, out var calls))
            {
                foreach (var call in calls)
                {
                    pending.Enqueue((through, call, depth + 1));
                }
            }
        }

        void CollectAll(Dictionary<ISymbol, List<List<Origin>>> table, ISymbol symbol, Sink sink, int depth, HashSet<ISymbol> visited, bool followParameters)
        {
            if (visited.Count > 64 || !visited.Add(symbol) || !table.TryGetValue(symbol, out var values))
            {
                return;
            }

            foreach (var value in values)
            {
                Collect(value, sink, depth, visited, followParameters);
            }
        }
    }
}
