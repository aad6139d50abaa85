using Microsoft.CodeAnalysis;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The parameters of <see cref="Method"/> as one call site binds them (arguments evaluated in <see cref="Caller"/>), or
/// unbound (<see cref="Arguments"/> null): then a parameter that decides the endpoint asks for the method's callers when
/// <see cref="Expandable"/>, and stands for itself otherwise.
/// </summary>
internal sealed class CallFrame
{
    public CallFrame(IMethodSymbol? method, IReadOnlyDictionary<int, IOperation>? arguments, CallFrame? caller, bool expandable)
    {
        Method = method?.OriginalDefinition;
        Arguments = arguments;
        Caller = caller;
        Expandable = expandable;
        Depth = caller is null ? 0 : caller.Depth + 1;
    }

    public IMethodSymbol? Method { get; }

    public IReadOnlyDictionary<int, IOperation>? Arguments { get; }

    public CallFrame? Caller { get; }

    public bool Expandable { get; }

    public int Depth { get; }

    public static CallFrame Unbound(IMethodSymbol? method, bool expandable) => new(method, null, null, expandable);

    public bool Binds(IParameterSymbol parameter) =>
        Method is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, Method);
}
