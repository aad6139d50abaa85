using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// An npm registry stand-in on 127.0.0.1 (Kestrel, a free port): the bulk advisory endpoint <c>npm audit</c> posts to, and
/// packuments for the packages it knows. Advisories are served for the package names in <see cref="Advisories"/>.
/// </summary>
internal sealed class NpmRegistryStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private NpmRegistryStandIn(WebApplication app)
    {
        this.app = app;
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Package name → (title, severity, vulnerable range).</summary>
    public Dictionary<string, (string Title, string Severity, string Range)> Advisories { get; } = new(StringComparer.Ordinal);

    /// <summary>Package name → the versions it publishes (the last is latest).</summary>
    public Dictionary<string, string[]> Packages { get; } = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    public static async Task<NpmRegistryStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var registry = new NpmRegistryStandIn(app);
        app.Run(registry.HandleAsync);
        await app.StartAsync();
        registry.Url = app.Urls.Single().TrimEnd('/') + "/";
        return registry;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        lock (Requests)
        {
            Requests.Add($"{context.Request.Method} {path}");
        }

        context.Response.ContentType = "application/json";
        if (context.Request.Method == "POST" && path == "/-/npm/v1/security/advisories/bulk")
        {
            Stream body = context.Request.Body;
            if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
            {
                body = new GZipStream(body, CompressionMode.Decompress);
            }

            var asked = await JsonSerializer.DeserializeAsync<Dictionary<string, string[]>>(body) ?? [];
            var answer = new Dictionary<string, object[]>();
            var id = Random.Shared.Next(1_000_000, 1_000_000_000); // npm caches advisories by id: never reuse one across runs
            foreach (var name in asked.Keys.Where(Advisories.ContainsKey))
            {
                var (title, severity, range) = Advisories[name];
                answer[name] = [new { id = id++, url = $"{Url}advisories/{name}", title, severity, vulnerable_versions = range, cwe = new[] { "CWE-1321" }, cvss = new { score = 7.5, vectorString = (string?)null } }];
            }

            await context.Response.WriteAsync(JsonSerializer.Serialize(answer));
            return;
        }

        var packageName = path.TrimStart('/');
        if (context.Request.Method == "GET" && Packages.TryGetValue(packageName, out var versions))
        {
            var packument = new Dictionary<string, object>
            {
                ["name"] = packageName,
                ["dist-tags"] = new Dictionary<string, string> { ["latest"] = versions[^1] },
                ["versions"] = versions.ToDictionary(version => version, version => (object)new
                {
                    name = packageName,
                    version,
                    dist = new { tarball = $"{Url}{packageName}/-/{packageName}-{version}.tgz" },
                }),
            };
            var json = JsonSerializer.Serialize(packument);
            await context.Response.WriteAsync(json);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsync("{\"error\":\"not found\"}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
