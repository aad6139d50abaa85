using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// The framework and library types the rules and the flow engine recognise, resolved once per compilation and shared by
/// every analyzer of that compilation (after roslyn-analyzers' <c>WellKnownTypeProvider</c>). Absent types stay null, and
/// the checks that need them never match. Metadata names live in <see cref="WellKnownTypeNames"/>, nowhere else.
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Providers = new();

    // Null is a real answer (the type is not referenced); ConcurrentDictionary cannot hold a null value, hence the box.
    private readonly ConcurrentDictionary<string, StrongBox<INamedTypeSymbol?>> types = new(System.StringComparer.Ordinal);
    private readonly Compilation compilation;

    private readonly System.Func<string, StrongBox<INamedTypeSymbol?>> resolve;

    private WellKnownTypes(Compilation compilation)
    {
        this.compilation = compilation;
        resolve = name => new StrongBox<INamedTypeSymbol?>(compilation.GetTypeByMetadataName(name));
    }

    public Compilation Compilation => compilation;

    /// <summary>The provider of <paramref name="compilation"/>: one per compilation, whichever analyzer asks first.</summary>
    public static WellKnownTypes For(Compilation compilation) => Providers.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>The type named <paramref name="metadataName"/> (one of <see cref="WellKnownTypeNames"/>), or null when the compilation does not reference it.</summary>
    public INamedTypeSymbol? Get(string metadataName) =>
        types.GetOrAdd(metadataName, resolve).Value;
}
