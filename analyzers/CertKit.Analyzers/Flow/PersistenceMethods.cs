using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>A call that gives a token to a method of this compilation: where, what (for the message), and which parameter.</summary>
internal readonly struct PersistenceCall
{
    public PersistenceCall(IParameterSymbol parameter, Location location, string? subject)
    {
        Parameter = parameter;
        Location = location;
        Subject = subject;
    }

    public IParameterSymbol Parameter { get; }

    public Location Location { get; }

    public string? Subject { get; }
}

/// <summary>A call that reaches a store through a project's own method: where, what, and the store (for the message).</summary>
internal readonly struct PersistenceFinding
{
    public PersistenceFinding(Location location, string? subject, string sink)
    {
        Location = location;
        Subject = subject;
        Sink = sink;
    }

    public Location Location { get; }

    public string? Subject { get; }

    public string Sink { get; }
}

/// <summary>
/// A project's own persistence methods (CK2001 across methods): <c>repository.AddLog(id, $"refreshToken={token}")</c> whose
/// <c>request</c> parameter the method assigns to an entity it saves, writes to a file or gives to a database parameter.
/// While the compilation is analysed, the sinks record which parameters of their own method they store as they are
/// (<see cref="RecordStored"/>), and calls of this compilation's methods record which parameters they give a token
/// (<see cref="RecordCall"/>); at compilation end the two meet (<see cref="Resolve"/>). A parameter the method protects first
/// (<c>Request = Encrypt(request)</c>) is not stored as it is, so a project's own wrapper around encryption ends the flow.
/// </summary>
internal sealed class PersistenceMethods
{
    private readonly LiteralOrigins origins;
    private readonly ConcurrentDictionary<IParameterSymbol, string> stored = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<PersistenceCall> calls = new();
    private readonly AnswerSlots<IMethodSymbol, bool> mayStore;

    // Calls in a method body that can store a value in a database or a file (the stores RecordStored hears from).
    private static readonly HashSet<string> StoringCalls = new(StorageSinks.FileWriteMethods, StringComparer.Ordinal)
    {
        "SaveChanges", "SaveChangesAsync", "AddWithValue", "Write", "WriteLine", "WriteAsync", "WriteLineAsync",
    };

    public PersistenceMethods(Compilation compilation)
    {
        origins = new LiteralOrigins(compilation);

        // About eight called methods of this compilation per file.
        mayStore = AnswerSlots<IMethodSymbol, bool>.For(compilation.SyntaxTrees.Count() * 8);
    }

    /// <summary>
    /// Records the parameters of <paramref name="containing"/> that <paramref name="value"/> is, as it is (through locals and
    /// conditionals), stored in <paramref name="sink"/>. Only methods of this compilation that a caller can give a value to.
    /// </summary>
    public void RecordStored(IOperation value, ISymbol containing, string sink)
    {
        if (containing is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method || method.Parameters.IsEmpty
            || origins.Trace(value, TraceMode.Whole) is not { } found)
        {
            return;
        }

        foreach (var origin in found)
        {
            if (origin.Kind == OriginKind.Parameter && origin.Symbol is IParameterSymbol parameter
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method.OriginalDefinition))
            {
                stored.TryAdd(parameter, sink);
            }
        }
    }

    /// <summary>
    /// Cheap filter before a call's arguments are classified: the called method's body (read as syntax, the answer remembered) calls
    /// something that stores (<c>SaveChanges</c>, <c>File.WriteAllText</c>, <c>AddWithValue</c>, a writer's <c>Write</c>) or
    /// creates a database parameter. Most methods a body calls do neither, so their callers build no flow for them.
    /// </summary>
    public bool MayStore(IMethodSymbol method)
    {
        // Remembered per method (a method is called from many places), in slots chosen by where it is declared.
        var definition = method.OriginalDefinition;
        var locations = definition.Locations;
        var hash = locations.Length > 0 ? locations[0].SourceSpan.Start : 0;
        return mayStore.TryGet(hash, definition, out var known) ? known : mayStore.Remember(hash, definition, ComputeMayStore(definition));
    }

    private static bool ComputeMayStore(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (!MayMentionStore(reference))
            {
                continue;
            }

            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } when StoringCalls.Contains(member.Name.Identifier.ValueText):
                    case ObjectCreationExpressionSyntax { Type: var type } when type.ToString().EndsWith("Parameter", StringComparison.Ordinal):
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A text search before the syntax walk: a declaration that stores names a storing call or a <c>…Parameter</c> type in its
    /// text, so one whose text has none of the anchors (and no unicode escape, which could spell one) needs no walk.
    /// </summary>
    private static bool MayMentionStore(SyntaxReference reference)
    {
        var text = SourceTexts.Of(reference.SyntaxTree);
        var span = reference.Span;
        foreach (var anchor in StoreAnchors)
        {
            if (text.IndexOf(anchor, span.Start, span.Length, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return SourceTexts.MayHaveUnicodeEscape(text, span.Start, span.Length);
    }

    // Each storing call's name contains one of these.
    private static readonly string[] StoreAnchors = { "Write", "AppendAll", "SaveChanges", "AddWithValue", "Parameter" };

    /// <summary>Records that a call gives a token (<paramref name="subject"/>) to <paramref name="parameter"/> of a method of this compilation.</summary>
    public void RecordCall(IParameterSymbol parameter, Location location, string? subject) =>
        calls.Enqueue(new PersistenceCall(parameter.OriginalDefinition, location, subject));

    /// <summary>The calls whose parameter the method stores, once per call site and parameter, in source order.</summary>
    public List<PersistenceFinding> Resolve()
    {
        var findings = new List<PersistenceFinding>();
        if (stored.IsEmpty)
        {
            return findings;
        }

        var seen = new HashSet<(SyntaxTree?, int)>();
        foreach (var call in calls)
        {
            if (stored.TryGetValue(call.Parameter, out var sink) && seen.Add((call.Location.SourceTree, call.Location.SourceSpan.Start)))
            {
                findings.Add(new PersistenceFinding(call.Location, call.Subject, sink + " (through the '" + call.Parameter.Name + "' parameter of " + Sink.MemberName(call.Parameter.ContainingSymbol) + ")"));
            }
        }

        findings.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
            return byFile != 0 ? byFile : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
        });
        return findings;
    }
}
