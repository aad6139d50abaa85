using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// A field or auto-property whose initialiser holds a flagged literal. A read from configuration placed in that
/// initialiser runs in the type initialiser (static members: a <c>TypeInitializationException</c> at first use of the
/// type) or before the constructor body (instance members: injected configuration is not assigned yet), so the fix
/// turns such a member into a computed property that reads at each use instead, when nothing needs it to stay a field.
/// </summary>
internal sealed class InitializedMember
{
    private InitializedMember(MemberDeclarationSyntax declaration, SyntaxToken identifier, TypeSyntax type, ExpressionSyntax value, bool isStatic, bool isConst, bool canBecomeProperty)
    {
        Declaration = declaration;
        Identifier = identifier;
        Type = type;
        Value = value;
        IsStatic = isStatic;
        IsConst = isConst;
        CanBecomeProperty = canBecomeProperty;
    }

    /// <summary>The <see cref="FieldDeclarationSyntax"/> or <see cref="PropertyDeclarationSyntax"/>.</summary>
    public MemberDeclarationSyntax Declaration { get; }

    public SyntaxToken Identifier { get; }

    public TypeSyntax Type { get; }

    /// <summary>The initialiser's value, which holds the literal.</summary>
    public ExpressionSyntax Value { get; }

    /// <summary>Static or const: its initialiser runs in the type initialiser.</summary>
    public bool IsStatic { get; }

    public bool IsConst { get; }

    /// <summary>
    /// True when the declaration's shape allows a computed property in its place: one declarator, no attributes (they
    /// may target the field), not in an interface, and for a property only a <c>get</c> accessor without a body.
    /// Whether the member is written elsewhere is a question for its references.
    /// </summary>
    public bool CanBecomeProperty { get; }

    /// <summary>The member whose initialiser holds <paramref name="literal"/> directly (not inside a lambda, which runs later), or null.</summary>
    public static InitializedMember? Of(LiteralExpressionSyntax literal)
    {
        for (SyntaxNode? node = literal.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case StatementSyntax:
                    return null;

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } declaration } declarator } initializer:
                    var fieldIsConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    var fieldShapeFits = declaration.Variables.Count == 1
                        && field.AttributeLists.Count == 0
                        && field.Parent is not InterfaceDeclarationSyntax
                        && !field.Modifiers.Any(SyntaxKind.FixedKeyword)
                        && declaration.Type is not RefTypeSyntax;
                    return new InitializedMember(
                        field,
                        declarator.Identifier,
                        declaration.Type,
                        initializer.Value,
                        fieldIsConst || field.Modifiers.Any(SyntaxKind.StaticKeyword),
                        fieldIsConst,
                        fieldShapeFits);

                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } initializer:
                    return new InitializedMember(
                        property,
                        property.Identifier,
                        property.Type,
                        initializer.Value,
                        property.Modifiers.Any(SyntaxKind.StaticKeyword),
                        isConst: false,
                        IsGetOnlyAutoProperty(property) && !HasFieldTargetedAttribute(property) && property.Parent is not InterfaceDeclarationSyntax);

                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The computed property that replaces the member: same name, type and accessibility, <c>=> value</c>;
    /// <c>const</c>/<c>readonly</c>/<c>volatile</c> dropped, <c>static</c> kept or dropped as <paramref name="asStatic"/> says.
    /// </summary>
    public PropertyDeclarationSyntax ToComputedProperty(ExpressionSyntax newValue, bool asStatic)
    {
        var modifiers = Declaration.Modifiers;
        var rewritten = SyntaxFactory.TokenList();
        var pendingLeading = SyntaxFactory.TriviaList();
        var hasStatic = false;
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.ConstKeyword) || modifier.IsKind(SyntaxKind.StaticKeyword))
            {
                if (asStatic && !hasStatic)
                {
                    rewritten = rewritten.Add(SyntaxFactory.Token(pendingLeading.AddRange(modifier.LeadingTrivia), SyntaxKind.StaticKeyword, modifier.TrailingTrivia));
                    pendingLeading = SyntaxFactory.TriviaList();
                    hasStatic = true;
                }
                else if (rewritten.Count == 0)
                {
                    pendingLeading = pendingLeading.AddRange(modifier.LeadingTrivia);
                }

                continue;
            }

            if (modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.VolatileKeyword))
            {
                if (rewritten.Count == 0)
                {
                    pendingLeading = pendingLeading.AddRange(modifier.LeadingTrivia);
                }

                continue;
            }

            rewritten = rewritten.Add(rewritten.Count == 0 ? modifier.WithLeadingTrivia(pendingLeading.AddRange(modifier.LeadingTrivia)) : modifier);
            pendingLeading = SyntaxFactory.TriviaList();
        }

        var type = Type;
        if (rewritten.Count == 0)
        {
            type = type.WithLeadingTrivia(pendingLeading.AddRange(type.GetLeadingTrivia()));
        }

        var identifier = Identifier.TrailingTrivia.Count == 0 ? Identifier.WithTrailingTrivia(SyntaxFactory.Space) : Identifier;
        var arrow = SyntaxFactory.ArrowExpressionClause(
            SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithTrailingTrivia(SyntaxFactory.Space),
            newValue.WithoutLeadingTrivia());
        var semicolon = Declaration switch
        {
            FieldDeclarationSyntax field => field.SemicolonToken,
            PropertyDeclarationSyntax property => property.SemicolonToken,
            _ => SyntaxFactory.Token(SyntaxKind.SemicolonToken),
        };

        var attributes = Declaration is PropertyDeclarationSyntax withAttributes ? withAttributes.AttributeLists : default;
        return SyntaxFactory.PropertyDeclaration(attributes, rewritten, type, explicitInterfaceSpecifier: null, identifier, accessorList: null, arrow, initializer: null, semicolon)
            .WithLeadingTrivia(Declaration.GetLeadingTrivia())
            .WithTrailingTrivia(Declaration.GetTrailingTrivia());
    }

    private static bool IsGetOnlyAutoProperty(PropertyDeclarationSyntax property)
    {
        if (property.AccessorList is not { } accessors || accessors.Accessors.Count != 1)
        {
            return false;
        }

        var accessor = accessors.Accessors[0];
        return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) && accessor.Body is null && accessor.ExpressionBody is null && accessor.AttributeLists.Count == 0;
    }

    private static bool HasFieldTargetedAttribute(PropertyDeclarationSyntax property)
    {
        foreach (var list in property.AttributeLists)
        {
            if (list.Target is { } target && target.Identifier.IsKind(SyntaxKind.FieldKeyword))
            {
                return true;
            }
        }

        return false;
    }
}
