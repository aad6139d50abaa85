using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The outbound HTTP calls in a C# compilation: HttpClient's verbs and the System.Net.Http.Json extensions,
/// <c>HttpRequestMessage</c> (constructor, initializer or later assignments), <c>SendAsync</c> of a request built elsewhere,
/// <c>WebRequest.Create</c> with its <c>Method</c>, <c>WebClient</c>, RestSharp's <c>RestRequest</c> (106 to 112, every
/// overload and enum spelling) and <c>RestClient</c> JSON extensions, Refit attributes, Flurl chains, Kiota's
/// <c>RequestInformation</c>, and so the generated OpenAPI clients built on them (swagger-codegen, OpenAPI Generator, NSwag,
/// Kiota). One pass over each tree's syntax indexes calls and assignments and picks the candidate nodes; only those are bound.
/// Every URI and method goes through <see cref="CSharpUrlFlow"/>, which follows a request helper's parameters back to each
/// call site: the helper's callers get the rows, at their lines.
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

    // WebClient: downloads are GET, uploads POST unless a method argument says otherwise.
    private static readonly Dictionary<string, string> WebClientVerbs = new(StringComparer.Ordinal)
    {
        ["DownloadString"] = "GET", ["DownloadData"] = "GET", ["DownloadFile"] = "GET", ["OpenRead"] = "GET",
        ["UploadString"] = "POST", ["UploadData"] = "POST", ["UploadFile"] = "POST", ["UploadValues"] = "POST", ["OpenWrite"] = "POST",
    };

    // RestSharp 107+: client.GetJsonAsync<T>("resource"), client.PostJsonAsync("resource", body) ….
    private static readonly Dictionary<string, string> RestClientJsonVerbs = new(StringComparer.Ordinal)
    {
        ["GetJsonAsync"] = "GET", ["PostJsonAsync"] = "POST", ["PutJsonAsync"] = "PUT", ["PatchJsonAsync"] = "PATCH", ["DeleteJsonAsync"] = "DELETE",
    };

    /// <param name="relativePath">The reported path of a tree's file, or null to skip the tree (generated, outside the folder).</param>
    public static List<EndpointCall> Extract(Compilation compilation, Func<SyntaxTree, string?> relativePath, CancellationToken cancellationToken)
    {
        var callSites = new CSharpCallSites(compilation);
        var baseAddresses = new CSharpBaseAddresses(callSites);
        var flow = new CSharpUrlFlow(callSites, baseAddresses);
        baseAddresses.Resolver = flow;

        // Pass 1: index calls and assignments, collect base addresses and options sections, pick the candidates.
        // Pass 2: the candidates (a call may come before the constructor that sets its base address).
        var candidates = new List<(SyntaxNode Node, string File)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = relativePath(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                callSites.Collect(node);
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" or "BaseUrl" } or IdentifierNameSyntax { Identifier.ValueText: "BaseAddress" } } assignment:
                        baseAddresses.Collect(assignment, callSites.Model(tree));
                        break;
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } restClient when TypeName(restClient.Type) == "RestClient":
                        baseAddresses.CollectRestClient(restClient);
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Configure" or "AddOptions", TypeArgumentList.Arguments: [var optionsType] } } } configure:
                        CollectOptionsSection(configure, optionsType, flow);
                        break;
                }

                if (file is not null && IsCandidate(node))
                {
                    candidates.Add((node, file));
                }
            }
        }

        var calls = new List<EndpointCall>();
        foreach (var (node, file) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (found, site) in Requests(node, flow, baseAddresses))
            {
                var siteFile = relativePath(site.SyntaxTree);
                var reported = siteFile is null ? node : site;
                var line = reported.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                calls.Add(new EndpointCall(found.Kind, found.Method, found.Path, found.Base, found.Expression, new EndpointSite(siteFile ?? file, line)));
            }
        }

        return calls;
    }

    private readonly record struct Found(string? Method, string? Path, string? Base, string? Expression, EndpointKind Kind = EndpointKind.Http);

    /// <summary>One evaluation of a request in a frame: its method, URI, the client's base address, and the code as written.</summary>
    private readonly record struct Request(string? Verb, UriValue? Uri, UriValue? Client, string Expression, bool NeedsCallers);

    private static bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } =>
            access.Name.Identifier.ValueText is var name
            && (HttpClientVerbs.ContainsKey(name) || FlurlVerbs.ContainsKey(name) || name is "SendAsync" or "Send" or "Create" or "CreateHttp"
                || WebClientVerbs.ContainsKey(Trimmed(name)) || RestClientJsonVerbs.ContainsKey(name)),
        ObjectCreationExpressionSyntax creation => TypeName(creation.Type) is "HttpRequestMessage" or "RestRequest" or "RequestInformation" or "GraphQLRequest" or "GraphQLHttpRequest",
        ImplicitObjectCreationExpressionSyntax => true,
        AttributeSyntax attribute => RefitAttributes.ContainsKey(AttributeName(attribute)),
        _ => false,
    };

    /// <summary>WebClient's method name without its Async/TaskAsync suffix.</summary>
    private static string Trimmed(string name) =>
        name.EndsWith("TaskAsync", StringComparison.Ordinal) ? name[..^"TaskAsync".Length] : name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;

    private static IEnumerable<(Found Found, SyntaxNode Site)> Requests(SyntaxNode node, CSharpUrlFlow flow, CSharpBaseAddresses baseAddresses)
    {
        var model = flow.Model(node.SyntaxTree);
        return node switch
        {
            InvocationExpressionSyntax invocation => FromInvocation(invocation, model, flow, baseAddresses),
            BaseObjectCreationExpressionSyntax creation => FromCreation(creation, model, flow, baseAddresses),
            AttributeSyntax attribute => FromRefitAttribute(attribute, model) is { } found ? [(found, node)] : [],
            _ => [],
        };
    }

    /// <summary>Evaluates a request in its method and, for a helper, at each of its callers; one row per result.</summary>
    private static IEnumerable<(Found, SyntaxNode)> Expand(SyntaxNode node, CSharpUrlFlow flow, Func<CallFrame, Request> evaluate) =>
        flow.Expand(node, evaluate, request => request.NeedsCallers).Select(result => (Describe(result.Value), result.Site));

    private static IEnumerable<(Found, SyntaxNode)> FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CSharpUrlFlow flow, CSharpBaseAddresses baseAddresses)
    {
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var name = access.Name.Identifier.ValueText;
        var arguments = invocation.ArgumentList.Arguments;
        var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        var receiverType = model.GetTypeInfo(access.Expression).Type;
        if (CSharpUrlFlow.IsHttpClient(receiverType))
        {
            if (name is "SendAsync" or "Send")
            {
                // A request built by new HttpRequestMessage(…) is reported where it is built; anything else as it is.
                return arguments.Count == 0 || IsBuiltRequest(arguments[0].Expression, model)
                    ? []
                    : [(new Found(null, null, null, arguments[0].Expression.ToString()), invocation)];
            }

            if (!HttpClientVerbs.TryGetValue(name, out var verb) || arguments.Count == 0 || (method is not null && !IsSystemNetHttp(method)))
            {
                return [];
            }

            var uriArgument = Argument(arguments, "requestUri") ?? arguments[0].Expression;
            var client = baseAddresses.Of(model.GetSymbolInfo(access.Expression).Symbol, invocation);
            return Evaluate(invocation, flow, verb, null, uriArgument, client);
        }

        if (method is not null && CSharpUrlFlow.IsSystemType(method.ContainingType, "WebClient") && WebClientVerbs.TryGetValue(Trimmed(name), out var webClientVerb) && arguments.Count > 0)
        {
            // UploadString(address, method, data): a method argument is the second of three.
            var verbArgument = Argument(arguments, "method") ?? (webClientVerb == "POST" && arguments.Count >= 3 && method.Parameters.Length >= 3 && method.Parameters[1].Name == "method" ? arguments[1].Expression : null);
            return Evaluate(invocation, flow, verbArgument is null ? webClientVerb : null, verbArgument, Argument(arguments, "address") ?? arguments[0].Expression, null);
        }

        if (name is "Create" or "CreateHttp" && method is { IsStatic: true } && (CSharpUrlFlow.IsSystemType(method.ContainingType, "WebRequest")) && arguments.Count > 0)
        {
            // (HttpWebRequest)WebRequest.Create(url), then request.Method = "POST" (GET when never set).
            var methodAssignment = LaterAssignments(invocation, model, "Method").GetValueOrDefault("Method");
            return Evaluate(invocation, flow, methodAssignment is null ? "GET" : null, methodAssignment, arguments[0].Expression, null);
        }

        if (RestClientJsonVerbs.TryGetValue(name, out var restVerb) && receiverType?.Name is "RestClient" or "IRestClient" && arguments.Count > 0)
        {
            return Evaluate(invocation, flow, restVerb, null, Argument(arguments, "resource") ?? arguments[0].Expression, baseAddresses.Of(model.GetSymbolInfo(access.Expression).Symbol, invocation));
        }

        if (FlurlVerbs.TryGetValue(name, out var flurlVerb) && (method is null || method.ContainingNamespace?.ToDisplayString().StartsWith("Flurl", StringComparison.Ordinal) == true)
            && FromFlurlChain(flurlVerb, access.Expression, flow) is { } flurl)
        {
            return [(flurl, invocation)];
        }

        return [];
    }

    private static IEnumerable<(Found, SyntaxNode)> FromCreation(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CSharpUrlFlow flow, CSharpBaseAddresses baseAddresses)
    {
        var type = model.GetTypeInfo(creation).Type;
        var typeName = type is null or IErrorTypeSymbol ? (creation as ObjectCreationExpressionSyntax)?.Type is { } syntax ? TypeName(syntax) : null : type.Name;
        var arguments = creation.ArgumentList?.Arguments ?? default;
        switch (typeName)
        {
            case "HttpRequestMessage" when type is null or IErrorTypeSymbol || type.ContainingNamespace.ToDisplayString() == "System.Net.Http":
            {
                var assigned = Assignments(creation, model, "Method", "RequestUri");
                var verbExpression = arguments.Count > 0 ? arguments[0].Expression : assigned.GetValueOrDefault("Method");
                var uriExpression = arguments.Count > 1 ? arguments[1].Expression : assigned.GetValueOrDefault("RequestUri");
                if (uriExpression is null)
                {
                    return [(new Found(verbExpression is null ? null : flow.Verb(flow.Operation(verbExpression), flow.FrameAt(creation)).Verb, null, null, creation.ToString()), creation)];
                }

                return Evaluate(creation, flow, verbExpression is null ? "GET" : null, verbExpression, uriExpression, baseAddresses.Of(null, creation));
            }

            case "RestRequest":
            {
                // new RestRequest(resource[, method[, format]]), new RestRequest(method), new RestRequest { Resource, Method }, later request.Resource/Method.
                var assigned = Assignments(creation, model, "Method", "Resource");
                ExpressionSyntax? resource = Argument(arguments, "resource");
                ExpressionSyntax? verbExpression = Argument(arguments, "method");
                foreach (var argument in arguments)
                {
                    if (argument.NameColon is not null)
                    {
                        continue;
                    }

                    if (IsRestSharpMethod(argument.Expression, model))
                    {
                        verbExpression ??= argument.Expression;
                    }
                    else if (!IsRestSharpFormat(argument.Expression, model))
                    {
                        resource ??= argument.Expression;
                    }
                }

                resource ??= assigned.GetValueOrDefault("Resource");
                verbExpression ??= assigned.GetValueOrDefault("Method");
                var fixedVerb = verbExpression is null ? RestSharpVerbFromUse(creation) ?? "GET" : null;
                if (resource is null)
                {
                    var verb = fixedVerb ?? flow.Verb(flow.Operation(verbExpression!), flow.FrameAt(creation)).Verb ?? CSharpUrlFlow.VerbFromSyntax(verbExpression);
                    return [(new Found(verb, null, null, creation.ToString()), creation)];
                }

                // The base is the RestClient's of the class the request is built in (RestSharp resolves a resource against it).
                return Evaluate(creation, flow, fixedVerb, verbExpression, resource, baseAddresses.Of(null, creation));
            }

            case "RequestInformation":
            {
                // Kiota: new RequestInformation(Method.GET, UrlTemplate, PathParameters) or { HttpMethod = Method.GET, UrlTemplate = UrlTemplate }.
                var assigned = Assignments(creation, model, "HttpMethod", "UrlTemplate");
                var verbExpression = arguments.Count > 0 ? arguments[0].Expression : assigned.GetValueOrDefault("HttpMethod");
                var template = arguments.Count > 1 ? arguments[1].Expression : assigned.GetValueOrDefault("UrlTemplate");
                return template is null ? [] : Evaluate(creation, flow, null, verbExpression, template, null);
            }

            case "GraphQLRequest" or "GraphQLHttpRequest":
            {
                // GraphQL.Client: new GraphQLRequest { Query = "mutation Create { … }" } or new GraphQLRequest(query, variables, operationName).
                var assigned = Assignments(creation, model, "Query");
                var query = Argument(arguments, "query") ?? (arguments.Count > 0 ? arguments[0].Expression : assigned.GetValueOrDefault("Query"));
                if (query is null)
                {
                    return [];
                }

                var queryOperation = flow.Operation(query);
                return flow.Expand(creation, frame => flow.Resolve(queryOperation, frame), value => value?.NeedsCallers == true)
                    .Select(row => (GraphQLOperation(row.Value is { Base: null } literal ? literal.Text : null, query), row.Site));
            }

            default:
                return [];
        }
    }

    /// <summary>A GraphQL document's operation: its type and name (an anonymous <c>{ field … }</c> is a query named by its first field).</summary>
    private static Found GraphQLOperation(string? document, ExpressionSyntax query)
    {
        var text = document ?? string.Empty;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^\s*(?:(?<type>query|mutation|subscription)\b\s*(?<name>[A-Za-z_]\w*)?|\{\s*(?<field>[A-Za-z_]\w*))");
        if (!match.Success || (match.Groups["name"].Value.Length == 0 && match.Groups["field"].Value.Length == 0 && match.Groups["type"].Value.Length == 0))
        {
            return new Found(null, null, null, query.ToString(), EndpointKind.GraphQL);
        }

        var type = match.Groups["type"].Success ? match.Groups["type"].Value.ToUpperInvariant() : "QUERY";
        var name = match.Groups["name"].Value.Length > 0 ? match.Groups["name"].Value : match.Groups["field"].Value.Length > 0 ? match.Groups["field"].Value : "(anonymous)";
        return new Found(type, name, null, null, EndpointKind.GraphQL);
    }

    private static IEnumerable<(Found, SyntaxNode)> Evaluate(SyntaxNode node, CSharpUrlFlow flow, string? fixedVerb, ExpressionSyntax? verbExpression, ExpressionSyntax uriExpression, UriValue? client)
    {
        var uriOperation = flow.Operation(uriExpression);
        var verbOperation = verbExpression is null ? null : flow.Operation(verbExpression);
        var syntaxVerb = verbExpression is null ? null : CSharpUrlFlow.VerbFromSyntax(verbExpression);
        return Expand(node, flow, frame =>
        {
            var uri = flow.Resolve(uriOperation, frame);
            var (verb, verbNeedsCallers) = fixedVerb is not null ? (fixedVerb, false) : flow.Verb(verbOperation, frame);
            return new Request(verb ?? syntaxVerb, uri, client, uriExpression.ToString(), (uri?.NeedsCallers ?? false) || verbNeedsCallers);
        });
    }

    private static Found Describe(Request request)
    {
        var value = request.Uri;
        if (value is null || (value.Opaque && value.Text.Length == 0))
        {
            return new Found(request.Verb, null, null, request.Expression);
        }

        var (origin, path) = value.Resolve(request.Client);
        return new Found(request.Verb, path, origin ?? (request.Client?.Opaque == true ? request.Client.Base : null), null);
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

    private static Found? FromFlurlChain(string verb, ExpressionSyntax receiver, CSharpUrlFlow flow)
    {
        var segments = new List<string>();
        var current = CSharpUrlFlow.Unwrap(receiver);
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

                    segments.Insert(0, flow.Resolve(argument) is { Base: null } literal ? literal.Text.Trim('/') : "{" + CSharpUrlFlow.HoleName(argument) + "}");
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

            current = CSharpUrlFlow.Unwrap(step.Expression);
        }

        var root = flow.Resolve(current);
        if (!sawFlurl && (root is null || !root.Text.Contains("://", StringComparison.Ordinal)))
        {
            return null; // not a Flurl chain: some other library's GetAsync
        }

        var text = (root?.Text ?? string.Empty).TrimEnd('/') + "/" + string.Join('/', segments);
        var value = new UriValue(root?.Base ?? (root is null ? current.ToString() : null), text);
        var (origin, path) = value.Resolve(null);
        return new Found(verb, path, origin, null);
    }

    private static ExpressionSyntax? Argument(SeparatedSyntaxList<ArgumentSyntax> arguments, string name) =>
        arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name)?.Expression;

    /// <summary>
    /// The members an object gets after <c>new</c>: from its initializer (<c>{ Method = …, RequestUri = … }</c>) and, when it is
    /// kept in a local, from later assignments in the same method (<c>request.Method = …</c>); the last one wins.
    /// </summary>
    private static Dictionary<string, ExpressionSyntax> Assignments(BaseObjectCreationExpressionSyntax creation, SemanticModel model, params string[] names)
    {
        var found = LaterAssignments(creation, model, names);
        foreach (var expression in creation.Initializer?.Expressions ?? default)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var property } } assignment && names.Contains(property))
            {
                found.TryAdd(property, assignment.Right);
            }
        }

        return found;
    }

    private static Dictionary<string, ExpressionSyntax> LaterAssignments(ExpressionSyntax created, SemanticModel model, params string[] names)
    {
        var found = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        SyntaxNode current = created;
        while (current.Parent is CastExpressionSyntax or ParenthesizedExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } or AwaitExpressionSyntax)
        {
            current = current.Parent;
        }

        var local = current.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator),
            AssignmentExpressionSyntax assignment when assignment.Right == current => model.GetSymbolInfo(assignment.Left).Symbol,
            _ => null,
        };
        var body = created.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (local is null || body is null)
        {
            return found;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: var member } } assignment
                && node.SpanStart > created.SpanStart && receiver.Identifier.ValueText == local.Name && names.Contains(member)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver).Symbol, local))
            {
                found[member] = assignment.Right;
            }
        }

        return found;
    }

    /// <summary>RestSharp's <c>Method</c> enum (<c>Method.POST</c>, <c>Method.Post</c>, a <c>Method</c> parameter), bound or not.</summary>
    private static bool IsRestSharpMethod(ExpressionSyntax expression, SemanticModel model) =>
        model.GetTypeInfo(expression).Type?.Name == "Method" || CSharpUrlFlow.VerbFromSyntax(expression) is not null && expression is not LiteralExpressionSyntax;

    private static bool IsRestSharpFormat(ExpressionSyntax expression, SemanticModel model) =>
        model.GetTypeInfo(expression).Type?.Name == "DataFormat"
        || (CSharpUrlFlow.Unwrap(expression) is MemberAccessExpressionSyntax { Expression: var receiver } && receiver.ToString().EndsWith("DataFormat", StringComparison.Ordinal));

    private static bool IsBuiltRequest(ExpressionSyntax expression, SemanticModel model)
    {
        expression = CSharpUrlFlow.Unwrap(expression);
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
                // client.ExecuteAsync(request, Method.Put): RestSharp 107+ takes the method with the request.
                if (invocation.ArgumentList.Arguments.Count > 1 && CSharpUrlFlow.VerbFromSyntax(invocation.ArgumentList.Arguments[1].Expression) is { } passed)
                {
                    return passed;
                }

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

    /// <summary><c>services.Configure&lt;VenafiOptions&gt;(configuration.GetSection("Venafi"))</c>, <c>AddOptions&lt;T&gt;().Bind(…)/BindConfiguration("S")</c>.</summary>
    private static void CollectOptionsSection(InvocationExpressionSyntax configure, TypeSyntax optionsType, CSharpUrlFlow flow)
    {
        ExpressionSyntax? section = configure.ArgumentList.Arguments.LastOrDefault()?.Expression;
        if (configure.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" or "BindConfiguration" } && configure.Parent.Parent is InvocationExpressionSyntax bind)
        {
            section = bind.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        }

        var name = section switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" or "GetRequiredSection" }, ArgumentList.Arguments: [var argument] } => argument.Expression,
            LiteralExpressionSyntax literal => literal,
            _ => null,
        };
        var model = flow.Model(configure.SyntaxTree);
        if (name is not null && model.GetConstantValue(name) is { HasValue: true, Value: string text } && model.GetTypeInfo(optionsType).Type is { } type and not IErrorTypeSymbol)
        {
            flow.OptionsSections.TryAdd(type.OriginalDefinition, text);
        }
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
