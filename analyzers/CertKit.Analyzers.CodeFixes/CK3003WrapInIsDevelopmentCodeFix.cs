using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// CK3003: wraps the statement in <c>if (env.IsDevelopment()) { ... }</c>. The environment is, in order: the receiver's own
/// <c>Environment</c> when the receiver is a <c>WebApplication</c>; a local or parameter of type <c>IHostEnvironment</c>
/// (<c>IWebHostEnvironment</c>); a local or parameter of type <c>WebApplication</c>/<c>WebApplicationBuilder</c> (its
/// <c>Environment</c>); a field or property of the enclosing class of type <c>IHostEnvironment</c>. Offered only for a whole
/// statement in a block (not inside an expression lambda) and only when one of those is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CK3003WrapInIsDevelopmentCodeFix))]
[Shared]
public sealed class CK3003WrapInIsDevelopmentCodeFix : CodeFixProvider
{
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DebugFeatureOutsideDevelopment);

    /// <summary>
    /// Fix All (and <c>dotnet format analyzers</c>): every statement of the document that can be guarded is, in one edit;
    /// a statement with no environment in scope is left as it is and keeps its warning.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var guards = new Dictionary<ExpressionStatementSyntax, string>();
        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var statement = WrappableStatement(node);
            if (statement is null || guards.ContainsKey(statement))
            {
                continue;
            }

            var environment = FindEnvironment(model, node, statement, context.CancellationToken);
            if (environment is not null)
            {
                guards.Add(statement, environment);
            }
        }

        if (guards.Count == 0)
        {
            return document;
        }

        var needsUsing = guards.Keys.Any(statement => !NamespaceImports.IsInScope(model, statement.SpanStart, "HostEnvironmentEnvExtensions"));
        SyntaxNode newRoot = root.ReplaceNodes(guards.Keys, (original, rewritten) => Guard(rewritten, guards[original]));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = NamespaceImports.AddUsing(unit, HostingNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var statement = WrappableStatement(node);
            if (statement is null)
            {
                continue;
            }

            var environment = FindEnvironment(model, node, statement, context.CancellationToken);
            if (environment is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Only in development: if (" + environment + ".IsDevelopment())",
                    ct => WrapAsync(context.Document, statement, environment, ct),
                    equivalenceKey: nameof(CK3003WrapInIsDevelopmentCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The expression statement holding the node, when it sits directly in a block or at top level.</summary>
    private static ExpressionStatementSyntax? WrappableStatement(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                    return null;
                case ExpressionStatementSyntax statement:
                    return statement.Parent is BlockSyntax or GlobalStatementSyntax ? statement : null;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? FindEnvironment(SemanticModel model, SyntaxNode node, StatementSyntax statement, CancellationToken cancellationToken)
    {
        // app.UseSwagger() on a WebApplication: app.Environment.
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } }
            && IsWebApplicationOrBuilder(model.GetTypeInfo(receiver, cancellationToken).Type, applicationOnly: true))
        {
            return receiver.Identifier.ValueText + ".Environment";
        }

        var position = statement.SpanStart;
        string? applicationEnvironment = null;
        string? memberEnvironment = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            switch (symbol)
            {
                case ILocalSymbol local when DeclaredBefore(local, position, cancellationToken):
                    if (IsHostEnvironment(local.Type))
                    {
                        return local.Name;
                    }

                    if (IsWebApplicationOrBuilder(local.Type, applicationOnly: false))
                    {
                        applicationEnvironment ??= local.Name + ".Environment";
                    }

                    break;
                case IParameterSymbol parameter:
                    if (IsHostEnvironment(parameter.Type))
                    {
                        return parameter.Name;
                    }

                    if (IsWebApplicationOrBuilder(parameter.Type, applicationOnly: false))
                    {
                        applicationEnvironment ??= parameter.Name + ".Environment";
                    }

                    break;
                case IFieldSymbol field when !field.IsImplicitlyDeclared && IsHostEnvironment(field.Type) && UsableFrom(model, position, field, cancellationToken):
                    memberEnvironment ??= field.Name;
                    break;
                case IPropertySymbol property when IsHostEnvironment(property.Type) && UsableFrom(model, position, property, cancellationToken):
                    memberEnvironment ??= property.Name;
                    break;
            }
        }

        return applicationEnvironment ?? memberEnvironment;
    }

    private static bool DeclaredBefore(ILocalSymbol local, int position, CancellationToken cancellationToken)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken).Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A field or property of the enclosing type, usable from an instance or static context as appropriate.</summary>
    private static bool UsableFrom(SemanticModel model, int position, ISymbol member, CancellationToken cancellationToken)
    {
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            enclosing = enclosing.ContainingSymbol;
        }

        return enclosing is not null && (member.IsStatic || !enclosing.IsStatic) && model.IsAccessible(position, member);
    }

    private static bool IsHostEnvironment(ITypeSymbol? type) => TypeChecks.IsOrImplements(type, "IHostEnvironment", HostingNamespace);

    private static bool IsWebApplicationOrBuilder(ITypeSymbol? type, bool applicationOnly) =>
        type is not null
        && (type.Name == "WebApplication" || (!applicationOnly && type.Name == "WebApplicationBuilder"))
        && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder";

    /// <summary><c>if (env.IsDevelopment()) { statement }</c>, keeping the statement's trivia outside.</summary>
    private static IfStatementSyntax Guard(StatementSyntax statement, string environment)
    {
        var condition = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParseExpression(environment), SyntaxFactory.IdentifierName("IsDevelopment")));
        return SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statement.WithoutLeadingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static async Task<Document> WrapAsync(Document document, ExpressionStatementSyntax statement, string environment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var guarded = Guard(statement, environment);
        var needsUsing = !NamespaceImports.IsInScope(model, statement.SpanStart, "HostEnvironmentEnvExtensions");
        var newRoot = root.ReplaceNode(statement, guarded);
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = NamespaceImports.AddUsing(unit, HostingNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }
}
