using System;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>Allocation-free namespace and type-name checks for symbols found on hot paths.</summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="ns"/> is exactly the dotted namespace (e.g. "Microsoft.AspNetCore.Builder").</summary>
    public static bool NamespaceIs(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        while (ns is not null && !ns.IsGlobalNamespace)
        {
            var name = ns.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            if (start == 0)
            {
                return ns is null || ns.IsGlobalNamespace;
            }

            if (dotted[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>True when <paramref name="ns"/> is the dotted namespace or one nested in it.</summary>
    public static bool NamespaceIsOrIsUnder(INamespaceSymbol? ns, string dotted)
    {
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            if (NamespaceIs(current, dotted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the type is named <paramref name="name"/> in the namespace <paramref name="ns"/>.</summary>
    public static bool TypeIs(ITypeSymbol? type, string ns, string name) =>
        type is not null && string.Equals(type.Name, name, StringComparison.Ordinal) && NamespaceIs(type.ContainingNamespace, ns);
}
