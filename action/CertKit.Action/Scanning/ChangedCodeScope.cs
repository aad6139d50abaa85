using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Scanning;

/// <summary>
/// What a pull request's scan analyses in a project whose C# changed: the changed files and the files a cross-file flow
/// into them needs, not every file of the project (a change in a large central project would otherwise cost nearly a
/// full scan). Findings are reported on changed lines only, so a flow matters only where it ends or starts in a changed
/// file; one hop either way is read:
/// <list type="bullet">
/// <item>the files declaring what the changed files call, read, construct or extend by partial declaration (found by
/// binding the changed files);</item>
/// <item>the files that name a method or constructor with a body the changed files declare (callers, by identifier: a
/// value they pass may reach a sink in that body; overrides are called through their base and do not count).</item>
/// </list>
/// Every other file keeps its declarations (types, signatures, fields and constants with their values) and loses its
/// method bodies, so the compiler binds what the analysed files need and no more; it is marked not analysed.
/// A flow that passes through a second file between the change and its sink is not followed (docs/scan.md).
/// </summary>
internal static class ChangedCodeScope
{
    /// <summary>
    /// The compilation with every tree outside the scope reduced to its declarations, and the paths of the trees analysed
    /// (none when no C# file of it changed: its changed text files are analysed without any C#).
    /// </summary>
    public static (Compilation Compilation, IReadOnlySet<string> Analysed) Narrow(
        Compilation compilation,
        IReadOnlySet<string> changedPaths,
        Func<string, bool> isRepositoryFile,
        CancellationToken cancellationToken)
    {
        var changed = compilation.SyntaxTrees.Where(tree => changedPaths.Contains(tree.FilePath)).ToList();
        var analysed = new HashSet<SyntaxTree>(changed);
        var declaredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in changed)
        {
            AddCallees(compilation, tree, analysed, declaredNames, cancellationToken);
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!analysed.Contains(tree) && isRepositoryFile(tree.FilePath) && NamesAny(tree, declaredNames, cancellationToken))
            {
                analysed.Add(tree); // a caller: a literal it passes may reach a sink in the change
            }
        }

        var trees = compilation.SyntaxTrees.Select(tree => analysed.Contains(tree) ? tree : DeclarationsOnly(tree, cancellationToken)).ToList();
        var paths = new HashSet<string>(analysed.Select(tree => tree.FilePath), StringComparer.Ordinal);
        return (compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees), paths);
    }

    /// <summary>Adds the source trees of what <paramref name="tree"/> uses, and collects the names of the members it declares.</summary>
    private static void AddCallees(Compilation compilation, SyntaxTree tree, HashSet<SyntaxTree> analysed, HashSet<string> declaredNames, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                    var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                    if (symbol is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol)
                    {
                        AddDeclaringTrees(symbol.OriginalDefinition, compilation, analysed);
                    }

                    break;
                case BaseTypeDeclarationSyntax type:
                    if (model.GetDeclaredSymbol(type, cancellationToken) is { } declared)
                    {
                        AddDeclaringTrees(declared, compilation, analysed); // the other parts of a partial type
                    }

                    break;
                case BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }:
                    // A caller's value reaches a sink only through a parameter into a body: interface and abstract members, and
                    // methods without parameters, have no callers that matter.
                    if (model.GetDeclaredSymbol(node, cancellationToken) is IMethodSymbol { IsOverride: false, Parameters.Length: > 0 } method)
                    {
                        declaredNames.Add(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
                    }

                    break;
            }
        }
    }

    private static void AddDeclaringTrees(ISymbol symbol, Compilation compilation, HashSet<SyntaxTree> analysed)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                analysed.Add(reference.SyntaxTree);
            }
        }
    }

    private static bool NamesAny(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tree with every method, accessor, constructor and operator body replaced by <c>throw null;</c>.</summary>
    internal static SyntaxTree DeclarationsOnly(SyntaxTree tree, CancellationToken cancellationToken) =>
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
