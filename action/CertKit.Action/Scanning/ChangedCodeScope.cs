using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// What a pull request's scan analyses in a project whose C# changed: the changed files and the files a cross-file flow
/// into them needs, not every file of the project (a change in a large central project would otherwise cost nearly a
/// full scan). Findings are reported on changed lines only, so a flow matters only where it ends or starts in a changed
/// file; one hop either way is read:
/// <list type="bullet">
/// <item>the files declaring what the changed files call, read, construct or extend by partial declaration (found by
/// binding the changed files);</item>
/// <item>the files that name a method or constructor with parameters and a body the changed files declare (callers, by
/// identifier: a value they pass may reach a sink in that body; overrides are called through their base and do not
/// count).</item>
/// </list>
/// Every other file is not analysed (<see cref="ExcludedTrees"/>: it keeps its declarations and loses its method bodies).
/// A flow that passes through a second file between the change and its sink is not followed (docs/scan.md).
/// </summary>
internal static class ChangedCodeScope
{
    /// <summary>
    /// The paths of the trees a pull request analyses in <paramref name="compilation"/> (none when no C# file of it
    /// changed: its changed text files are analysed without any C#). Callees and callers are those of the changed
    /// declarations (<paramref name="isChangedLine"/>, 1-based lines), not of every declaration in a changed file.
    /// </summary>
    public static IReadOnlySet<string> Select(
        Compilation compilation,
        IReadOnlySet<string> changedPaths,
        Func<string, int, bool> isChangedLine,
        Func<string, bool> isRepositoryFile,
        CancellationToken cancellationToken)
    {
        var changed = compilation.SyntaxTrees.Where(tree => changedPaths.Contains(tree.FilePath)).ToList();
        var analysed = new HashSet<SyntaxTree>(changed);
        var declaredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in changed)
        {
            var model = compilation.GetSemanticModel(tree);
            var lines = tree.GetText(cancellationToken).Lines;
            var changes = new ChangedNodes(lines, line => isChangedLine(tree.FilePath, line + 1));
            var root = tree.GetRoot(cancellationToken);
            changes.Collect(root);
            foreach (var node in changes.WholeFile ? [root] : changes.Nodes)
            {
                AddCallees(compilation, model, node, analysed, declaredNames, cancellationToken);
            }

            foreach (var type in changes.WholeFile ? [] : changes.TypeHeaders)
            {
                if (model.GetDeclaredSymbol(type, cancellationToken) is { } declared)
                {
                    AddDeclaringTrees(declared, compilation, analysed); // the other parts of a partial type
                }
            }
        }

        foreach (var tree in declaredNames.Count == 0 ? [] : compilation.SyntaxTrees)
        {
            if (!analysed.Contains(tree) && isRepositoryFile(tree.FilePath) && NamesAny(tree, declaredNames, cancellationToken))
            {
                analysed.Add(tree); // a caller: a literal it passes may reach a sink in the change
            }
        }

        return new HashSet<string>(analysed.Select(tree => tree.FilePath), StringComparer.Ordinal);
    }

    /// <summary>
    /// The declarations a change touches: a member (method, property, field, event, constructor…) with a changed line is
    /// taken whole; a namespace or type all of whose lines changed (a new one) is taken whole; a type whose header
    /// changed (attributes, modifiers, base list) brings its other partial parts; a changed <c>using</c> or namespace
    /// name can change how every line of the file binds, so it takes the whole file. Lines whose only tokens are braces
    /// or semicolons change nothing a flow depends on.
    /// </summary>
    private sealed class ChangedNodes(TextLineCollection lines, Func<int, bool> isChanged)
    {
        public List<SyntaxNode> Nodes { get; } = [];

        public List<BaseTypeDeclarationSyntax> TypeHeaders { get; } = [];

        /// <summary>A change can alter how every line of the file binds: the whole file is the change.</summary>
        public bool WholeFile { get; private set; }

        public void Collect(SyntaxNode node)
        {
            var (first, last) = Lines(node.Span);
            if (WholeFile || !AnyChanged(first, last))
            {
                return;
            }

            if (AllChanged(first, last) || node is not (CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                Nodes.Add(node);
                return;
            }

            var headerChanged = false;
            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is MemberDeclarationSyntax member)
                {
                    Collect(member);
                }
                else if (child.IsToken ? !IsPunctuation(child.AsToken()) && AnyChanged(child.Span) : AnyChanged(child.Span))
                {
                    headerChanged = true;
                }
            }

            if (!headerChanged)
            {
                return;
            }

            if (node is TypeDeclarationSyntax type)
            {
                TypeHeaders.Add(type);
                Nodes.AddRange(type.AttributeLists);
                if (type.BaseList is { } baseList)
                {
                    Nodes.Add(baseList);
                }
            }
            else
            {
                WholeFile = true; // a using, an extern alias or a namespace's name: every line of the file may bind differently
            }
        }

        private static bool IsPunctuation(SyntaxToken token) =>
            token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.CloseBraceToken) || token.IsKind(SyntaxKind.SemicolonToken) || token.IsKind(SyntaxKind.EndOfFileToken);

        private (int First, int Last) Lines(TextSpan span) => (lines.GetLineFromPosition(span.Start).LineNumber, lines.GetLineFromPosition(span.End).LineNumber);

        private bool AnyChanged(TextSpan span)
        {
            var (first, last) = Lines(span);
            return span.Length > 0 && AnyChanged(first, last);
        }

        private bool AnyChanged(int first, int last)
        {
            for (var line = first; line <= last; line++)
            {
                if (isChanged(line))
                {
                    return true;
                }
            }

            return false;
        }

        private bool AllChanged(int first, int last)
        {
            for (var line = first; line <= last; line++)
            {
                if (!isChanged(line))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Adds the source trees of what <paramref name="scope"/> uses, and collects the names its callers would call it by.</summary>
    private static void AddCallees(Compilation compilation, SemanticModel model, SyntaxNode scope, HashSet<SyntaxTree> analysed, HashSet<string> declaredNames, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
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
}
