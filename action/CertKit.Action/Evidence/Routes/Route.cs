namespace CertKit.Action.Evidence.Routes;

/// <summary>A route a service exposes: its method and path as written, the framework that serves it, and where it is declared.</summary>
internal sealed record Route(string Method, string Path, string Framework, string File, int Line)
{
    /// <summary>Method and path with parameter names left out (<c>/payments/:id</c> and <c>/payments/{paymentId}</c> are one route).</summary>
    public string Key => Method + " " + RoutePaths.Normalize(Path);

    public string Display => Method + " " + Path;
}

/// <summary>The properties of an exported TypeScript interface or object type that a route's code uses (a request or response shape).</summary>
internal sealed record DtoShape(string Name, IReadOnlyDictionary<string, bool> Properties, string File, int Line);

/// <summary>The routes and route DTOs of one commit.</summary>
internal sealed record RouteSurface(IReadOnlyList<Route> Routes, IReadOnlyList<DtoShape> Dtos);

internal static class RoutePaths
{
    /// <summary>Prefix and path joined with one slash between them, no trailing slash (<c>payments</c> + <c>:id</c> → <c>/payments/:id</c>).</summary>
    public static string Join(string prefix, string path)
    {
        var joined = "/" + prefix.Trim('/') + "/" + path.Trim('/');
        while (joined.Contains("//", StringComparison.Ordinal))
        {
            joined = joined.Replace("//", "/", StringComparison.Ordinal);
        }

        return joined.Length > 1 ? joined.TrimEnd('/') : joined;
    }

    /// <summary>The path with each parameter as <c>{}</c>: <c>:id</c>, <c>{id}</c>, <c>{id:int}</c>, <c>[controller]</c> kept as written.</summary>
    public static string Normalize(string path)
    {
        var segments = Join(string.Empty, path).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith(':') || (segment.StartsWith('{') && segment.EndsWith('}')))
            {
                segments[i] = "{}";
            }
        }

        return string.Join("/", segments).ToLowerInvariant();
    }
}
