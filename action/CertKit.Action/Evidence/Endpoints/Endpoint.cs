namespace CertKit.Action.Evidence.Endpoints;

/// <summary>Where an endpoint is called: a file relative to the repository root and a 1-based line.</summary>
internal sealed record EndpointSite(string File, int Line);

/// <summary>What kind of outbound call an endpoint is.</summary>
internal enum EndpointKind
{
    /// <summary>An HTTP request (REST).</summary>
    Http,

    /// <summary>A VCert command line (Venafi's CLI); <see cref="Endpoint.Path"/> is <c>vcert SUBCOMMAND</c>.</summary>
    VCert,

    /// <summary>A GraphQL operation a client sends: <see cref="Endpoint.Method"/> is its type (QUERY, MUTATION, SUBSCRIPTION), <see cref="Endpoint.Path"/> its name.</summary>
    GraphQL,
}

/// <summary>
/// One outbound endpoint: the HTTP method (null when unknown), the path template (<c>/v1/certificates/{id}</c>; null when
/// the URI could not be followed), where its base address comes from (a configuration key such as <c>Venafi:BaseUrl</c>, an
/// environment variable <c>env:NAME</c>, a literal host, or null), the raw expression for shapes that could not be
/// understood, and every call site.
/// </summary>
internal sealed record Endpoint(EndpointKind Kind, string? Method, string? Path, string? Base, string? Expression, IReadOnlyList<EndpointSite> Sites)
{
    /// <summary>Whether the extractor understood the call (a method and a path); the others carry their raw expression.</summary>
    public bool IsKnown => Expression is null;

    /// <summary>
    /// The identity two commits' inventories are compared by: kind, method and the path template with its parameter names
    /// left out (<c>/certificates/{}</c>), plus the origin when it is a literal host. Where the base comes from (a variable,
    /// a configuration key) and the sites are not part of it: renaming a variable, moving a line or routing the call through
    /// a helper is no change. A call that was not followed is compared by its expression.
    /// </summary>
    public string Key => $"{Kind}|{Method}|{(Path is null ? null : PathTemplate.Identity(Path))}|{(Base is not null && Base.Contains("://", StringComparison.Ordinal) ? Base : null)}|{Expression}";

    /// <summary>The program platform the base host belongs to ("CyberArk Certificate Manager SaaS …, EU", NGTS), or null.</summary>
    public string? Family => CertKit.Analyzers.Detection.VendorHosts.FamilyOf(Base);

    /// <summary>How a person reads it: <c>POST /v1/certificaterequests</c>, <c>vcert enroll</c>, or the raw expression.</summary>
    public string Display => Kind == EndpointKind.VCert
        ? Path ?? "vcert"
        : Kind == EndpointKind.GraphQL ? $"GraphQL {Method?.ToLowerInvariant() ?? "operation"} {Path ?? Expression}"
        : Path is null ? $"{Method ?? "?"} {Expression}" : $"{Method ?? "?"} {Path}";
}

/// <summary>One call site before sites are grouped into endpoints.</summary>
internal sealed record EndpointCall(EndpointKind Kind, string? Method, string? Path, string? Base, string? Expression, EndpointSite Site);

/// <summary>The endpoint inventory of a folder: paths are relative to <see cref="Root"/> (its git work tree, or the folder).</summary>
/// <summary>Shipped code in a language the endpoint readers do not read: how many files, and one to look at.</summary>
internal sealed record NotReadLanguage(string Language, int Files, string Example);

internal sealed record EndpointReport(string Root, IReadOnlyList<Endpoint> Endpoints)
{
    /// <summary>Shipped code the inventory did not read, per language ("Go: 12 files not read"): its calls are not listed.</summary>
    public IReadOnlyList<NotReadLanguage> NotRead { get; init; } = [];

    /// <summary>Groups call sites by endpoint, ordered by kind, path, method and base; sites by file and line.</summary>
    public static EndpointReport From(string root, IEnumerable<EndpointCall> calls)
    {
        var endpoints = calls
            .GroupBy(c => (c.Kind, c.Method, c.Path, c.Base, c.Expression))
            .Select(g => new Endpoint(
                g.Key.Kind,
                g.Key.Method,
                g.Key.Path,
                g.Key.Base,
                g.Key.Expression,
                g.Select(c => c.Site).Distinct().OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ToList()))
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Path is null)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ThenBy(e => e.Base, StringComparer.Ordinal)
            .ThenBy(e => e.Expression, StringComparer.Ordinal)
            .ToList();
        return new EndpointReport(root, endpoints);
    }
}
