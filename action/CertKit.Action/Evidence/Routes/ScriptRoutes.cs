using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// The routes of a JS/TS file, read through the shared JS/TS reader: Express, Koa-router and Fastify shorthand routes
/// (<c>app.get('/x', handler)</c>, <c>router.post(…)</c>, <c>fastify.delete(…)</c>), Express <c>router.route('/x').get(…)</c>
/// chains, Fastify's <c>fastify.route({ method, url })</c>, and NestJS controllers (<c>@Controller('payments')</c> +
/// <c>@Post(':id')</c>). A route's receiver must be a server or router by its name, so HTTP clients (<c>axios.get('/x')</c>) are
/// not routes. Prefixes applied elsewhere (<c>app.use('/api', router)</c>, <c>register(…, { prefix })</c>) are not followed:
/// both sides of a comparison are read alike.
/// </summary>
internal static class ScriptRoutes
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "post", "put", "patch", "delete", "del", "head", "options", "all" };

    private static readonly HashSet<string> NestMethods = new(StringComparer.Ordinal) { "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All" };

    private static readonly HashSet<string> ServerNames = new(StringComparer.OrdinalIgnoreCase) { "app", "router", "server", "fastify", "instance", "api", "routes", "route", "koa", "r" };

    public static void Read(string file, JsSource source, List<Route> routes)
    {
        var framework = FrameworkOf(source.Text);
        var lines = LineStarts(source.Text);
        string? controllerPrefix = null;
        for (var i = 0; i < source.Count; i++)
        {
            if (source.IsPunctuator(i, '@') && source.IsIdentifier(i + 1) && source.IsPunctuator(i + 2, '('))
            {
                ReadDecorator(file, source, i + 1, lines, ref controllerPrefix, routes);
                continue;
            }

            if (!source.IsPunctuator(i, '(') || !source.TryReadCall(i, out var call) || call.CloseParen < 0)
            {
                continue;
            }

            var name = source.TextOf(call.Name);
            var arguments = source.Parts(call.OpenParen);
            if (call.OnExpression)
            {
                if (Methods.Contains(name) && TryRouteChainPath(source, call.First, out var chainPath, out var at))
                {
                    routes.Add(new Route(MethodOf(name), chainPath, framework, file, LineOf(lines, source.Significant[at].Start)));
                }

                continue;
            }

            var receiver = ReceiverOf(call.Callee);
            if (receiver is null || !IsServer(receiver))
            {
                continue;
            }

            if (Methods.Contains(name) && arguments.Count >= 2 && arguments[0].IsSingle && source.StringValue(arguments[0].First) is { } path && IsRoutePath(path))
            {
                routes.Add(new Route(MethodOf(name), path, framework, file, LineOf(lines, source.Significant[arguments[0].First].Start)));
            }
            else if (name == "route" && arguments.Count == 1 && source.IsPunctuator(arguments[0].First, '{'))
            {
                ReadRouteOptions(file, source, arguments[0].First, framework, lines, routes);
            }
        }
    }

    /// <summary>The names of the identifiers a file uses (for which DTOs a route file refers to).</summary>
    public static void Identifiers(JsSource source, HashSet<string> names)
    {
        for (var i = 0; i < source.Count; i++)
        {
            if (source.IsIdentifier(i))
            {
                names.Add(source.TextOf(i));
            }
        }
    }

    private static void ReadDecorator(string file, JsSource source, int name, int[] lines, ref string? controllerPrefix, List<Route> routes)
    {
        var decorator = source.TextOf(name);
        var arguments = source.Parts(name + 1);
        var path = string.Empty;
        if (arguments.Count > 0)
        {
            if (source.StringValue(arguments[0].First) is { } literal && arguments[0].IsSingle)
            {
                path = literal;
            }
            else if (source.TryGetProperty(arguments[0].First, "path", out var value) && source.StringValue(value.First) is { } property)
            {
                path = property;
            }
            else if (arguments.Count > 0)
            {
                return; // a computed path: not a route we can name
            }
        }

        if (decorator == "Controller")
        {
            controllerPrefix = path;
        }
        else if (NestMethods.Contains(decorator) && controllerPrefix is not null)
        {
            routes.Add(new Route(decorator.ToUpperInvariant(), RoutePaths.Join(controllerPrefix, path), "NestJS", file, LineOf(lines, source.Significant[name].Start)));
        }
    }

    // fastify.route({ method: ['GET', 'HEAD'], url: '/x', handler })
    private static void ReadRouteOptions(string file, JsSource source, int open, string framework, int[] lines, List<Route> routes)
    {
        if (!source.TryGetProperty(open, "url", out var url) && !source.TryGetProperty(open, "path", out url))
        {
            return;
        }

        if (source.StringValue(url.First) is not { } path || !url.IsSingle || !source.TryGetProperty(open, "method", out var method))
        {
            return;
        }

        var line = LineOf(lines, source.Significant[url.First].Start);
        if (method.IsSingle && source.StringValue(method.First) is { } single)
        {
            routes.Add(new Route(single.ToUpperInvariant(), path, framework, file, line));
        }
        else if (source.IsPunctuator(method.First, '['))
        {
            foreach (var element in source.Parts(method.First))
            {
                if (element.IsSingle && source.StringValue(element.First) is { } each)
                {
                    routes.Add(new Route(each.ToUpperInvariant(), path, framework, file, line));
                }
            }
        }
    }

    // router.route('/x').get(a).post(b): walk back over the method calls to the route('/x') call.
    private static bool TryRouteChainPath(JsSource source, int dot, out string path, out int at)
    {
        path = string.Empty;
        at = -1;
        for (var step = 0; step < 12; step++)
        {
            var close = dot - 1;
            var open = source.Partner(close);
            if (!source.IsPunctuator(close, ')') || open < 0 || !source.TryReadCall(open, out var inner))
            {
                return false;
            }

            var name = source.TextOf(inner.Name);
            if (name == "route" && !inner.OnExpression && ReceiverOf(inner.Callee) is { } receiver && IsServer(receiver))
            {
                var arguments = source.Parts(open);
                if (arguments.Count == 1 && arguments[0].IsSingle && source.StringValue(arguments[0].First) is { } value && IsRoutePath(value))
                {
                    path = value;
                    at = arguments[0].First;
                    return true;
                }

                return false;
            }

            if (!Methods.Contains(name) || !inner.OnExpression)
            {
                return false;
            }

            dot = inner.First;
        }

        return false;
    }

    private static string? ReceiverOf(string callee)
    {
        var dot = callee.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var previous = callee.LastIndexOf('.', dot - 1);
        return callee.Substring(previous + 1, dot - previous - 1);
    }

    private static bool IsServer(string receiver) =>
        ServerNames.Contains(receiver) || receiver.EndsWith("Router", StringComparison.Ordinal) || receiver.EndsWith("router", StringComparison.Ordinal)
        || receiver.EndsWith("App", StringComparison.Ordinal) || receiver.EndsWith("Server", StringComparison.Ordinal);

    private static bool IsRoutePath(string path) => path.StartsWith('/') || path == "*";

    private static string MethodOf(string name) => name == "del" ? "DELETE" : name.ToUpperInvariant();

    private static string FrameworkOf(string text) =>
        text.Contains("'fastify'", StringComparison.Ordinal) || text.Contains("\"fastify\"", StringComparison.Ordinal) || text.Contains("FastifyInstance", StringComparison.Ordinal) ? "Fastify"
        : text.Contains("koa", StringComparison.Ordinal) ? "Koa"
        : text.Contains("'express'", StringComparison.Ordinal) || text.Contains("\"express\"", StringComparison.Ordinal) || text.Contains("Router()", StringComparison.Ordinal) ? "Express"
        : "JS/TS";

    internal static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    internal static int LineOf(int[] lineStarts, int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
