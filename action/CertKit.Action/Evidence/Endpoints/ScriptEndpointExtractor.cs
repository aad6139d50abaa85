using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The outbound HTTP calls of a JS/TS file, read on the shared JS/TS reader (<see cref="JsSource"/>: comments are not code, so
/// a commented-out call is no row): <c>fetch(url, init)</c> (global, <c>node-fetch</c>, <c>undici</c>) with the method from
/// <c>init</c> whether it is written inline, held in a variable or set later (<c>init.method = 'POST'</c>); axios, got, ky
/// and superagent by what the file imports (<c>axios.get(url)</c>, <c>axios({ method, url })</c>, instances from
/// <c>axios.create({ baseURL })</c> / <c>got.extend({ prefixUrl })</c>); and the commercetools SDK's request builder chains
/// (<see cref="CommercetoolsChains"/>). URLs are followed through the file's constants (<see cref="ScriptValues"/>).
/// </summary>
internal static class ScriptEndpointExtractor
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx" };

    private enum Library
    {
        Fetch,
        Axios,
        Got,
        Ky,
        Superagent,
    }

    private sealed record Client(Library Library, UriValue? Base);

    private static readonly Dictionary<string, Library> Modules = new(StringComparer.Ordinal)
    {
        ["axios"] = Library.Axios,
        ["got"] = Library.Got,
        ["ky"] = Library.Ky,
        ["superagent"] = Library.Superagent,
        ["node-fetch"] = Library.Fetch,
        ["cross-fetch"] = Library.Fetch,
        ["isomorphic-fetch"] = Library.Fetch,
        ["isomorphic-unfetch"] = Library.Fetch,
        ["undici"] = Library.Fetch,
    };

    // Cheap pre-filter: a file that names none of these makes no call this reader knows.
    private static readonly string[] Markers = ["fetch", "axios", "got", "ky", "superagent", "execute", "request", "localVarPath"];

    public static List<EndpointCall> Extract(string file, string text)
    {
        var calls = new List<EndpointCall>();
        if (!JsTokenizer.TryGetDialect(file, out var dialect) || !Markers.Any(marker => text.Contains(marker, StringComparison.Ordinal)))
        {
            return calls;
        }

        var values = new ScriptValues(JsSource.Parse(text, dialect));
        values.ReadRequires();
        var source = values.Source;
        var lines = ScriptText.LineStarts(text);
        var clients = Clients(values);
        for (var i = 0; i < source.Count; i++)
        {
            if (source.IsPunctuator(i, '(') && source.TryReadCall(i, out var call) && call.CloseParen > 0 && !call.OnExpression)
            {
                Read(file, values, lines, clients, call, calls);
            }
        }

        CommercetoolsChains.Extract(file, values, lines, calls);
        GeneratedOperations(file, values, lines, calls);
        return calls;
    }

    private static void Read(string file, ScriptValues values, int[] lines, Dictionary<string, Client> clients, JsCall call, List<EndpointCall> calls)
    {
        var source = values.Source;
        var site = new EndpointSite(file, ScriptText.LineOf(source.Text, source.Significant[call.First].Start, lines));
        var arguments = source.Parts(call.OpenParen);
        if (arguments.Count == 0)
        {
            return;
        }

        var callee = call.Callee;
        if (clients.TryGetValue(callee, out var direct))
        {
            switch (direct.Library)
            {
                case Library.Fetch:
                    // fetch(url, init): GET unless init says otherwise.
                    Add(values, calls, site, MethodsOf(values, arguments.Count > 1 ? arguments[1] : null, call.OpenParen), arguments[0], direct.Base);
                    return;
                case Library.Superagent when arguments.Count >= 2:
                    // superagent('POST', url)
                    Add(values, calls, site, values.Methods(arguments[0]), arguments[1], direct.Base);
                    return;
                case Library.Axios when IsConfig(values, arguments[0]):
                    AddConfig(values, calls, site, arguments[0], call.OpenParen, direct.Base);
                    return;
                case Library.Axios or Library.Got or Library.Ky:
                    // axios(url, config), got(url, options), ky(url, options)
                    var options = arguments.Count > 1 ? arguments[1] : (JsSpan?)null;
                    Add(values, calls, site, MethodsOf(values, options, call.OpenParen), arguments[0], BaseOf(values, direct, options, call.OpenParen));
                    return;
            }

            return;
        }

        var dot = callee.LastIndexOf('.');
        if (dot <= 0 || !clients.TryGetValue(callee[..dot], out var client) || client.Library == Library.Fetch)
        {
            return;
        }

        var name = callee[(dot + 1)..];
        if (name == "request" && client.Library == Library.Axios && IsConfig(values, arguments[0]))
        {
            AddConfig(values, calls, site, arguments[0], call.OpenParen, client.Base);
            return;
        }

        if (ScriptValues.HttpVerb(name) is not { } verb || (name == "del" && client.Library != Library.Superagent))
        {
            return;
        }

        // axios.post(url, data, config): the config is the third argument for the verbs with a body.
        var configIndex = client.Library == Library.Axios && verb is "POST" or "PUT" or "PATCH" ? 2 : 1;
        var config = arguments.Count > configIndex ? arguments[configIndex] : (JsSpan?)null;
        Add(values, calls, site, [verb], arguments[0], BaseOf(values, client, config, call.OpenParen));
    }

    // axios({ method, url, baseURL }), axios.request({ … })
    private static void AddConfig(ScriptValues values, List<EndpointCall> calls, EndpointSite site, JsSpan config, int at, UriValue? clientBase)
    {
        var methods = MethodsOf(values, config, at);
        if (values.Property(config, "url", at) is { } url)
        {
            Add(values, calls, site, methods, url, values.Property(config, "baseURL", at) is { } baseUrl ? values.Url(baseUrl) : clientBase);
        }
        else
        {
            foreach (var method in methods.DefaultIfEmpty())
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, values.Expression(config), site));
            }
        }
    }

    private static void Add(ScriptValues values, List<EndpointCall> calls, EndpointSite site, List<string> methods, JsSpan urlSpan, UriValue? clientBase)
    {
        var url = values.Url(urlSpan);
        foreach (var method in methods.Count == 0 ? [null] : methods.Cast<string?>())
        {
            if (url is null || (url.Base is not null && url.Text.Length == 0))
            {
                calls.Add(new EndpointCall(EndpointKind.Http, method, null, null, values.Expression(urlSpan), site));
                continue;
            }

            // `${base}${path}` → /{path}: a request function's, not an endpoint's, URL.
            var (origin, path) = url.Resolve(clientBase);
            calls.Add(IsOnlyHoles(path)
                ? new EndpointCall(EndpointKind.Http, method, null, null, values.Expression(urlSpan), site)
                : new EndpointCall(EndpointKind.Http, method, path, origin, null, site));
        }
    }

    private static bool IsOnlyHoles(string path) => PathTemplate.Identity(path).Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } segments && segments.All(segment => segment == "{}");

    // The method an options object sets; GET when it sets none; empty (unknown) when it sets one that cannot be read.
    private static List<string> MethodsOf(ScriptValues values, JsSpan? options, int at)
    {
        if (options is not { } span)
        {
            return ["GET"];
        }

        if (values.Property(span, "method", at) is { } method)
        {
            return values.Methods(method);
        }

        // Options handed in from elsewhere (a parameter, `...options`) may carry any method.
        return values.MayHoldAnyProperty(span) ? [] : ["GET"];
    }

    private static UriValue? BaseOf(ScriptValues values, Client client, JsSpan? options, int at)
    {
        if (options is { } span && values.Property(span, client.Library == Library.Axios ? "baseURL" : "prefixUrl", at) is { } own)
        {
            return values.Url(own);
        }

        return client.Base;
    }

    private static bool IsObject(JsSource source, JsSpan span) => source.IsPunctuator(span.First, '{') && source.Partner(span.First) == span.Last;

    // A request config: an object literal, or a variable holding one (`const options = { method, url }; axios.request(options)`).
    private static bool IsConfig(ScriptValues values, JsSpan span)
    {
        span = values.Unwrap(span);
        return IsObject(values.Source, span)
            || (values.IsNameChain(span) && values.ValueOf(values.Source.TextOf(span), span.First) is { } value && IsObject(values.Source, values.Unwrap(value)));
    }

    /// <summary>
    /// The operations of an OpenAPI client generated into the repository (openapi-generator's typescript-axios:
    /// <c>const localVarPath = `/v2/checkout/orders/{id}`.replace(…)</c> then <c>const localVarRequestOptions = { method: 'GET', … }</c>;
    /// typescript-fetch: <c>this.request({ path: `/pets/{petId}`…, method: 'GET' })</c>): each operation's path and method at its path line.
    /// </summary>
    private static void GeneratedOperations(string file, ScriptValues values, int[] lines, List<EndpointCall> calls)
    {
        var source = values.Source;
        var options = values.Writes("localVarRequestOptions");
        foreach (var (at, pathSpan) in values.Writes("localVarPath"))
        {
            var request = options.FirstOrDefault(o => o.At > at);
            if (request.Value.Last <= request.Value.First || values.Property(request.Value, "method", request.At) is not { } method)
            {
                continue;
            }

            var site = new EndpointSite(file, ScriptText.LineOf(source.Text, source.Significant[at].Start, lines));
            Add(values, calls, site, values.Methods(method), pathSpan, null);
        }

        for (var i = 3; i < source.Count; i++)
        {
            // this.request({ path, method, headers, query }, initOverrides)
            if (source.IsIdentifier(i, "request") && source.IsPunctuator(i + 1, '(') && values.IsMemberAccess(i - 1) && source.IsIdentifier(i - 2, "this")
                && source.Parts(i + 1) is { Count: > 0 } arguments && IsObject(source, arguments[0])
                && values.Property(arguments[0], "path", i) is { } path && values.Property(arguments[0], "method", i) is { } method)
            {
                var site = new EndpointSite(file, ScriptText.LineOf(source.Text, source.Significant[i - 2].Start, lines));
                Add(values, calls, site, values.Methods(method), path, null);
            }
        }
    }

    /// <summary>
    /// The names that make HTTP calls in this file: <c>fetch</c> and <c>axios</c> as globals, what is imported or required from
    /// an HTTP library, and the instances made from them (<c>const api = axios.create({ baseURL })</c>,
    /// <c>this.client = got.extend({ prefixUrl })</c>) with their base.
    /// </summary>
    private static Dictionary<string, Client> Clients(ScriptValues values)
    {
        var source = values.Source;
        var clients = new Dictionary<string, Client>(StringComparer.Ordinal);
        foreach (var global in (string[])["fetch", "window.fetch", "globalThis.fetch", "self.fetch"])
        {
            clients[global] = new Client(Library.Fetch, null);
        }

        clients["axios"] = new Client(Library.Axios, null);
        for (var i = 0; i < source.Count; i++)
        {
            if (source.IsIdentifier(i) && !values.IsMemberAccess(i - 1) && values.ModuleOf(source.TextOf(i)) is { } module && LibraryOf(module) is { } library)
            {
                clients[source.TextOf(i)] = new Client(library, null);
            }
        }

        // Instances: a write whose value is `<library>.create(config)` / `.extend(config)`.
        for (var i = 0; i + 3 < source.Count; i++)
        {
            if (!(source.IsIdentifier(i + 2, "create") || source.IsIdentifier(i + 2, "extend")) || !values.IsMemberAccess(i + 1) || !source.IsPunctuator(i + 3, '(')
                || !clients.TryGetValue(source.TextOf(i), out var library) || library.Library is Library.Fetch or Library.Superagent)
            {
                continue;
            }

            var name = InstanceName(values, i - 1);
            if (name is null)
            {
                continue;
            }

            var arguments = source.Parts(i + 3);
            var baseSpan = arguments.Count > 0 ? values.Property(arguments[0], library.Library == Library.Axios ? "baseURL" : "prefixUrl", i) : null;
            clients[name] = new Client(library.Library, baseSpan is { } b ? values.Url(b) : null);
        }

        return clients;
    }

    // A default or namespace import of an HTTP library, or the named `fetch` (and undici's fetch-shaped `request`); not
    // its other exports (`isAxiosError`, `Headers`).
    private static Library? LibraryOf(string module)
    {
        var hash = module.IndexOf('#', StringComparison.Ordinal);
        var name = hash < 0 ? null : module[(hash + 1)..];
        if (!Modules.TryGetValue(hash < 0 ? module : module[..hash], out var library))
        {
            return null;
        }

        return name is null || name == "fetch" || (name == "request" && module.StartsWith("undici#", StringComparison.Ordinal)) ? library : null;
    }

    // `name = axios.create(`, `this.http = axios.create(`, `const api: AxiosInstance = axios.create(`: the name written.
    private static string? InstanceName(ScriptValues values, int equals)
    {
        var source = values.Source;
        if (!source.IsPunctuator(equals, '='))
        {
            return null;
        }

        var last = equals - 1;
        for (var i = equals - 1; i > equals - 16 && i > 0; i--)
        {
            if (source.IsPunctuator(i, ':') && source.IsIdentifier(i - 1))
            {
                last = i - 1;
                break;
            }

            if (source.IsPunctuator(i, ';') || source.IsPunctuator(i, '{') || source.IsPunctuator(i, '}'))
            {
                break;
            }
        }

        if (!source.IsIdentifier(last))
        {
            return null;
        }

        var first = last;
        while (first >= 2 && values.IsMemberAccess(first - 1) && source.IsIdentifier(first - 2))
        {
            first -= 2;
        }

        var name = source.TextOf(new JsSpan(first, last)).Replace("?.", ".", StringComparison.Ordinal);
        return first == last && source.IsIdentifier(first - 1) && !source.IsIdentifier(first - 1, "const") && !source.IsIdentifier(first - 1, "let") && !source.IsIdentifier(first - 1, "var")
            ? "this." + name // a class field: private readonly http = axios.create(…)
            : name;
    }
}
