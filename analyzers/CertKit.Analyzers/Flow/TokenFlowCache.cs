using System.Collections.Immutable;
using System.Threading;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Hands out the <see cref="TokenValueFlow"/> of the member body an operation belongs to, built only when a rule has found a
/// sink there and asks for it. The rules run as operation actions on the driver's shared operation tree and dismiss most
/// operations on a symbol's name and type, so a body without a real sink never gets a flow.
/// </summary>
/// <remarks>
/// The driver runs one body's operation actions in a row on one thread, so each thread keeps the flow of the body it
/// analyses now: found without a shared table, a weak-table look-up or a lock, and never used by two threads at once. A
/// body asked about again after another (or on another thread) gets a flow built anew, with the same answers (a flow's
/// answers depend on its body alone).
/// </remarks>
internal sealed class TokenFlowCache
{
    private readonly ThreadLocal<TokenValueFlow?> current = new();
    private readonly TokenFlowSymbols symbols;
    private readonly AnalyzerOptions options;
    private readonly bool countConnectionStrings;

    public TokenFlowCache(TokenFlowSymbols symbols, AnalyzerOptions options, bool countConnectionStrings)
    {
        this.symbols = symbols;
        this.options = options;
        this.countConnectionStrings = countConnectionStrings;
    }

    public TokenFlowSymbols Symbols => symbols;

    /// <summary>The flow of the body around <paramref name="operation"/>, created on first <c>.Value</c>.</summary>
    public TokenFlowHandle For(IOperation operation) => new(this, operation);

    /// <summary>The flow of the body around <paramref name="operation"/>, created now if this thread's last one was another body's.</summary>
    public TokenValueFlow Get(IOperation operation)
    {
        var root = OperationTree.Root(operation);
        var flow = current.Value;
        if (flow is null || flow.Root != root)
        {
            flow = new TokenValueFlow(symbols, ImmutableArray.Create(root), CertKitOptions.Get(options, root.Syntax.SyntaxTree), countConnectionStrings);
            current.Value = flow;
        }

        return flow;
    }
}

/// <summary>The flow of one operation's body, asked for only when needed (a value, not an allocation per operation).</summary>
internal readonly struct TokenFlowHandle
{
    private readonly TokenFlowCache cache;
    private readonly IOperation operation;

    public TokenFlowHandle(TokenFlowCache cache, IOperation operation)
    {
        this.cache = cache;
        this.operation = operation;
    }

    public TokenValueFlow Value => cache.Get(operation);
}
