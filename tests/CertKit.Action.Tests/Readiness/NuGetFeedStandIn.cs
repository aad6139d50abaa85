using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// A NuGet v3 feed stand-in on 127.0.0.1 (Kestrel, a free port), serving what the SDK asks of a source:
/// the service index; <c>PackageBaseAddress/3.0.0</c> (the flat container restore downloads from, with a real .nupkg built
/// here); <c>RegistrationsBaseUrl/3.6.0</c> (the metadata <c>dotnet list package --vulnerable</c> and <c>--outdated</c>
/// read: versions, and each version's vulnerabilities); and <c>VulnerabilityInfo/6.7.0</c> (the advisory index and page
/// restore's NuGet audit reads). One list of advisories feeds both.
/// </summary>
internal sealed class NuGetFeedStandIn : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new();
    private readonly WebApplication app;
    private bool stopped;

    private NuGetFeedStandIn(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The feed's root, ending in a slash.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>What a nuget.config adds as the package source.</summary>
    public string ServiceIndex => Url + "v3/index.json";

    /// <summary>Package id → the versions the feed has (the last is the latest).</summary>
    public Dictionary<string, string[]> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Package id → its advisories: NuGet severity (0 low … 3 critical), advisory URL, affected range.</summary>
    public Dictionary<string, (int Severity, string Url, string Versions)[]> Advisories { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Package id → the packages every version of it depends on (id, minimum version).</summary>
    public Dictionary<string, (string Id, string Version)[]> Dependencies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Requests { get; } = [];

    public static async Task<NuGetFeedStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var feed = new NuGetFeedStandIn(app);
        app.Run(feed.HandleAsync);
        await app.StartAsync();
        feed.Url = app.Urls.Single().TrimEnd('/') + "/";
        return feed;
    }

    /// <summary>A nuget.config with this feed as the only package and audit source (http on loopback must be allowed).</summary>
    public string NuGetConfig() => NuGetConfigFor(ServiceIndex);

    public static string NuGetConfigFor(string serviceIndex) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="loopback" value="{serviceIndex}" allowInsecureConnections="true" />
          </packageSources>
          <auditSources>
            <clear />
            <add key="loopback" value="{serviceIndex}" allowInsecureConnections="true" />
          </auditSources>
        </configuration>
        """;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        lock (Requests)
        {
            Requests.Add($"{context.Request.Method} {path}");
        }

        var segments = path.Trim('/').Split('/');
        object? answer = segments switch
        {
            ["v3", "index.json"] => new
            {
                version = "3.0.0",
                resources = new[]
                {
                    Resource("flat/", "PackageBaseAddress/3.0.0"),
                    Resource("registration/", "RegistrationsBaseUrl/3.6.0"),
                    Resource("vulnerabilities/index.json", "VulnerabilityInfo/6.7.0"),
                },
            },
            ["flat", var id, "index.json"] when Find(id) is { } versions => new { versions = versions.Select(Normalized) },
            ["flat", var id, var version, var file] when Find(id) is { } versions && versions.Select(Normalized).Contains(version) && file == $"{id}.{version}.nupkg"
                => Nupkg(Packages.Keys.First(key => key.Equals(id, StringComparison.OrdinalIgnoreCase)), version, Dependencies.TryGetValue(id, out var dependencies) ? dependencies : []),
            ["registration", var id, "index.json"] when Find(id) is { } versions => Registration(id, versions),
            ["vulnerabilities", "index.json"] => new[] { new Dictionary<string, string> { ["@name"] = "base", ["@id"] = Url + "vulnerabilities/base.json", ["@updated"] = "2026-01-01T00:00:00Z" } },
            ["vulnerabilities", "base.json"] => Advisories.ToDictionary(
                advisory => advisory.Key.ToLowerInvariant(),
                advisory => advisory.Value.Select(item => new { severity = item.Severity, url = item.Url, versions = item.Versions })),
            _ => null,
        };

        switch (answer)
        {
            case null:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            case byte[] package:
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(package);
                break;
            default:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(answer, Json));
                break;
        }
    }

    private Dictionary<string, string> Resource(string relative, string type) => new() { ["@id"] = Url + relative, ["@type"] = type };

    private string[]? Find(string lowerId) => Packages.TryGetValue(lowerId, out var versions) ? versions : null;

    private static string Normalized(string version) => NuGetVersion.Parse(version).ToNormalizedString().ToLowerInvariant();

    /// <summary>A registration index with one inlined page: each version's catalog entry carries the advisories that cover it.</summary>
    private object Registration(string lowerId, string[] versions)
    {
        var id = Packages.Keys.First(key => key.Equals(lowerId, StringComparison.OrdinalIgnoreCase));
        var index = $"{Url}registration/{lowerId}/index.json";
        var leaves = versions.Select(version =>
        {
            var normalized = Normalized(version);
            var content = $"{Url}flat/{lowerId}/{normalized}/{lowerId}.{normalized}.nupkg";
            var vulnerabilities = (Advisories.TryGetValue(id, out var advisories) ? advisories : [])
                .Where(advisory => VersionRange.Parse(advisory.Versions).Satisfies(NuGetVersion.Parse(version)))
                .Select(advisory => new { advisoryUrl = advisory.Url, severity = advisory.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                .ToArray();
            return new Dictionary<string, object>
            {
                ["@id"] = $"{Url}registration/{lowerId}/{normalized}.json",
                ["packageContent"] = content,
                ["catalogEntry"] = new Dictionary<string, object>
                {
                    ["@id"] = $"{Url}catalog/{lowerId}.{normalized}.json",
                    ["id"] = id,
                    ["version"] = normalized,
                    ["listed"] = true,
                    ["packageContent"] = content,
                    ["dependencyGroups"] = Array.Empty<object>(),
                    ["vulnerabilities"] = vulnerabilities,
                },
            };
        }).ToArray();
        return new Dictionary<string, object>
        {
            ["@id"] = index,
            ["count"] = 1,
            ["items"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["@id"] = index + "#page/" + Normalized(versions[0]) + "/" + Normalized(versions[^1]),
                    ["count"] = leaves.Length,
                    ["lower"] = Normalized(versions[0]),
                    ["upper"] = Normalized(versions[^1]),
                    ["items"] = leaves,
                },
            },
        };
    }

    /// <summary>A minimal real package: its .nuspec (with its dependencies) and an empty lib/netstandard2.0, so any framework can reference it.</summary>
    private static byte[] Nupkg(string id, string version, (string Id, string Version)[] dependencies)
    {
        var dependencyElements = string.Concat(dependencies.Select(dependency => $"<dependency id=\"{dependency.Id}\" version=\"{dependency.Version}\" />"));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, id + ".nuspec", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>CertKit tests</authors>
                    <description>A package served by the loopback feed.</description>
                    <dependencies><group targetFramework="netstandard2.0">{dependencyElements}</group></dependencies>
                  </metadata>
                </package>
                """);
            Add(zip, "lib/netstandard2.0/_._", string.Empty);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Stops the feed (a test may stop it early, to take the network away).</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
