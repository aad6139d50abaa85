using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Scanning;

/// <summary>
/// A file's declarations without its code: every method, accessor, constructor and operator body becomes
/// <c>throw null;</c>. Types, signatures, attributes, fields and constants with their values stay, so whatever binds
/// against the file binds as before, and the compiler no longer binds (or keeps in memory) bodies nobody analyses.
/// </summary>
internal static class DeclarationsOnly
{
    public static SyntaxTree Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.WithRootAndOptions(new BodyStripper().Visit(tree.GetRoot(cancellationToken)), tree.Options);

    private sealed class BodyStripper : CSharpSyntaxRewriter
    {
        private static readonly BlockSyntax ThrowBlock = SyntaxFactory.Block(
            SyntaxFactory.ThrowStatement(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));

        private static readonly ArrowExpressionClauseSyntax ThrowArrow = SyntaxFactory.ArrowExpressionClause(
            SyntaxFactory.ThrowExpression(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) => Strip(node);

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) => Strip(node); // its base(...) call stays

        public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) => Strip(node);

        public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) => Strip(node);

        public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) => Strip(node);

        public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
            node.Body is not null ? node.WithBody(ThrowBlock)
            : node.ExpressionBody is not null ? node.WithExpressionBody(ThrowArrow)
            : node; // an auto-property's accessor keeps its meaning

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node) =>
            node.ExpressionBody is not null ? node.WithExpressionBody(ThrowArrow) : base.VisitPropertyDeclaration(node);

        public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node) =>
            node.ExpressionBody is not null ? node.WithExpressionBody(ThrowArrow) : base.VisitIndexerDeclaration(node);

        private static BaseMethodDeclarationSyntax Strip(BaseMethodDeclarationSyntax node) =>
            node.Body is not null ? node.WithBody(ThrowBlock)
            : node.ExpressionBody is not null ? node.WithExpressionBody(ThrowArrow)
            : node;
    }
}
