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
}
