namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// What a URI expression was followed to: <see cref="Base"/> names where its base address comes from (a configuration key,
/// <c>env:NAME</c>, a field), <see cref="Text"/> is the literal rest with holes as <c>{name}</c> (it may be an absolute URL).
/// <see cref="NeedsCallers"/>: a part that decides the endpoint is a parameter of the method the call sits in, so the value
/// is only known at that method's call sites (a request helper).
/// </summary>
internal sealed record UriValue(string? Base, string Text, bool Opaque = false, bool NeedsCallers = false)
{
    public static UriValue Literal(string text) => new(null, text);

    public static UriValue FromBase(string origin) => new(origin, string.Empty);

    /// <summary>A parameter, field or property that could not be followed further: its name stands for the address.</summary>
    public static UriValue FromSymbol(string name, bool needsCallers = false) => new(name, string.Empty, Opaque: true, NeedsCallers: needsCallers);

    /// <summary>This value followed by <paramref name="next"/> (string concatenation or an interpolation's parts).</summary>
    public UriValue Append(UriValue next)
    {
        var needsCallers = NeedsCallers || next.NeedsCallers;
        return Base is not null && Text.Length == 0 && next.Base is null
            ? new UriValue(Base, next.Text, NeedsCallers: needsCallers)
            : new UriValue(Base, Text + (next.Base is null ? next.Text : "{" + PathTemplate.HoleName(next.Base[(next.Base.LastIndexOfAny([':', '.']) + 1)..]) + "}" + next.Text), NeedsCallers: needsCallers);
    }

    /// <summary>The base (origin or source) and path template this value stands for, relative to <paramref name="clientBase"/>.</summary>
    public (string? Base, string Path) Resolve(UriValue? clientBase)
    {
        var (origin, path) = PathTemplate.Split(Text);
        if (origin is not null)
        {
            return (Base ?? origin, path);
        }

        if (Base is not null || clientBase is null)
        {
            return (Base, path);
        }

        // Relative to the client's BaseAddress: a literal base keeps its path, the way new Uri(base, relative) does.
        var (clientOrigin, clientPath) = PathTemplate.Split(clientBase.Text);
        var combined = Text.StartsWith('/') || clientBase.Text.Length == 0 ? path : PathTemplate.Combine(clientPath, Text);
        return (clientBase.Base ?? clientOrigin, combined);
    }
}
