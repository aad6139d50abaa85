using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// CK1001 / CK1002: replaces a hardcoded URL or credential literal with a configuration read —
/// <c>configuration["Section:Key"]</c> when an <c>IConfiguration</c> is in scope, else
/// <c>Environment.GetEnvironmentVariable("NAME")</c> — followed by <c>?? throw</c> so a missing setting fails where it is read.
/// A field or auto-property initialised from the literal becomes a computed property (<c>=> read</c>): it reads the
/// class's injected configuration at each use, and never throws from a type initialiser.
/// Offered only where the result compiles: not in attributes, case labels, patterns or default parameter values, not
/// for a <c>const</c> something needs constant, not for a static field that is written elsewhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadFromConfigurationCodeFixProvider))]
[Shared]
public sealed class ReadFromConfigurationCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "CertKit.ReadFromConfiguration";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.HardcodedUrl, RuleIds.HardcodedCredential);

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
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (token.Parent is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression) || !CanReplace(literal))
            {
                continue;
            }

            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (semanticModel is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(CK1002HardcodedCredentialAnalyzer.TargetNameProperty, out var targetName);
            var words = IdentifierWords.Split(string.IsNullOrWhiteSpace(targetName) ? "value" : targetName!);
            if (words.Count == 0)
            {
                words.Add("value");
            }

            var fix = InitializedMember.Of(literal) is { } member
                ? await PlanMemberFixAsync(context.Document, semanticModel, literal, member, words, context.CancellationToken).ConfigureAwait(false)
                : await PlanInPlaceFixAsync(context.Document, semanticModel, literal, words, context.CancellationToken).ConfigureAwait(false);
            if (fix is null)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.ApplyAsync, EquivalenceKey), diagnostic);
        }
    }

    /// <summary>A literal in a method body, a lambda or an argument: replaced where it stands (a local <c>const</c> loses <c>const</c>).</summary>
    private static async Task<PlannedFix?> PlanInPlaceFixAsync(
        Document document,
        SemanticModel semanticModel,
        LiteralExpressionSyntax literal,
        System.Collections.Generic.List<string> words,
        CancellationToken cancellationToken)
    {
        var constDeclaration = ConstDeclaration(literal);
        if (constDeclaration is not null
            && !await IsOnlyReadAsValueAsync(document, semanticModel, constDeclaration, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return InPlace(document, literal, constDeclaration, ConfigurationRead.Create(FindConfiguration(semanticModel, literal, cancellationToken), literal, words));
    }

    /// <summary>
    /// A literal in a field or auto-property initialiser. Static initialisers must not throw (a
    /// <c>TypeInitializationException</c> at first use of the type), and instance initialisers run before the constructor
    /// has assigned injected configuration, so the member becomes a computed property that reads at each use: from the
    /// class's own <c>IConfiguration</c> when every use can reach it, else from a static one or the environment.
    /// </summary>
    private static async Task<PlannedFix?> PlanMemberFixAsync(
        Document document,
        SemanticModel semanticModel,
        LiteralExpressionSyntax literal,
        InitializedMember member,
        System.Collections.Generic.List<string> words,
        CancellationToken cancellationToken)
    {
        ISymbol? symbol = member.Declaration switch
        {
            FieldDeclarationSyntax field => semanticModel.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken),
            PropertyDeclarationSyntax property => semanticModel.GetDeclaredSymbol(property, cancellationToken),
            _ => null,
        };

        if (symbol is null || member.Declaration.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        var uses = await MemberUses.FindAsync(document, symbol, cancellationToken).ConfigureAwait(false);
        if (member.IsConst && (uses.NeedsConstant || !uses.IsComplete))
        {
            return null;
        }

        var canBecomeProperty = member.CanBecomeProperty && uses.IsComplete && !uses.IsWritten && !uses.NeedsConstant;
        var available = ConfigurationMembers.Of(semanticModel, type, cancellationToken);
        if (member.IsStatic)
        {
            if (!canBecomeProperty)
            {
                // A read in a static initialiser would throw from the type initialiser: no fix rather than that.
                return null;
            }

            // Turning a static member into an instance one is a breaking change for code outside the assembly.
            var canBecomeInstance = !uses.HasUseOutsideInstanceContext
                && symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal;
            if (canBecomeInstance && available.Instance is { } instance
                && (available.InstanceIsInherited || uses.ConstructorsAssignBeforeUse(instance)))
            {
                return MemberToProperty(document, literal, member, ConfigurationRead.Create(instance, literal, words), asStatic: false);
            }

            if (canBecomeInstance && available.PrimaryConstructorParameter is { } parameter)
            {
                return MemberToProperty(document, literal, member, ConfigurationRead.Create(parameter, literal, words), asStatic: false);
            }

            return MemberToProperty(document, literal, member, ConfigurationRead.Create(available.Static, literal, words), asStatic: true);
        }

        if (available.PrimaryConstructorParameter is { } primary)
        {
            // Primary-constructor parameters are assigned before any initialiser runs.
            return InPlace(document, literal, constDeclaration: null, ConfigurationRead.Create(primary, literal, words));
        }

        if (canBecomeProperty && available.Instance is { } injected
            && (available.InstanceIsInherited || uses.ConstructorsAssignBeforeUse(injected)))
        {
            return MemberToProperty(document, literal, member, ConfigurationRead.Create(injected, literal, words), asStatic: false);
        }

        // Runs at construction, with a clear message, never in a type initialiser.
        return InPlace(document, literal, constDeclaration: null, ConfigurationRead.Create(available.Static, literal, words));
    }

    private static PlannedFix InPlace(Document document, LiteralExpressionSyntax literal, LocalDeclarationStatementSyntax? constDeclaration, ConfigurationRead read) =>
        new(read.Title, cancellationToken => ReplaceAsync(document, literal, constDeclaration, read.Text, cancellationToken));

    private static PlannedFix MemberToProperty(Document document, LiteralExpressionSyntax literal, InitializedMember member, ConfigurationRead read, bool asStatic) =>
        new(read.Title, async cancellationToken =>
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var value = member.Value.ReplaceNode(literal, ReadExpression(read.Text, literal));
            var property = member.ToComputedProperty(value, asStatic).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(member.Declaration, property));
        });

    private static async Task<Document> ReplaceAsync(
        Document document,
        LiteralExpressionSyntax literal,
        LocalDeclarationStatementSyntax? constDeclaration,
        string replacementText,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacement = ReadExpression(replacementText, literal);

        if (constDeclaration is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(constDeclaration, WithoutConst(constDeclaration.ReplaceNode(literal, replacement))));
    }

    /// <summary>The read, parenthesised so it stays right wherever it lands ("a == (x ?? throw ...)").</summary>
    private static ExpressionSyntax ReadExpression(string replacementText, LiteralExpressionSyntax literal)
    {
        // The simplifier drops needless parentheses; "System." qualifications are marked too, so they shrink to
        // "Environment" where "using System;" is present.
        var read = SyntaxFactory.ParseExpression(replacementText);
        read = read.ReplaceNodes(
            read.DescendantNodes().Where(n => n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        return SyntaxFactory.ParenthesizedExpression(read)
            .WithTriviaFrom(literal)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary>False where only a constant may stand: attribute arguments, case labels, patterns, default parameter values.</summary>
    private static bool CanReplace(LiteralExpressionSyntax literal)
    {
        for (SyntaxNode? node = literal.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case PatternSyntax:
                case ParameterSyntax:
                    return false;
                case EqualsValueClauseSyntax { Parent: EnumMemberDeclarationSyntax }:
                    return false;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    /// <summary>The local <c>const</c> declaration whose initialiser holds the literal, or null (fields go through <see cref="InitializedMember"/>).</summary>
    private static LocalDeclarationStatementSyntax? ConstDeclaration(LiteralExpressionSyntax literal)
    {
        var declarator = literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
        if (declarator?.Initializer is null || !declarator.Initializer.Span.Contains(literal.Span))
        {
            return null;
        }

        return declarator.Parent?.Parent switch
        {
            LocalDeclarationStatementSyntax local when local.IsConst => local,
            _ => null,
        };
    }

    /// <summary>True when no reference to the local constant sits where a constant is required.</summary>
    private static async Task<bool> IsOnlyReadAsValueAsync(Document document, SemanticModel semanticModel, LocalDeclarationStatementSyntax local, CancellationToken cancellationToken)
    {
        foreach (var declarator in local.Declaration.Variables)
        {
            var symbol = semanticModel.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol is null)
            {
                return false;
            }

            var uses = await MemberUses.FindAsync(document, symbol, cancellationToken).ConfigureAwait(false);
            if (!uses.IsComplete || uses.NeedsConstant)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An <c>IConfiguration</c> usable at the literal: a parameter, a primary-constructor parameter, a field or a property.</summary>
    private static string? FindConfiguration(SemanticModel semanticModel, SyntaxNode literal, CancellationToken cancellationToken)
    {
        var configurationType = semanticModel.Compilation.GetTypeByMetadataName(ConfigurationMembers.ConfigurationTypeName);
        if (configurationType is null)
        {
            return null;
        }

        var instanceAccessible = true;
        var outerParametersAccessible = true;
        for (var node = literal.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    // Field and property initialisers run before the constructor body: no instance members yet.
                    instanceAccessible = false;
                    break;

                case AnonymousFunctionExpressionSyntax lambda:
                    if (outerParametersAccessible && ConfigurationMembers.FindParameter(semanticModel, ParametersOf(lambda), configurationType, cancellationToken) is { } lambdaParameter)
                    {
                        return lambdaParameter;
                    }

                    if (lambda.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        outerParametersAccessible = false;
                        instanceAccessible = false;
                    }

                    break;

                case LocalFunctionStatementSyntax localFunction:
                    if (outerParametersAccessible && ConfigurationMembers.FindParameter(semanticModel, localFunction.ParameterList.Parameters, configurationType, cancellationToken) is { } localParameter)
                    {
                        return localParameter;
                    }

                    if (localFunction.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        outerParametersAccessible = false;
                        instanceAccessible = false;
                    }

                    break;

                case BaseMethodDeclarationSyntax method:
                    if (outerParametersAccessible && ConfigurationMembers.FindParameter(semanticModel, method.ParameterList.Parameters, configurationType, cancellationToken) is { } methodParameter)
                    {
                        return methodParameter;
                    }

                    instanceAccessible &= !method.Modifiers.Any(SyntaxKind.StaticKeyword);
                    outerParametersAccessible = false;
                    break;

                case BasePropertyDeclarationSyntax property:
                    instanceAccessible &= !property.Modifiers.Any(SyntaxKind.StaticKeyword);
                    outerParametersAccessible = false;
                    break;

                case BaseFieldDeclarationSyntax field:
                    instanceAccessible &= !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    outerParametersAccessible = false;
                    break;

                case TypeDeclarationSyntax type:
                    return FindMember(semanticModel, type, instanceAccessible, literal, cancellationToken);
            }
        }

        return null;
    }

    private static string? FindMember(SemanticModel semanticModel, TypeDeclarationSyntax type, bool instanceAccessible, SyntaxNode literal, CancellationToken cancellationToken)
    {
        var available = ConfigurationMembers.Of(semanticModel, type, cancellationToken);

        // Primary-constructor parameters are in scope in initialisers too, but never in static members.
        if (!IsInStaticMember(literal) && available.PrimaryConstructorParameter is { } primary)
        {
            return primary;
        }

        return (instanceAccessible ? available.Instance : null) ?? available.Static;
    }

    private static bool IsInStaticMember(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MemberDeclarationSyntax member when member is not TypeDeclarationSyntax:
                    return member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword);
                case TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static SeparatedSyntaxList<ParameterSyntax> ParametersOf(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax simple => SyntaxFactory.SingletonSeparatedList(simple.Parameter),
        AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
        _ => default,
    };

    // "const string x = ..." -> "string x = ...", keeping the indentation that sat before "const".
    private static LocalDeclarationStatementSyntax WithoutConst(LocalDeclarationStatementSyntax local)
    {
        var leading = SyntaxFactory.TriviaList();
        var modifiers = SyntaxFactory.TokenList();
        foreach (var modifier in local.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.ConstKeyword))
            {
                leading = leading.AddRange(modifier.LeadingTrivia);
            }
            else
            {
                modifiers = modifiers.Add(modifier);
            }
        }

        if (modifiers.Count > 0)
        {
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(leading.AddRange(modifiers[0].LeadingTrivia)));
            return local.WithModifiers(modifiers);
        }

        var type = local.Declaration.Type;
        return local.WithModifiers(modifiers).WithDeclaration(local.Declaration.WithType(type.WithLeadingTrivia(leading.AddRange(type.GetLeadingTrivia()))));
    }
}
