using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The outbound HTTP calls in a C# compilation: HttpClient's verbs (and the System.Net.Http.Json extensions),
/// <c>new HttpRequestMessage(method, uri)</c>, <c>SendAsync</c> of a request built elsewhere, Refit attributes, RestSharp's
/// <c>RestRequest</c> and Flurl's <c>AppendPathSegment</c> chains. One pass over each tree's syntax; only the candidate
/// nodes are bound.
/// </summary>
internal static class CSharpEndpointExtractor
{
    private static readonly Dictionary<string, string> HttpClientVerbs = new(StringComparer.Ordinal)
    {
        ["GetAsync"] = "GET", ["GetStringAsync"] = "GET", ["GetByteArrayAsync"] = "GET", ["GetStreamAsync"] = "GET",
        ["GetFromJsonAsync"] = "GET", ["GetFromJsonAsAsyncEnumerable"] = "GET",
        ["PostAsync"] = "POST", ["PostAsJsonAsync"] = "POST",
        ["PutAsync"] = "PUT", ["PutAsJsonAsync"] = "PUT",
        ["PatchAsync"] = "PATCH", ["PatchAsJsonAsync"] = "PATCH",
        ["DeleteAsync"] = "DELETE", ["DeleteFromJsonAsync"] = "DELETE",
    };

    private static readonly Dictionary<string, string> RefitAttributes = new(StringComparer.Ordinal)
    {
        ["Get"] = "GET", ["Post"] = "POST", ["Put"] = "PUT", ["Patch"] = "PATCH", ["Delete"] = "DELETE", ["Head"] = "HEAD", ["Options"] = "OPTIONS",
    };

    private static readonly Dictionary<string, string> FlurlVerbs = new(StringComparer.Ordinal)
    {
        ["GetAsync"] = "GET", ["GetJsonAsync"] = "GET", ["GetStringAsync"] = "GET", ["GetStreamAsync"] = "GET", ["GetBytesAsync"] = "GET",
        ["PostAsync"] = "POST", ["PostJsonAsync"] = "POST", ["PostUrlEncodedAsync"] = "POST", ["PostStringAsync"] = "POST", ["PostMultipartAsync"] = "POST",
        ["PutAsync"] = "PUT", ["PutJsonAsync"] = "PUT", ["PutStringAsync"] = "PUT",
        ["PatchAsync"] = "PATCH", ["PatchJsonAsync"] = "PATCH", ["PatchStringAsync"] = "PATCH",
        ["DeleteAsync"] = "DELETE", ["HeadAsync"] = "HEAD", ["OptionsAsync"] = "OPTIONS",
    };

    /// <param name="relativePath">The reported path of a tree's file, or null to skip the tree (generated, outside the folder).</param>
    public static List<EndpointCall> Extract(Compilation compilation, Func<SyntaxTree, string?> relativePath, CancellationToken cancellationToken)
    {
        var baseAddresses = new CSharpBaseAddresses(compilation);
        var resolver = new CSharpUriResolver(compilation, baseAddresses);
        baseAddresses.Resolver = resolver;

        // Pass 1: the base addresses (a call may come before the constructor that sets them). Pass 2: the calls.
        var candidates = new List<(SyntaxNode Node, SemanticModel Model, string File)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = relativePath(tree);
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" } or IdentifierNameSyntax { Identifier.ValueText: "BaseAddress" } } assignment:
                        baseAddresses.Collect(assignment, model ??= compilation.GetSemanticModel(tree));
                        break;
                    case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AttributeSyntax when file is not null && IsCandidate(node):
                        candidates.Add((node, model ??= compilation.GetSemanticModel(tree), file));
                        break;
                }
            }
        }

        var calls = new List<EndpointCall>();
        foreach (var (node, model, file) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = node switch
            {
                InvocationExpressionSyntax invocation => FromInvocation(invocation, model, resolver, baseAddresses),
                BaseObjectCreationExpressionSyntax creation => FromCreation(creation, model, resolver, baseAddresses),
                AttributeSyntax attribute => FromRefitAttribute(attribute, model),
                _ => null,
            };
            if (call is not null)
            {
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                calls.Add(new EndpointCall(EndpointKind.Http, call.Value.Method, call.Value.Path, call.Value.Base, call.Value.Expression, new EndpointSite(file, line)));
            }
        }

        return calls;
    }

    private readonly record struct Found(string? Method, string? Path, string? Base, string? Expression);

    private static bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } =>
            HttpClientVerbs.ContainsKey(access.Name.Identifier.ValueText) || FlurlVerbs.ContainsKey(access.Name.Identifier.ValueText)
            || access.Name.Identifier.ValueText is "SendAsync" or "Send",
        ObjectCreationExpressionSyntax creation => TypeName(creation.Type) is "HttpRequestMessage" or "RestRequest",
        ImplicitObjectCreationExpressionSyntax => true,
        AttributeSyntax attribute => RefitAttributes.ContainsKey(AttributeName(attribute)),
        _ => false,
    };

    private static Found? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CSharpUriResolver resolver, CSharpBaseAddresses baseAddresses)
    {
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var name = access.Name.Identifier.ValueText;
        var arguments = invocation.ArgumentList.Arguments;
        var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        var receiverType = model.GetTypeInfo(access.Expression).Type;
        if (CSharpUriResolver.IsHttpClient(receiverType))
        {
            if (name is "SendAsync" or "Send")
            {
                // A request built by new HttpRequestMessage(…) is reported where it is built; anything else as it is.
                return arguments.Count == 0 || IsBuiltRequest(arguments[0].Expression, model)
                    ? null
                    : new Found(null, null, null, arguments[0].Expression.ToString());
            }

            if (!HttpClientVerbs.TryGetValue(name, out var verb) || arguments.Count == 0 || (method is not null && !IsSystemNetHttp(method)))
            {
                return null;
            }

            var uriArgument = (arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText is "requestUri") ?? arguments[0]).Expression;
            var client = baseAddresses.Of(model.GetSymbolInfo(access.Expression).Symbol, invocation);
            return Describe(verb, uriArgument, resolver.Resolve(uriArgument, model), client);
        }

        if (FlurlVerbs.TryGetValue(name, out var flurlVerb) && (method is null || method.ContainingNamespace?.ToDisplayString().StartsWith("Flurl", StringComparison.Ordinal) == true))
        {
            return FromFlurlChain(flurlVerb, access.Expression, model, resolver);
        }

        return null;
    }

    private static Found? FromCreation(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CSharpUriResolver resolver, CSharpBaseAddresses baseAddresses)
    {
        var type = model.GetTypeInfo(creation).Type;
        var typeName = type is null or IErrorTypeSymbol ? (creation as ObjectCreationExpressionSyntax)?.Type is { } syntax ? TypeName(syntax) : null : type.Name;
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (typeName == "HttpRequestMessage" && (type is null or IErrorTypeSymbol || type.ContainingNamespace.ToDisplayString() == "System.Net.Http"))
        {
            if (arguments.Count < 2)
            {
                return InitializedRequest(creation, model, resolver, baseAddresses);
            }

            var verb = HttpMethodName(arguments[0].Expression, model);
            var client = baseAddresses.Of(null, creation);
            return Describe(verb, arguments[1].Expression, resolver.Resolve(arguments[1].Expression, model), client);
        }

        if (typeName == "RestRequest")
        {
            if (arguments.Count == 0)
            {
                return new Found(null, null, null, creation.ToString());
            }

            var verb = arguments.Count > 1 ? RestSharpMethod(arguments[1].Expression) : RestSharpVerbFromUse(creation) ?? "GET";
            return Describe(verb, arguments[0].Expression, resolver.Resolve(arguments[0].Expression, model), null);
        }

        return null;
    }

    /// <summary><c>new HttpRequestMessage { Method = …, RequestUri = … }</c>, or the parameterless form filled in later.</summary>
    private static Found? InitializedRequest(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CSharpUriResolver resolver, CSharpBaseAddresses baseAddresses)
    {
        ExpressionSyntax? methodExpression = null;
        ExpressionSyntax? uriExpression = null;
        foreach (var expression in creation.Initializer?.Expressions ?? default)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var property } } assignment)
            {
                if (property == "Method")
                {
                    methodExpression = assignment.Right;
                }
                else if (property == "RequestUri")
                {
                    uriExpression = assignment.Right;
                }
            }
        }

        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (arguments.Count == 1)
        {
            methodExpression ??= arguments[0].Expression;
        }

        if (uriExpression is null)
        {
            return new Found(methodExpression is null ? null : HttpMethodName(methodExpression, model), null, null, creation.ToString());
        }

        var verb = methodExpression is null ? "GET" : HttpMethodName(methodExpression, model);
        return Describe(verb, uriExpression, resolver.Resolve(uriExpression, model), baseAddresses.Of(null, creation));
    }

    private static Found? FromRefitAttribute(AttributeSyntax attribute, SemanticModel model)
    {
        // Refit: an attribute on a method of an interface, with the path as its first argument.
        if (attribute.Parent?.Parent is not MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax @interface }
            || attribute.ArgumentList?.Arguments is not [var first, ..])
        {
            return null;
        }

        if (model.GetSymbolInfo(attribute).Symbol is IMethodSymbol { ContainingType: var attributeType } && attributeType.ContainingNamespace?.ToDisplayString() != "Refit")
        {
            return null;
        }

        var verb = RefitAttributes[AttributeName(attribute)];
        return model.GetConstantValue(first.Expression) is { HasValue: true, Value: string path }
            ? new Found(verb, PathTemplate.Normalize(path), "Refit:" + @interface.Identifier.ValueText, null)
            : new Found(verb, null, null, first.Expression.ToString());
    }

    private static Found? FromFlurlChain(string verb, ExpressionSyntax receiver, SemanticModel model, CSharpUriResolver resolver)
    {
        var segments = new List<string>();
        var current = CSharpUriResolver.Unwrap(receiver);
        var sawFlurl = false;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax step } call)
        {
            var stepName = step.Name.Identifier.ValueText;
            if (stepName is "AppendPathSegment" or "AppendPathSegments")
            {
                sawFlurl = true;
                for (var i = call.ArgumentList.Arguments.Count - 1; i >= 0; i--)
                {
                    var argument = call.ArgumentList.Arguments[i].Expression;
                    if (argument is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression })
                    {
                        continue; // fullyEncode
                    }

                    segments.Insert(0, resolver.Resolve(argument, model) is { Base: null } literal ? literal.Text.Trim('/') : "{" + CSharpUriResolver.HoleName(argument) + "}");
                }
            }
            else if (stepName is "WithHeader" or "WithHeaders" or "WithOAuthBearerToken" or "WithBasicAuth" or "WithTimeout" or "SetQueryParam" or "SetQueryParams" or "AllowHttpStatus" or "AllowAnyHttpStatus" or "WithCookie" or "WithCookies" or "WithClient" or "WithAutoRedirect" or "WithSettings" or "Request" or "ConfigureRequest")
            {
                sawFlurl = true;
            }
            else
            {
                break;
            }

            current = CSharpUriResolver.Unwrap(step.Expression);
        }

        var root = resolver.Resolve(current, model);
        if (!sawFlurl && (root is null || !root.Text.Contains("://", StringComparison.Ordinal)))
        {
            return null; // not a Flurl chain: some other library's GetAsync
        }

        var text = (root?.Text ?? string.Empty).TrimEnd('/') + "/" + string.Join('/', segments);
        var value = new UriValue(root?.Base ?? (root is null ? current.ToString() : null), text);
        var (origin, path) = value.Resolve(null);
        return new Found(verb, path, origin, null);
    }

    private static Found Describe(string? verb, ExpressionSyntax uriExpression, UriValue? value, UriValue? client)
    {
        if (value is null || (value.Opaque && value.Text.Length == 0))
        {
            return new Found(verb, null, null, uriExpression.ToString());
        }

        var (origin, path) = value.Resolve(client);
        return new Found(verb, path, origin ?? (client?.Opaque == true ? client.Base : null), null);
    }

    private static bool IsBuiltRequest(ExpressionSyntax expression, SemanticModel model)
    {
        expression = CSharpUriResolver.Unwrap(expression);
        if (expression is BaseObjectCreationExpressionSyntax)
        {
            return true;
        }

        // A local or parameter: the request is built (and reported) where it is created, in this method or its caller.
        return model.GetSymbolInfo(expression).Symbol is ILocalSymbol or IParameterSymbol;
    }

    private static bool IsSystemNetHttp(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        return definition.ContainingNamespace?.ToDisplayString() is "System.Net.Http" or "System.Net.Http.Json";
    }

    private static string? HttpMethodName(ExpressionSyntax expression, SemanticModel model)
    {
        expression = CSharpUriResolver.Unwrap(expression);
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && (member == "Get" || member == "Post" || member == "Put" || member == "Patch" || member == "Delete" || member == "Head" || member == "Options" || member == "Trace"))
        {
            return member.ToUpperInvariant();
        }

        if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var name] } && model.GetConstantValue(name.Expression) is { HasValue: true, Value: string custom })
        {
            return custom.ToUpperInvariant();
        }

        return null;
    }

    private static string? RestSharpMethod(ExpressionSyntax expression) =>
        CSharpUriResolver.Unwrap(expression) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } ? member.ToUpperInvariant() : null;

    /// <summary><c>var request = new RestRequest("x"); client.PostAsync(request)</c>: the verb comes from the use.</summary>
    private static string? RestSharpVerbFromUse(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            return null;
        }

        var body = declarator.FirstAncestorOrSelf<BlockSyntax>();
        var name = declarator.Identifier.ValueText;
        foreach (var invocation in body?.DescendantNodes().OfType<InvocationExpressionSyntax>() ?? [])
        {
            if (invocation.ArgumentList.Arguments is [{ Expression: IdentifierNameSyntax argument }, ..] && argument.Identifier.ValueText == name
                && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var verb })
            {
                foreach (var candidate in (string[])["Get", "Post", "Put", "Patch", "Delete", "Head", "Options"])
                {
                    if (verb.StartsWith(candidate, StringComparison.Ordinal) || verb.StartsWith("Execute" + candidate, StringComparison.Ordinal))
                    {
                        return candidate.ToUpperInvariant();
                    }
                }
            }
        }

        return null;
    }

    private static string TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = TypeName(attribute.Name);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
