using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>Type tests the code fixes share.</summary>
internal static class TypeChecks
{
    /// <summary>True when <paramref name="type"/> is, or implements, the interface <c>@namespace.name</c>.</summary>
    public static bool IsOrImplements(ITypeSymbol? type, string name, string @namespace)
    {
        if (type is null)
        {
            return false;
        }

        if (IsInterface(type, name, @namespace))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsInterface(implemented, name, @namespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInterface(ITypeSymbol type, string name, string @namespace) =>
        type.Name == name && type.ContainingNamespace?.ToDisplayString() == @namespace;
}
