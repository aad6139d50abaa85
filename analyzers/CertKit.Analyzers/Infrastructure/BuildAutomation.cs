using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// Whether a compilation is a build project written in C# (Cake Frosting, NUKE): the code that builds, packs and
/// publishes the repository, not the application. Its URLs are package feeds, documentation and release pages.
/// </summary>
public static class BuildAutomation
{
    // The build frameworks' root namespaces and assemblies.
    private static readonly string[] Frameworks = { "Cake", "Nuke" };

    /// <summary>
    /// True when the compilation references a build framework's assembly (<c>Cake.Core</c>, <c>Cake.Frosting</c>,
    /// <c>Nuke.Common</c>) or any of its files imports one of its namespaces (<c>using Cake.Common.IO;</c>, a
    /// <c>global using Nuke.Common;</c>), which also decides an ad-hoc or a not-restored compilation.
    /// </summary>
    public static bool IsBuildProject(Compilation compilation, CancellationToken cancellationToken)
    {
        // The names every rule's project scope already read once (Compilation.ReferencedAssemblyNames builds them anew).
        foreach (var assembly in ProjectScope.ReferencedAssemblyNames(compilation))
        {
            if (IsFrameworkName(assembly))
            {
                return true;
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root)
            {
                continue;
            }

            foreach (var directive in root.Usings)
            {
                // The name's first identifier is read first: spelling out every using of a large compilation costs a string each.
                if (directive.Alias is null && directive.Name is { } name && StartsWithFramework(name) && IsFrameworkName(name.ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWithFramework(NameSyntax name)
    {
        while (name is QualifiedNameSyntax qualified)
        {
            name = qualified.Left;
        }

        if (name is not IdentifierNameSyntax identifier)
        {
            return false;
        }

        var first = identifier.Identifier.Text;
        foreach (var framework in Frameworks)
        {
            if (first == framework)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkName(string? name)
    {
        if (name is null)
        {
            return false;
        }

        foreach (var framework in Frameworks)
        {
            if (name.Length > framework.Length && name.StartsWith(framework, StringComparison.Ordinal) && name[framework.Length] == '.')
            {
                return true;
            }
        }

        return false;
    }
}
