using CertKit.Action.Tests.Readiness;

namespace CertKit.Action.Tests.Scanning;

/// <summary>certkit reads a repository; it leaves nothing behind in it (restore and design-time output included).</summary>
[Collection(ScanCollection.Name)]
public sealed class UserTreeTests
{
    [Fact]
    public async Task ScanOfARepositoryWithoutGitignoreLeavesNoObjFolder()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/Client.cs", "public static class Client\n{\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal("msbuild", Assert.Single(run.Json.GetProperty("projects").EnumerateArray()).GetProperty("mode").GetString());
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public void CheckOfARepositoryWithoutGitignoreLeavesNoObjFolder()
    {
        // check scans (design-time builds) and audits NuGet packages (dotnet restore, dotnet list package).
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/Client.cs", "public static class Client\n{\n}\n");
        repo.Commit();

        CheckRun.Of(repo.Root, "venafi");

        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public async Task FilesTheScanAddsToACommittedObjFolderAreRemoved()
    {
        // Some repositories commit obj/ (an old Visual Studio build): the design-time build's files must not join it.
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/Client.cs", "public static class Client\n{\n}\n");
        repo.Write("src/Integration/obj/Debug/Integration.csproj.FileListAbsolute.txt", "committed by mistake\n");
        repo.Commit();

        await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public async Task AnObjFolderTheUserBuiltIsKept()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/Client.cs", "public static class Client\n{\n}\n");
        repo.Write(".gitignore", "obj/\n");
        repo.Commit();
        var own = repo.Write("src/Integration/obj/mine.txt", "the user's build output\n");

        await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal([own], Directory.EnumerateFileSystemEntries(Path.Combine(repo.Root, "src/Integration/obj"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_scan_leaves_a_stale_lock_file_as_it_was_although_its_restore_rewrites_it()
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
