namespace CertKit.Action.Evidence.Api;

/// <summary>
/// One type or member of the public surface: its identity (<see cref="Key"/>: container, name and parameter types), what
/// people read (<see cref="Display"/>), the facets a change of which matters (return type, modifiers, accessors, each
/// parameter's default …) and where it is declared.
/// </summary>
internal sealed record ApiSymbol(
    string Key,
    string? ContainerKey,
    string Name,
    string Kind,
    string Display,
    IReadOnlyDictionary<string, string> Facets,
    bool IsAbstractRequirement,
    string File,
    int Line);

/// <summary>The public and protected surface of a folder's shipped C# projects, and how each project was read.</summary>
internal sealed record ApiSurface(IReadOnlyDictionary<string, ApiSymbol> Symbols, IReadOnlyList<string> Notes);
