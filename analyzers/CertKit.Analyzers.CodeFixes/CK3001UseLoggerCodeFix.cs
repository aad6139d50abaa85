using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CertKit.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// CK3001: replaces <c>Console.WriteLine(x)</c>, <c>Debug.WriteLine(x)</c>, <c>Trace.TraceWarning(...)</c> … with a call on the
/// enclosing class's <c>ILogger</c> (field, property or primary-constructor parameter, also inherited when not private).
/// A constant message without braces stays the template; a composite format (<c>"Got {0}", n</c>) is a valid template too;
/// anything else is passed as <c>"{Message}", x</c> so it is never parsed as a template.
/// Offered only when such a logger is reachable from the call and the call is one of these plain shapes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CK3001UseLoggerCodeFix))]
[Shared]
public sealed class CK3001UseLoggerCodeFix : CodeFixProvider
{
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NonProductionOutput);

    /// <summary>
    /// Fix All (and <c>dotnet format analyzers</c>): every call of the document that has a logger in reach is rewritten in
    /// one edit; a call without one is left as it is and keeps its warning, and does not stop the others.
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

        var calls = new Dictionary<InvocationExpressionSyntax, InvocationExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CK3001NonProductionOutputAnalyzer.LogLevelMethodKey, out var logMethod) || logMethod is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || calls.ContainsKey(invocation))
            {
                continue;
            }

            var replacement = TryBuildLoggerCall(model, invocation, logMethod, context.CancellationToken);
            if (replacement is not null)
            {
                calls.Add(invocation, replacement.Value.Call);
            }
        }

        if (calls.Count == 0)
        {
            return document;
        }

        var needsUsing = calls.Keys.Any(invocation => !NamespaceImports.IsInScope(model, invocation.SpanStart, "LoggerExtensions"));
        SyntaxNode newRoot = root.ReplaceNodes(calls.Keys, (original, _) => calls[original].WithTriviaFrom(original));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = NamespaceImports.AddUsing(unit, LoggingNamespace);
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
            if (!diagnostic.Properties.TryGetValue(CK3001NonProductionOutputAnalyzer.LogLevelMethodKey, out var logMethod) || logMethod is null)
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var replacement = TryBuildLoggerCall(model, invocation, logMethod, context.CancellationToken);
            if (replacement is null)
            {
                continue;
            }

            var title = "Log with " + replacement.Value.Logger + "." + logMethod;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, invocation, replacement.Value.Call, ct), equivalenceKey: nameof(CK3001UseLoggerCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, InvocationExpressionSyntax invocation, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var needsUsing = !NamespaceImports.IsInScope(model, invocation.SpanStart, "LoggerExtensions");
        var newRoot = root.ReplaceNode(invocation, call.WithTriviaFrom(invocation));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = NamespaceImports.AddUsing(unit, LoggingNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static (string Logger, InvocationExpressionSyntax Call)? TryBuildLoggerCall(SemanticModel model, InvocationExpressionSyntax invocation, string logMethod, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target || !target.ReturnsVoid)
        {
            return null;
        }

        var arguments = BuildArguments(model, invocation.ArgumentList, target, cancellationToken);
        if (arguments is null)
        {
            return null;
        }

        var logger = FindLogger(model, invocation, cancellationToken);
        if (logger is null)
        {
            return null;
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(logger), SyntaxFactory.IdentifierName(logMethod)),
            arguments);
        return (logger, call);
    }

    private static ArgumentListSyntax? BuildArguments(SemanticModel model, ArgumentListSyntax list, IMethodSymbol target, CancellationToken cancellationToken)
    {
        var arguments = list.Arguments;
        if (arguments.Count == 0 || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        var first = arguments[0].Expression;
        var constant = model.GetConstantValue(first, cancellationToken);
        if (arguments.Count == 1)
        {
            if (constant is { HasValue: true, Value: string text } && text.IndexOf('{') < 0 && text.IndexOf('}') < 0)
            {
                return SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(first.WithoutTrivia())));
            }

            // Not a constant template: the value is a template argument, never the template itself.
            return SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("{Message}"))),
                SyntaxFactory.Argument(first.WithoutTrivia()),
            }));
        }

        // Console.WriteLine("Got {0} certificates", count): a composite format is a valid message template ({0} is a named hole).
        if (target.Parameters.Length > 0 && target.Parameters[0].Name == "format" && constant is { HasValue: true, Value: string })
        {
            return SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(a => a.WithoutTrivia())));
        }

        return null;
    }

    /// <summary>The name of an ILogger field, property or primary-constructor parameter usable at the call.</summary>
    private static string? FindLogger(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var typeDeclaration = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (typeDeclaration is null || model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var member = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            member = member.ContainingSymbol;
        }

        var staticContext = member?.IsStatic ?? true;

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers())
            {
                if (candidate.IsImplicitlyDeclared || (staticContext && !candidate.IsStatic))
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(current, type) && candidate.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }

                var candidateType = candidate switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property when property.GetMethod is not null => property.Type,
                    _ => null,
                };
                if (IsLogger(candidateType) && model.IsAccessible(invocation.SpanStart, candidate))
                {
                    return candidate.Name;
                }
            }
        }

        if (!staticContext && typeDeclaration.ParameterList is { } primaryParameters)
        {
            foreach (var parameter in primaryParameters.Parameters)
            {
                if (model.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsLogger(symbol.Type))
                {
                    return symbol.Name;
                }
            }
        }

        return null;
    }

    // ILogger and ILogger<T> (which implements ILogger).
    private static bool IsLogger(ITypeSymbol? type) => TypeChecks.IsOrImplements(type as INamedTypeSymbol, "ILogger", LoggingNamespace);
}
