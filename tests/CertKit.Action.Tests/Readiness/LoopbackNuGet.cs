using CertKit.Action.Readiness;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// What a NuGet audit test needs: the feed stand-in (Acme.Widgets 1.0.0 with a high advisory, 1.0.1 fixed; Acme.Gadgets
/// 2.0.0, which depends on Acme.Widgets 1.0.0), repositories
/// whose nuget.config names only that feed, and an environment for the dotnet children that keeps NuGet's caches in a
/// folder of the test's own and sends any request for another host to a proxy on a closed loopback port.
/// </summary>
internal sealed class LoopbackNuGet : IAsyncDisposable
{
    public const string Project = "App/App.csproj";
    public const string Advisory = "https://example.invalid/advisory";

    private readonly string caches = Path.Combine(Path.GetTempPath(), "certkit-nuget-" + Guid.NewGuid().ToString("N")[..12]);

    private LoopbackNuGet(NuGetFeedStandIn feed)
    {
        Feed = feed;
    }

    public NuGetFeedStandIn Feed { get; }

    public static async Task<LoopbackNuGet> StartAsync()
    {
        var feed = await NuGetFeedStandIn.StartAsync();
        feed.Packages["Acme.Widgets"] = ["1.0.0", "1.0.1"];
        feed.Advisories["Acme.Widgets"] = [(2, Advisory, "[1.0.0, 1.0.1)")];
        feed.Packages["Acme.Gadgets"] = ["2.0.0"];
        feed.Dependencies["Acme.Gadgets"] = [("Acme.Widgets", "1.0.0")];
        return new LoopbackNuGet(feed);
    }

    /// <summary>A git repository with one net10.0 project referencing Acme.Widgets, and a nuget.config naming only the feed.</summary>
    public TempRepository Repository(string version, string properties = "", string? serviceIndex = null, string package = "Acme.Widgets")
    {
        var repository = TempRepository.Create();
        AddProject(repository, version, properties, serviceIndex, package);
        repository.Commit("app");
        return repository;
    }

    public void AddProject(TempRepository repository, string version, string properties = "", string? serviceIndex = null, string package = "Acme.Widgets")
    {
        repository.Write("nuget.config", NuGetFeedStandIn.NuGetConfigFor(serviceIndex ?? Feed.ServiceIndex));
        repository.Write(Project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <param name="httpCache">NuGet's HTTP cache folder (a new name: nothing cached from the feed).</param>
    public Dictionary<string, string?> Environment(string httpCache = "http-cache") => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(caches, "packages"),
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(caches, httpCache),
        ["NUGET_PLUGINS_CACHE_PATH"] = Path.Combine(caches, "plugins-cache"),
        ["http_proxy"] = "http://127.0.0.1:9",
        ["https_proxy"] = "http://127.0.0.1:9",
        ["HTTP_PROXY"] = "http://127.0.0.1:9",
        ["HTTPS_PROXY"] = "http://127.0.0.1:9",
        ["no_proxy"] = "127.0.0.1",
        ["NO_PROXY"] = "127.0.0.1",
        ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true",
    };

    public DependencyTools Tools(string threshold = "low", string httpCache = "http-cache") =>
        new(null, threshold, TimeSpan.FromMinutes(2), Environment(httpCache));

    /// <summary>The line the check prints for Acme.Widgets 1.0.0 and an advisory of <paramref name="severity"/>.</summary>
    public static string AdvisoryLine(string severity) => $"{Project}: Acme.Widgets 1.0.0 has a {severity} advisory: {Advisory} (net10.0, NuGet audit)";

    public const string OutdatedLine = $"{Project}: Acme.Widgets 1.0.0 is outdated (latest 1.0.1)";

    public const string CleanLine = $"{Project}: NuGet audit: no known vulnerable package, transitive ones included";

    /// <summary>The evidence when every advisory is below <paramref name="threshold"/> (each one a warning).</summary>
    public static string BelowThresholdLine(string threshold) => $"{Project}: NuGet audit: no advisory at or above the {threshold} threshold, transitive packages included";

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync();
        try
        {
            Directory.Delete(caches, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was restored.
        }
    }
}
