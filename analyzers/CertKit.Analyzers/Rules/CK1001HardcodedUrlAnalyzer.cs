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
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, xNamespace), SyntaxKind.StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInterpolatedText(c, xNamespace), SyntaxKind.InterpolatedStringText);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, INamedTypeSymbol? xNamespace)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < 10 || !UrlClassifier.MayContainUrl(value))
        {
            return;
        }

        Report(context, literal, literal.Token, value, ContinuesWithExpression(literal), xNamespace);
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context, INamedTypeSymbol? xNamespace)
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

        Report(context, text, text.TextToken, value, continues, xNamespace);
    }

    private static void Report(SyntaxNodeAnalysisContext context, SyntaxNode node, SyntaxToken token, string value, bool continues, INamedTypeSymbol? xNamespace)
    {
        var options = CertKitOptions.Get(context.Options, node.SyntaxTree);
        var index = 0;
        ValueTarget? target = null;
        while (UrlClassifier.TryFindHardcodedUrl(value, index, continues, options.AllowedHosts, out var match))
        {
            if (target is null)
            {
                if (UrlClassifier.IsProse(value))
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

                if (IsExcluded(node, found, context.SemanticModel, xNamespace, context.CancellationToken))
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
            index = match.End;
        }
    }

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
