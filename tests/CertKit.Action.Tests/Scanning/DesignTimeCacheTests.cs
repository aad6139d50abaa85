namespace CertKit.Action.Tests.Scanning;

/// <summary>The design-time cache on what a repository's build names but never builds.</summary>
[Collection(ScanCollection.Name)]
public sealed class DesignTimeCacheTests
{
    [Fact]
    public async Task An_analyzer_the_build_names_but_never_built_does_not_make_every_cached_result_a_miss()
    {
        using var repository = TempRepository.Create();
        using var cache = TempRepository.Create(git: false);
        repository.Write(".gitignore", "bin/\nobj/\n");
        // As a repository's own analyzer project referenced with OutputItemType="Analyzer": its DLL is named, not built.
        repository.Write("src/App/App.csproj", TempRepository.ClassLibraryProject.Replace(
            "</Project>",
            "  <ItemGroup>\n    <Analyzer Include=\"../Analyzers/bin/Debug/netstandard2.0/Own.Analyzers.dll\" />\n  </ItemGroup>\n</Project>",
            StringComparison.Ordinal));
        repository.Write("src/App/Client.cs", "namespace App;\n\npublic static class Client { }\n");
        repository.Commit("a project naming an analyzer it does not build");

        var first = await ScanHarness.RunAsync([], repository.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);
        var second = await ScanHarness.RunAsync([], repository.Root, "--json", "--fail-on", "none", "--cache-dir", cache.Root);

        string CacheOf(ScanRun run) => run.Json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "src/App/App.csproj").GetProperty("designTimeCache").GetString()!;
        Assert.Equal("miss", CacheOf(first));
        Assert.Equal("hit", CacheOf(second));
    }
}
