namespace CertKit.Action.Tests.Scanning;

/// <summary>A scan restores projects, and a restore rewrites NuGet lock files that no longer match: the scan puts them back.</summary>
[Collection(ScanCollection.Name)]
public sealed class KeptLockFilesTests
{
    [Fact]
    public async Task A_scan_leaves_a_stale_lock_file_as_it_was()
    {
        using var repository = TempRepository.Create();
        repository.Write(".gitignore", "bin/\nobj/\n");
        repository.Write("src/App/App.csproj", TempRepository.ClassLibraryProject.Replace(
            "<Nullable>enable</Nullable>",
            "<Nullable>enable</Nullable>\n    <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>",
            StringComparison.Ordinal));
        repository.Write("src/App/Client.cs", "namespace App;\n\npublic static class Client { }\n");
        // A lock file for another framework: any restore of the project rewrites it.
        const string stale = "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {}\n  }\n}";
        repository.Write("src/App/packages.lock.json", stale);
        repository.Commit("a project with a lock file");

        var run = await ScanHarness.RunAsync([], repository.Root, "--json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("msbuild", run.Json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "src/App/App.csproj").GetProperty("mode").GetString());
        Assert.Equal(stale, File.ReadAllText(Path.Combine(repository.Root, "src/App/packages.lock.json")));
        Assert.Equal(string.Empty, repository.Git("status", "--porcelain").Trim());
    }
}
