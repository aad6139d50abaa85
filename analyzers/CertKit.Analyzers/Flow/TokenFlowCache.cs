using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Hands out the <see cref="TokenValueFlow"/> of the member body an operation belongs to, one per body, built only when a
/// rule has found a sink there and asks for it. The rules run as operation actions on the driver's shared operation tree
/// and dismiss most operations on a symbol's name and type, so a body without a real sink never gets a flow.
/// </summary>
internal sealed class TokenFlowCache
{
    private readonly ConditionalWeakTable<IOperation, TokenValueFlow> flows = new();
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
    public Lazy<TokenValueFlow> For(IOperation operation) =>
        new(() => flows.GetValue(Root(operation), Create), System.Threading.LazyThreadSafetyMode.None);

    private TokenValueFlow Create(IOperation root) =>
        new(symbols, ImmutableArray.Create(root), CertKitOptions.Get(options, root.Syntax.SyntaxTree), countConnectionStrings);

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
