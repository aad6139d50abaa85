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

    /// <summary>The type named <paramref name="metadataName"/>, looked up on its first use (see <see cref="KnownType"/>).</summary>
    public KnownType Lazy(string metadataName) => new(this, metadataName);
}

/// <summary>
/// A type of <see cref="WellKnownTypes"/> looked up on first use: each look-up searches every referenced assembly (a tenth
/// of a millisecond with the 300 of an ASP.NET Core application), and most compilations never need most of the types a
/// rule's sink table names. Two threads asking at once both get the provider's one answer.
/// </summary>
internal sealed class KnownType
{
    private readonly WellKnownTypes types;
    private readonly string metadataName;
    private INamedTypeSymbol? value;
    private volatile bool resolved;

    public KnownType(WellKnownTypes types, string metadataName)
    {
        this.types = types;
        this.metadataName = metadataName;
    }

    public INamedTypeSymbol? Value
    {
        get
        {
            if (!resolved)
            {
                value = types.Get(metadataName);
                resolved = true;
            }

            return value;
        }
    }
}
