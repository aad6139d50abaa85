using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// Where a field or property is used, as far as the configuration fix needs to know: whether a use needs a constant,
/// writes the member, or could not read an instance member of the type (static context, field initialiser, constructor
/// initialiser, another type, qualified by the type's name), and which constructors read it.
/// </summary>
internal sealed class MemberUses
{
    private readonly List<SyntaxNode> _constructorUses = new();

    private MemberUses()
    {
    }

    /// <summary>A use where only a constant may stand (attribute argument, case label, pattern, another const).</summary>
    public bool NeedsConstant { get; private set; }

    /// <summary>Assigned, incremented, or passed by <c>ref</c>/<c>out</c> outside its own declaration.</summary>
    public bool IsWritten { get; private set; }

    /// <summary>A use from which an instance member of the declaring type could not be read (not computed for locals).</summary>
    public bool HasUseOutsideInstanceContext { get; private set; }

    /// <summary>False when a reference could not be resolved to syntax: the caller should not rewrite.</summary>
    public bool IsComplete { get; private set; } = true;

    public static async Task<MemberUses> FindAsync(Document document, ISymbol member, CancellationToken cancellationToken)
    {
        var uses = new MemberUses();
        var declaringType = member.ContainingType;
        var references = await SymbolFinder.FindReferencesAsync(member, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is null)
                {
                    uses.IsComplete = false;
                    continue;
                }

                if (node.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>(ascendOutOfTrivia: false) is not null
                    || IsInsideNameOf(node))
                {
                    continue;
                }

                uses.NeedsConstant |= IsConstantContext(node);
                uses.IsWritten |= IsWrittenTo(node);
                if (member is ILocalSymbol)
                {
                    // A local constant: only whether a use needs a constant matters.
                    continue;
                }

                var model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model is null || !IsInInstanceContextOf(node, declaringType, model, uses._constructorUses, cancellationToken))
                {
                    uses.HasUseOutsideInstanceContext = true;
                }
            }
        }

        return uses;
    }

    /// <summary>
    /// True when every constructor that reads the member has assigned <paramref name="configurationMember"/> before
    /// (textually) the read, so the computed property never sees it unassigned.
    /// </summary>
    public bool ConstructorsAssignBeforeUse(string configurationMember)
    {
        foreach (var use in _constructorUses)
        {
            var constructor = use.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
            if (constructor is null || !AssignsBefore(constructor, configurationMember, use.SpanStart))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AssignsBefore(ConstructorDeclarationSyntax constructor, string member, int position)
    {
        foreach (var assignment in constructor.DescendantNodes())
        {
            if (assignment.SpanStart >= position)
            {
                break;
            }

            if (assignment is AssignmentExpressionSyntax { Left: var left } && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                && assignment.Span.End <= position
                && left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText == member,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText == member,
                    _ => false,
                })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideNameOf(SyntaxNode node) =>
        node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };

    private static bool IsConstantContext(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case PatternSyntax:
                case ParameterSyntax:
                case EnumMemberDeclarationSyntax:
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsWrittenTo(SyntaxNode node)
    {
        SyntaxNode target = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
        while (true)
        {
            var parent = target.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == target;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    return true;
                case RefExpressionSyntax:
                    return true;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                    // (a, Field) = ...: climb to the deconstruction.
                    target = tuple;
                    continue;
                default:
                    return false;
            }
        }
    }

    private static bool IsInInstanceContextOf(SyntaxNode node, INamedTypeSymbol declaringType, SemanticModel model, List<SyntaxNode> constructorUses, CancellationToken cancellationToken)
    {
        // "VenafiClient.BaseUrl" or "other.BaseUrl" reads through something else, not through this instance.
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node && access.Expression is not ThisExpressionSyntax)
        {
            return false;
        }

        if (node.Parent is MemberBindingExpressionSyntax || node.Parent is QualifiedNameSyntax)
        {
            return false;
        }

        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.StaticKeyword):
                case ConstructorInitializerSyntax:
                case AttributeSyntax:
                case BaseFieldDeclarationSyntax:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                case PrimaryConstructorBaseTypeSyntax:
                    return false;

                case ConstructorDeclarationSyntax constructor:
                    if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return false;
                    }

                    constructorUses.Add(node);
                    return IsDeclaringType(constructor.Parent, declaringType, model, cancellationToken);

                case MemberDeclarationSyntax member when member is not BaseTypeDeclarationSyntax:
                    if (member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword) || member is OperatorDeclarationSyntax || member is ConversionOperatorDeclarationSyntax)
                    {
                        return false;
                    }

                    return IsDeclaringType(member.Parent, declaringType, model, cancellationToken);

                case BaseTypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsDeclaringType(SyntaxNode? typeDeclaration, INamedTypeSymbol declaringType, SemanticModel model, CancellationToken cancellationToken) =>
        typeDeclaration is TypeDeclarationSyntax type
        && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(type, cancellationToken), declaringType);
}
