using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The base addresses HttpClients get in a compilation: <c>client.BaseAddress = …</c>, <c>new HttpClient { BaseAddress = … }</c>,
/// and typed clients registered with <c>AddHttpClient&lt;T&gt;(c =&gt; c.BaseAddress = …)</c>; and RestSharp's clients:
/// <c>client.BaseUrl = …</c> (106), <c>new RestClient(url)</c>, <c>new RestClient(new RestClientOptions(url))</c> or
/// <c>{ BaseUrl = url }</c> (107+). RestSharp is not referenced, so its clients are known by their type's name.
/// </summary>
internal sealed class CSharpBaseAddresses
{
    private readonly CSharpCallSites _callSites;
    private readonly Dictionary<ISymbol, List<ExpressionSyntax>> _assigned = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, ExpressionSyntax> _typedClients = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ExpressionSyntax> _resolving = new();

    // RestSharp clients: their base names where the address comes from; its path is not prepended to the resource (a
    // request's path is its resource as written, the way RestSharp integrations and their documentation write it).
    private readonly HashSet<ISymbol> _restSharp = new(SymbolEqualityComparer.Default);

    public CSharpBaseAddresses(CSharpCallSites callSites)
    {
        _callSites = callSites;
    }

    public CSharpUrlFlow? Resolver { get; set; }

    /// <summary>Records a <c>BaseAddress</c> assignment (from the single pass over the compilation's syntax).</summary>
    public void Collect(AssignmentExpressionSyntax assignment, SemanticModel model)
    {
        var value = assignment.Right;
        if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseUrl" } restAccess)
        {
            // RestSharp 106: client.BaseUrl = new Uri(…)
            if (IsRestClient(model.GetTypeInfo(restAccess.Expression).Type) && model.GetSymbolInfo(restAccess.Expression).Symbol is { } client)
            {
                Add(client, value);
                _restSharp.Add(client);
            }
        }
        else if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" } access)
        {
            if (model.GetSymbolInfo(access).Symbol is not IPropertySymbol property || !CSharpUrlFlow.IsHttpClient(property.ContainingType))
            {
                return;
            }

            var receiver = model.GetSymbolInfo(access.Expression).Symbol;
            if (receiver is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } && TypedClientOf(access, model) is { } typedClient)
            {
                _typedClients.TryAdd(typedClient, value);
            }
            else if (receiver is not null)
            {
                Add(receiver, value);
            }
        }
        else if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "BaseAddress" }
            && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }
            && CSharpUrlFlow.IsHttpClient(model.GetTypeInfo(creation).Type))
        {
            var target = creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator),
                AssignmentExpressionSyntax outer => model.GetSymbolInfo(outer.Left).Symbol,
                _ => null,
            };
            if (target is not null)
            {
                Add(target, value);
            }
        }
    }

    /// <summary>Records the base of <c>new RestClient(url)</c> / <c>new RestClient(new RestClientOptions(url))</c> / <c>… { BaseUrl = url }</c> for the variable, field or property it is stored in.</summary>
    public void CollectRestClient(ObjectCreationExpressionSyntax creation)
    {
        var model = _callSites.Model(creation.SyntaxTree);
        var argument = creation.ArgumentList!.Arguments[0].Expression;
        var value = argument is ObjectCreationExpressionSyntax options && options.Type.ToString().EndsWith("RestClientOptions", StringComparison.Ordinal)
            ? options.ArgumentList?.Arguments.FirstOrDefault()?.Expression
                ?? options.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "BaseUrl" })?.Right
            : argument;
        var target = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property),
            AssignmentExpressionSyntax outer when outer.Right == creation => model.GetSymbolInfo(outer.Left).Symbol,
            _ => null,
        };
        // new RestClient(options) with options built elsewhere: not followed (no base rather than the variable's name).
        if (value is not null && target is not null && (value != argument || model.GetTypeInfo(argument).Type?.Name != "RestClientOptions"))
        {
            Add(target, value);
            _restSharp.Add(target);
        }
    }

    private static bool IsRestClient(ITypeSymbol? type) => type?.Name is "RestClient" or "IRestClient";

    /// <summary>
    /// The base address of the client <paramref name="receiver"/> (null: unknown), else of the typed client the call sits in,
    /// else the one base address the containing type gives any of its clients.
    /// </summary>
    public UriValue? Of(ISymbol? receiver, SyntaxNode site)
    {
        if (receiver is not null && _assigned.TryGetValue(receiver, out var values))
        {
            return Origin(receiver, ResolveFirst(values));
        }

        var model = _callSites.Model(site.SyntaxTree);
        var containingType = model.GetEnclosingSymbol(site.SpanStart)?.ContainingType;
        if (containingType is null)
        {
            return null;
        }

        if (_typedClients.TryGetValue(containingType, out var typed))
        {
            return ResolveFirst([typed]);
        }

        var inType = _assigned.Where(pair => SymbolEqualityComparer.Default.Equals(pair.Key.ContainingType, containingType)).ToList();
        return inType.Count == 1 ? Origin(inType[0].Key, ResolveFirst(inType[0].Value)) : null;
    }

    private UriValue? Origin(ISymbol client, UriValue? value)
    {
        if (value is null || !_restSharp.Contains(client))
        {
            return value;
        }

        var (origin, _) = PathTemplate.Split(value.Text);
        return value.Base is null && origin is null ? null : new UriValue(value.Base, origin ?? string.Empty);
    }

    private UriValue? ResolveFirst(IEnumerable<ExpressionSyntax> values)
    {
        foreach (var value in values)
        {
            if (Resolver is null || !_resolving.Add(value))
            {
                continue; // a base address defined in terms of itself
            }

            try
            {
                if (Resolver.Resolve(value) is { } resolved)
                {
                    return resolved;
                }
            }
            finally
            {
                _resolving.Remove(value);
            }
        }

        return null;
    }

    private void Add(ISymbol symbol, ExpressionSyntax value)
    {
        if (!_assigned.TryGetValue(symbol, out var list))
        {
            _assigned[symbol] = list = new List<ExpressionSyntax>();
        }

        list.Add(value);
    }

    private static ITypeSymbol? TypedClientOf(SyntaxNode node, SemanticModel model)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "AddHttpClient", TypeArgumentList.Arguments: [.., var clientType] } } })
            {
                return model.GetTypeInfo(clientType).Type;
            }
        }

        return null;
    }
}
