using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// CK4001: removes the accept-all callback assignment so the platform's default chain validation applies again:
/// the whole statement (<c>handler.ServerCertificateCustomValidationCallback = ...;</c>, also <c>+=</c>), or the member of an
/// object initializer (<c>new HttpClientHandler { ServerCertificateCustomValidationCallback = ... }</c>).
/// Not offered where removal would leave broken or different code: a callback passed as an argument (<c>new SslStream(...)</c>),
/// stored in a variable or field, or assigned in an expression-bodied lambda.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CK4001RemoveValidationCallbackCodeFix))]
[Shared]
public sealed class CK4001RemoveValidationCallbackCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TlsValidationDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var value = node;
            while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                value = value.Parent;
            }

            if (value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value)
            {
                continue;
            }

            if (assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax } statement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the certificate validation override", ct => RemoveStatementAsync(context.Document, statement, ct), nameof(CK4001RemoveValidationCallbackCodeFix)),
                    diagnostic);
            }
            else if (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the certificate validation override", ct => RemoveInitializerMemberAsync(context.Document, initializer, assignment, ct), nameof(CK4001RemoveValidationCallbackCodeFix)),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> RemoveStatementAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SyntaxNode target = statement.Parent is GlobalStatementSyntax global ? global : statement;
        var newRoot = root.RemoveNode(target, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }

    private static async Task<Document> RemoveInitializerMemberAsync(Document document, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax member, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var remaining = initializer.Expressions.Remove(member);
        SyntaxNode oldNode = initializer;
        SyntaxNode newNode;
        if (remaining.Count > 0)
        {
            newNode = initializer.WithExpressions(remaining).WithAdditionalAnnotations(Formatter.Annotation);
        }
        else
        {
            // new HttpClientHandler { X = ... }  ->  new HttpClientHandler()
            switch (initializer.Parent)
            {
                case ObjectCreationExpressionSyntax creation:
                    oldNode = creation;
                    newNode = creation.WithInitializer(null)
                        .WithType(creation.Type.WithoutTrailingTrivia())
                        .WithArgumentList((creation.ArgumentList ?? SyntaxFactory.ArgumentList()).WithoutTrailingTrivia())
                        .WithTrailingTrivia(initializer.GetTrailingTrivia());
                    break;
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    oldNode = implicitCreation;
                    newNode = implicitCreation.WithInitializer(null)
                        .WithArgumentList(implicitCreation.ArgumentList.WithoutTrailingTrivia())
                        .WithTrailingTrivia(initializer.GetTrailingTrivia());
                    break;
                default:
                    newNode = initializer.WithExpressions(remaining);
                    break;
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }
}
