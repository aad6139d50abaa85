using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK1001: an absolute http/https/ws/wss/ftp URL with a real network host, written in production code.
/// Looks at string literals and the text parts of interpolated strings; everything else (host classification) is
/// <see cref="UrlClassifier"/>. Semantic checks run only for the rare literal that holds such a URL.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK1001HardcodedUrlAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the name the URL is given (variable, property, parameter), for the code fix.</summary>
    public const string TargetNameProperty = "TargetName";

    // Attributes that document or describe, or declare XML namespaces: a URL there is never called.
    private static readonly HashSet<string> MetadataAttributes = new(StringComparer.Ordinal)
    {
        "Description", "DisplayName", "Display", "Category", "HelpLink", "HelpKeyword", "Obsolete", "Experimental",
        "XmlnsDefinition", "XmlnsPrefix", "XmlRoot", "XmlType", "XmlElement", "XmlAttribute", "XmlArray", "XmlArrayItem",
        "XmlSchemaProvider", "XmlInclude", "DataContract", "DataMember", "CollectionDataContract", "ContractNamespace",
        "ServiceContract", "OperationContract", "ServiceBehavior", "WebService", "WebServiceBinding", "SoapDocumentMethod",
        "SoapRpcMethod", "SoapDocumentService", "AssemblyMetadata", "AssemblyDescription", "AssemblyCompany", "AssemblyProduct",
        "AssemblyCopyright", "AssemblyTrademark", "AssemblyInformationalVersion", "SuppressMessage", "UnconditionalSuppressMessage",
        "DebuggerDisplay", "Summary", "Remarks", "Example", "SwaggerOperation", "OpenApiOperation", "EndpointDescription",
        "EndpointSummary", "License", "Contact", "ExternalDocs",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedUrl);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                return;
            }

            // Null when System.Xml.Linq is not referenced; then no literal can be converted to it.
            var xNamespace = WellKnownTypes.For(start.Compilation).Get(WellKnownTypeNames.SystemXmlLinqXNamespace);

            // Decided for the rare literal that holds a URL, once per compilation.
            var isBuildProject = new Lazy<bool>(() => BuildAutomation.IsBuildProject(start.Compilation, start.CancellationToken));
            var compilation = start.Compilation;
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, compilation, xNamespace, isBuildProject), SyntaxKind.StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInterpolatedText(c, compilation, xNamespace, isBuildProject), SyntaxKind.InterpolatedStringText);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, Compilation compilation, INamedTypeSymbol? xNamespace, Lazy<bool> isBuildProject)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < 10 || !UrlClassifier.MayContainUrl(value))
        {
            return;
        }

        Report(context, compilation, literal, literal.Token, value, ContinuesWithExpression(literal), xNamespace, isBuildProject);
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context, Compilation compilation, INamedTypeSymbol? xNamespace, Lazy<bool> isBuildProject)
    {
        var text = (InterpolatedStringTextSyntax)context.Node;
        var value = text.TextToken.ValueText;
        if (value.Length < 8 || !UrlClassifier.MayContainUrl(value))
        {
            return;
        }

        var continues = false;
        if (text.Parent is InterpolatedStringExpressionSyntax interpolated)
        {
            var contents = interpolated.Contents;
            var index = contents.IndexOf(text);
            continues = index >= 0 && index + 1 < contents.Count && contents[index + 1] is InterpolationSyntax;
        }

        Report(context, compilation, text, text.TextToken, value, continues, xNamespace, isBuildProject);
    }

    private static void Report(
        SyntaxNodeAnalysisContext context,
        Compilation compilation,
        SyntaxNode node,
        SyntaxToken token,
        string value,
        bool continues,
        INamedTypeSymbol? xNamespace,
        Lazy<bool> isBuildProject)
    {
        var options = CertKitOptions.Get(context.Options, node.SyntaxTree);
        var index = 0;
        ValueTarget? target = null;
        while (UrlClassifier.TryFindHardcodedUrl(value, index, continues, options.AllowedHosts, out var match))
        {
            index = match.End;

            // <a href="…">, <img src="…">, [text](…): a link or an image in markup, for people.
            if (UrlClassifier.IsLinkTarget(value, match.Start))
            {
                continue;
            }

            if (target is null)
            {
                // The whole string, with its concatenated literals or interpolated parts: a sentence for people, or a
                // text that lists several URLs (credits, space-separated scopes), is not an endpoint.
                var whole = WholeText(node, value);
                if (UrlClassifier.IsProse(whole) || UrlClassifier.IsTextWithSeveralUrls(whole))
                {
                    return;
                }

                // A Cake or NUKE build project: its URLs are the build's (feeds, docs, release pages), not the application's.
                if (isBuildProject.Value)
                {
                    return;
                }

                var found = ValueTargets.Find(node, throughConcatenation: true);
                if (found.Kind == ValueTargetKind.PositionalArgument && found.Argument?.Parent?.Parent is BaseObjectCreationExpressionSyntax creation
                    && IsUriCreation(creation))
                {
                    // new Uri("https://...") is named by what the Uri is given to: TokenEndpoint = new Uri(...).
                    var uriTarget = ValueTargets.Find(creation, throughConcatenation: false);
                    if (uriTarget.Name is not null)
                    {
                        found = new ValueTarget(uriTarget.Kind, uriTarget.Name, found.Value, found.Argument);
                    }
                }

                if (IsExcluded(node, found, context.SemanticModel, xNamespace, context.CancellationToken)
                    || IsNotEndpointByName(node, found, context.SemanticModel, context.CancellationToken)
                    || IsOpenedInBrowser(node, found, compilation, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                target = found;
            }

            var name = target.Value.Name ?? ParameterName(target.Value, context.SemanticModel, context.CancellationToken);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(TargetNameProperty, name ?? NameFromHost(match.Host));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HardcodedUrl,
                LiteralLocations.Locate(token, value, match.Start, match.Length),
                properties,
                match.Url));
        }
    }

    // The text of the whole string a piece belongs to: the literals of a concatenation, or an interpolated string's text
    // parts (a hole stands as "0": it neither ends a URL nor adds a word).
    private static string WholeText(SyntaxNode node, string value)
    {
        if (node is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } && interpolated.Contents.Count > 1)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                builder.Append(content is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : "0");
            }

            return builder.ToString();
        }

        if (node.Parent is not BinaryExpressionSyntax parent || !parent.IsKind(SyntaxKind.AddExpression))
        {
            return value;
        }

        var top = parent;
        while (top.Parent is BinaryExpressionSyntax up && up.IsKind(SyntaxKind.AddExpression))
        {
            top = up;
        }

        var whole = new System.Text.StringBuilder();
        AppendOperands(top, whole);
        return whole.ToString();
    }

    private static void AppendOperands(ExpressionSyntax expression, System.Text.StringBuilder builder)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            AppendOperands(binary.Left, builder);
            AppendOperands(binary.Right, builder);
        }
        else
        {
            builder.Append(expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : "0");
        }
    }

    /// <summary>
    /// The names around the URL say it is no endpoint: an identifier (<c>ValidIssuer</c>, <c>Scopes</c>, <c>builder.Id(…)</c>),
    /// a link or a page for people (<c>HelpUrl</c>, <c>new ServiceLink(…)</c>, a constant of a <c>Links</c> class, a
    /// <c>new OpenApiLicense { Url = … }</c>), or a URL in an e-mail's view model.
    /// </summary>
    private static bool IsNotEndpointByName(SyntaxNode node, ValueTarget target, SemanticModel model, CancellationToken cancellationToken)
    {
        if (UrlNames.IsNotEndpointName(target.Name))
        {
            return true;
        }

        // An element of an array or a collection: the collection's name (ValidIssuers = { … }, scopes = [ … ]).
        if (target.Kind == ValueTargetKind.None && CollectionOf(node) is { } collection)
        {
            var collectionTarget = ValueTargets.Find(collection, throughConcatenation: false);
            return UrlNames.IsNotEndpointName(collectionTarget.Name)
                || (collectionTarget.Argument is { } collectionArgument && UrlNames.IsNotEndpointName(ValueTargets.GetParameterName(collectionArgument, model, cancellationToken)));
        }

        if (target.Argument is { } argument)
        {
            if (UrlNames.IsNotEndpointName(InvokedName(argument)) || UrlNames.IsNotEndpointName(ValueTargets.GetParameterName(argument, model, cancellationToken)))
            {
                return true;
            }

            if (argument.Parent?.Parent is ObjectCreationExpressionSyntax { Type: var created } && UrlNames.IsNotEndpointName(TypeName(created)))
            {
                return true;
            }
        }

        // Url = … (or Url = new Uri(…)) in new OpenApiLicense { … }: the object says what the URL is.
        if (target.Kind == ValueTargetKind.Assignment
            && node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax { Type: var initialized } } }
            && UrlNames.IsNotEndpointName(TypeName(initialized)))
        {
            return true;
        }

        // yield return "…" in ExternalUrls(): the iterator's name.
        if (target.Kind == ValueTargetKind.None && ValueTargets.Climb(node, throughConcatenation: true).Parent is YieldStatementSyntax
            && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } iterator
            && UrlNames.IsNotEndpointName(ValueTargets.WithoutGetPrefix(iterator.Identifier.ValueText)))
        {
            return true;
        }

        // Written in a Links class, an external-URL provider, or an e-mail's view model (its URLs are the message's links
        // and images). An argument is named by the call it is given to, not by the class around it.
        if (target.Argument is null && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
        {
            var typeName = type.Identifier.ValueText;
            return UrlNames.IsNotEndpointName(typeName) || UrlNames.IsMessageViewName(typeName);
        }

        return false;
    }

    // The array or collection a value is an element of: { "a", "b" }, new[] { … }, [ … ].
    private static ExpressionSyntax? CollectionOf(SyntaxNode node)
    {
        var climbed = ValueTargets.Climb(node, throughConcatenation: true);
        return climbed.Parent switch
        {
            InitializerExpressionSyntax { Parent: EqualsValueClauseSyntax } initializer => initializer,
            InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } initializer => (ExpressionSyntax)initializer.Parent!,
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            _ => null,
        };
    }

    // Given to Process.Start, a browser launcher or the project's wrapper of one, directly or through a local.
    private static bool IsOpenedInBrowser(SyntaxNode node, ValueTarget target, Compilation compilation, SemanticModel model, CancellationToken cancellationToken)
    {
        var openings = BrowserOpenings.For(compilation);
        if (target.Argument is { } argument)
        {
            return openings.OpensArgument(argument, model, cancellationToken);
        }

        SyntaxNode? declared = target.Kind switch
        {
            ValueTargetKind.Variable when target.Value.Parent?.Parent is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator => declarator,
            ValueTargetKind.Assignment when target.Value.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left,
            _ => null,
        };
        if (declared is null)
        {
            return false;
        }

        var symbol = declared is VariableDeclaratorSyntax variable ? model.GetDeclaredSymbol(variable, cancellationToken) : model.GetSymbolInfo(declared, cancellationToken).Symbol;
        var body = node.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax);
        return symbol is ILocalSymbol local && body is not null && openings.OpensLocal(local, body, model, cancellationToken);
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => TypeName(qualified.Right),
        _ => null,
    };

    private static bool IsExcluded(SyntaxNode node, ValueTarget target, SemanticModel model, INamedTypeSymbol? xNamespace, CancellationToken cancellationToken)
    {
        var attribute = ValueTargets.EnclosingAttribute(node);
        if (attribute is not null && MetadataAttributes.Contains(AttributeName(attribute.Name)))
        {
            return true;
        }

        // XML namespaces: SoapNamespace, AtomNs, xmlns, XNamespace fields, namespaceURI parameters.
        if (IsNamespaceName(target.Name))
        {
            return true;
        }

        if (target.Argument is not null
            && (IsNamespaceName(InvokedName(target.Argument)) || IsNamespaceName(ValueTargets.GetParameterName(target.Argument, model, cancellationToken))))
        {
            // namespaceManager.AddNamespace("v", "http://..."), XNamespace.Get("http://..."), schemas.Add(targetNamespace: ...)
            return true;
        }

        if (xNamespace is not null && target.Value is ExpressionSyntax expression)
        {
            var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
            if (SymbolEqualityComparer.Default.Equals(converted, xNamespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUriCreation(BaseObjectCreationExpressionSyntax creation) =>
        creation is ImplicitObjectCreationExpressionSyntax
        || (creation is ObjectCreationExpressionSyntax { Type: var type }
            && type switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Uri",
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "Uri",
                _ => false,
            });

    private static string? InvokedName(ArgumentSyntax argument) =>
        argument.Parent?.Parent is InvocationExpressionSyntax invocation ? ValueTargets.NameOf(invocation.Expression) : null;

    private static string? ParameterName(ValueTarget target, SemanticModel model, CancellationToken cancellationToken) =>
        target.Argument is null ? null : ValueTargets.GetParameterName(target.Argument, model, cancellationToken);

    private static bool IsNamespaceName(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word == "namespace" || word == "xmlns")
            {
                return true;
            }
        }

        return words[words.Count - 1] == "ns";
    }

    // "https://api." + region: the literal is followed by something that is not a literal.
    private static bool ContinuesWithExpression(LiteralExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        while (node.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression) && parent.Right == node)
        {
            node = parent;
        }

        return node.Parent is BinaryExpressionSyntax add
            && add.IsKind(SyntaxKind.AddExpression)
            && add.Left == node
            && add.Right is not LiteralExpressionSyntax;
    }

    private static string AttributeName(NameSyntax name)
    {
        var simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simpleName => simpleName.Identifier.ValueText,
            _ => string.Empty,
        };

        return simple.EndsWith("Attribute", StringComparison.Ordinal) && simple.Length > "Attribute".Length
            ? simple.Substring(0, simple.Length - "Attribute".Length)
            : simple;
    }

    // A URL nobody named (new Uri("...") passed straight on): api.venafi.cloud gives "api_venafi_cloud_url".
    private static string NameFromHost(string host) => host.Replace('.', '_').Replace('-', '_') + "_url";
}
