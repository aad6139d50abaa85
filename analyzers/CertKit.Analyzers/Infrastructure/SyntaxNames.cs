using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>Names read straight from syntax, so rules can skip a node before asking the semantic model anything.</summary>
internal static class SyntaxNames
{
    /// <summary>The invoked method's simple name: <c>File.WriteAllText(…)</c> gives "WriteAllText", <c>log?.Info(…)</c> "Info".</summary>
    public static string? Invoked(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The assigned member's name; "" for an indexer (<c>Settings.Default["ApiKey"]</c>); null for anything else.</summary>
    public static string? Assigned(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        ElementAccessExpressionSyntax => string.Empty,
        _ => null,
    };

    /// <summary>The rightmost identifier of a type name: <c>System.InvalidOperationException</c> gives "InvalidOperationException".</summary>
    public static string? Rightmost(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>One ordinal set of the method names a rule's syntax filter accepts, built once from its groups.</summary>
    public static HashSet<string> NameSet(params IEnumerable<string>[] groups)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            all.UnionWith(group);
        }

        return all;
    }
}
