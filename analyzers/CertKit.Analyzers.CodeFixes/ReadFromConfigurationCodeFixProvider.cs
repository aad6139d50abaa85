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
/// <c>Environment.GetEnvironmentVariable("NAME")</c> — followed by <c>?? throw</c> so a missing setting fails at once.
/// Offered only where the result compiles: not in attributes, case labels, patterns or default parameter values;
/// a <c>const</c> becomes <c>static readonly</c> (or a plain local) unless something needs it to stay constant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadFromConfigurationCodeFixProvider))]
[Shared]
public sealed class ReadFromConfigurationCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "CertKit.ReadFromConfiguration";

    private const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

    // Class-name endings that say what the class is, not which system it talks to: VenafiClient -> Venafi.
    private static readonly string[] TypeSuffixes =
    {
        "Client", "Service", "Options", "Settings", "Configuration", "Config", "Provider", "Handler", "Connector", "Gateway", "Api",
    };

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

            var constDeclaration = ConstDeclaration(literal);
            if (constDeclaration is not null
                && !await IsOnlyReadAsValueAsync(context.Document, constDeclaration, context.CancellationToken).ConfigureAwait(false))
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

            var configuration = FindConfiguration(semanticModel, literal, context.CancellationToken);
            string title;
            string read;
            string settingName;
            if (configuration is not null)
            {
                settingName = SectionName(literal) + ":" + PascalCase(words);
                read = configuration + "[" + Quote(settingName) + "]";
                title = $"Read '{settingName}' from configuration";
            }
            else
            {
                settingName = UpperSnakeCase(words);
                read = "System.Environment.GetEnvironmentVariable(" + Quote(settingName) + ")";
                title = $"Read '{settingName}' from the environment";
            }

            var replacement = read + " ?? throw new System.InvalidOperationException(" + Quote(settingName + " is not configured.") + ")";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => ReplaceAsync(context.Document, literal, constDeclaration, replacement, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(
        Document document,
        LiteralExpressionSyntax literal,
        SyntaxNode? constDeclaration,
        string replacementText,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Parenthesised so it stays right wherever it lands ("a == (x ?? throw ...)"); the simplifier drops needless parentheses.
        // "System." qualifications are marked too, so they shrink to "Environment" where "using System;" is present.
        var read = SyntaxFactory.ParseExpression(replacementText);
        read = read.ReplaceNodes(
            read.DescendantNodes().Where(n => n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        var replacement = SyntaxFactory.ParenthesizedExpression(read)
            .WithTriviaFrom(literal)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        if (constDeclaration is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }

        var newDeclaration = constDeclaration.ReplaceNode(literal, replacement);
        newDeclaration = newDeclaration switch
        {
            FieldDeclarationSyntax field => field.WithModifiers(ConstToStaticReadonly(field.Modifiers)),
            LocalDeclarationStatementSyntax local => WithoutConst(local),
            _ => newDeclaration,
        };

        return document.WithSyntaxRoot(root.ReplaceNode(constDeclaration, newDeclaration));
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

    /// <summary>The <c>const</c> field or local declaration whose initialiser holds the literal, or null.</summary>
    private static SyntaxNode? ConstDeclaration(LiteralExpressionSyntax literal)
    {
        var declarator = literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
        if (declarator?.Initializer is null || !declarator.Initializer.Span.Contains(literal.Span))
        {
            return null;
        }

        return declarator.Parent?.Parent switch
        {
            FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword) => field,
            LocalDeclarationStatementSyntax local when local.IsConst => local,
            _ => null,
        };
    }

    /// <summary>True when no reference to the constant sits where a constant is required.</summary>
    private static async Task<bool> IsOnlyReadAsValueAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel is null)
        {
            return false;
        }

        var declarators = declaration switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables,
            LocalDeclarationStatementSyntax local => local.Declaration.Variables,
            _ => default,
        };

        foreach (var declarator in declarators)
        {
            var symbol = semanticModel.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol is null)
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
            {
                foreach (var location in reference.Locations)
                {
                    var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node is null || IsConstantContext(node))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

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
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case EnumMemberDeclarationSyntax:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>An <c>IConfiguration</c> usable at the literal: a parameter, a primary-constructor parameter, a field or a property.</summary>
    private static string? FindConfiguration(SemanticModel semanticModel, SyntaxNode literal, CancellationToken cancellationToken)
    {
        var configurationType = semanticModel.Compilation.GetTypeByMetadataName(ConfigurationTypeName);
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
                    if (outerParametersAccessible && FindParameter(semanticModel, ParametersOf(lambda), configurationType, cancellationToken) is { } lambdaParameter)
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
                    if (outerParametersAccessible && FindParameter(semanticModel, localFunction.ParameterList.Parameters, configurationType, cancellationToken) is { } localParameter)
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
                    if (outerParametersAccessible && FindParameter(semanticModel, method.ParameterList.Parameters, configurationType, cancellationToken) is { } methodParameter)
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
                    return FindMember(semanticModel, type, configurationType, instanceAccessible, literal, cancellationToken);
            }
        }

        return null;
    }

    private static string? FindMember(
        SemanticModel semanticModel,
        TypeDeclarationSyntax type,
        INamedTypeSymbol configurationType,
        bool instanceAccessible,
        SyntaxNode literal,
        CancellationToken cancellationToken)
    {
        // Primary-constructor parameters are in scope in initialisers too, but never in static members.
        var inStaticMember = IsInStaticMember(literal);
        var primaryParameters = type.ParameterList;
        if (!inStaticMember && primaryParameters is not null
            && FindParameter(semanticModel, primaryParameters.Parameters, configurationType, cancellationToken) is { } primary)
        {
            return primary;
        }

        if (semanticModel.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol)
        {
            return null;
        }

        for (var current = typeSymbol; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field when !field.IsImplicitlyDeclared => field.Type,
                    IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null => property.Type,
                    _ => null,
                };

                if (memberType is null || !IsConfiguration(memberType, configurationType)
                    || (!member.IsStatic && !instanceAccessible)
                    || (!SymbolEqualityComparer.Default.Equals(current, typeSymbol) && member.DeclaredAccessibility == Accessibility.Private))
                {
                    continue;
                }

                return member.Name;
            }
        }

        return null;
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

    private static string? FindParameter(
        SemanticModel semanticModel,
        SeparatedSyntaxList<ParameterSyntax> parameters,
        INamedTypeSymbol configurationType,
        CancellationToken cancellationToken)
    {
        foreach (var parameter in parameters)
        {
            if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsConfiguration(symbol.Type, configurationType))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configurationType) =>
        SymbolEqualityComparer.Default.Equals(type, configurationType)
        || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, configurationType));

    // VenafiClient -> "Venafi", CommercetoolsOAuthClient -> "CommercetoolsOAuth", Settings -> "Settings".
    private static string SectionName(SyntaxNode literal)
    {
        var type = literal.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        var name = type?.Identifier.ValueText ?? "App";
        foreach (var suffix in TypeSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private static string PascalCase(System.Collections.Generic.List<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        return builder.ToString();
    }

    private static string UpperSnakeCase(System.Collections.Generic.List<string> words) =>
        string.Join("_", words).ToUpperInvariant();

    private static string Quote(string text) =>
        SyntaxFactory.Literal(text).Text;

    private static SyntaxTokenList ConstToStaticReadonly(SyntaxTokenList modifiers)
    {
        var result = SyntaxFactory.TokenList();
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.ConstKeyword))
            {
                result = result
                    .Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(modifier.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space))
                    .Add(SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(modifier.TrailingTrivia));
            }
            else
            {
                result = result.Add(modifier);
            }
        }

        return result;
    }

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
