using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>Adds a <c>using</c> directive that a fix needs for an extension method, unless it is already in scope.</summary>
internal static class NamespaceImports
{
    /// <summary>
    /// True when <paramref name="extensionClass"/> (simple name) resolves at <paramref name="position"/>: the namespace is imported
    /// by a using, a global using (implicit usings) or an enclosing namespace.
    /// </summary>
    public static bool IsInScope(SemanticModel model, int position, string extensionClass) =>
        !model.LookupNamespacesAndTypes(position, name: extensionClass).IsEmpty;

    /// <summary>
    /// Adds <c>using <paramref name="ns"/>;</c> to the compilation unit: after the System usings, in ordinal order among the others.
    /// </summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string ns)
    {
        var usings = root.Usings;
        foreach (var existing in usings)
        {
            if (existing.Name?.ToString() == ns && existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None))
            {
                return root;
            }
        }

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine(Environment.NewLine);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        if (usings.Count == 0)
        {
            // A blank line between the new using and the code that follows.
            return root.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(endOfLine, endOfLine)));
        }

        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? string.Empty;
            if (usings[i].Alias is not null || !usings[i].StaticKeyword.IsKind(SyntaxKind.None))
            {
                index = i;
                break;
            }

            if (name == "System" || name.StartsWith("System.", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.CompareOrdinal(name, ns) > 0)
            {
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            // Keep the file's leading trivia (header comment, pragmas) in front of the first using.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithoutLeadingTrivia());
        }

        return root.WithUsings(usings.Insert(index, directive));
    }
}
