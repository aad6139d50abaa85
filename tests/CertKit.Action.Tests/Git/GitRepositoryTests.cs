using CertKit.Action.Git;

namespace CertKit.Action.Tests.Git;

public class GitRepositoryTests
{
    [Fact]
    public void Reads_tags_files_and_changes_at_commits()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/Client.cs", "class Client { }").Write("docs/old name.md", "# docs");
        var first = repository.Commit();
        repository.Tag("v1.0.0").LightweightTag("latest");
        repository.Git("mv", "docs/old name.md", "docs/new name.md");
        repository.Write("src/Client.cs", "class Client { int retries; }").Write("src/Ünïcode.cs", "class U { }");
        var second = repository.Commit();

        var git = GitRepository.Open(repository.Path);

        Assert.Equal(second, git.TryResolveCommit("HEAD"));
        Assert.Equal(first, git.TryResolveCommit("v1.0.0"));
        Assert.Null(git.TryResolveCommit("v9.9.9"));
        Assert.Null(git.TryResolveCommit("--output=/tmp/x"));
        Assert.Equal(["latest", "v1.0.0"], git.TagsPointingAt(first).Order(StringComparer.Ordinal));
        Assert.Empty(git.TagsPointingAt(second));
        Assert.Equal(["latest", "v1.0.0"], git.TagsReachableFrom(second).Order(StringComparer.Ordinal));
        Assert.Equal(first, git.TryTagCommit("v1.0.0"));
        Assert.Equal(["docs/new name.md", "src/Client.cs", "src/Ünïcode.cs"], git.ListFiles(second).Order(StringComparer.Ordinal));
        Assert.Equal("class Client { }", git.TryReadFile(first, "src/Client.cs"));
        Assert.Null(git.TryReadFile(first, "src/Ünïcode.cs"));
        Assert.Equal(
            ["docs/new name.md", "docs/old name.md", "src/Client.cs", "src/Ünïcode.cs"],
            git.ChangedFiles(first, second).Order(StringComparer.Ordinal));
        Assert.Equal(["src/Client.cs"], git.FilesContaining(second, "retries", "*.cs"));
        Assert.Empty(git.FilesContaining(first, "retries", "*.cs"));
        Assert.False(git.IsShallow);
    }

    [Fact]
    public void Changed_files_of_a_branch_are_counted_from_the_merge_base()
    {
        using var repository = TestRepository.Create();
        repository.Write("a.txt", "a").Commit();
        repository.Branch("feature");
        repository.Write("feature.txt", "f").Commit();
        repository.Checkout("main");
        repository.Write("main-only.txt", "m").Commit();

        var git = GitRepository.Open(repository.Path);

        Assert.Equal(["feature.txt"], git.ChangedFiles(git.ResolveCommit("main", "base"), git.ResolveCommit("feature", "head")));
    }

    [Fact]
    public void A_shallow_clone_is_detected_and_a_missing_ref_names_the_fix()
    {
        using var origin = TestRepository.Create();
        origin.Write("a.txt", "1").Commit();
        origin.Tag("v1.0.0");
        origin.Write("a.txt", "2").Commit();
        using var shallow = TestRepository.ShallowCloneOf(origin);

        var git = GitRepository.Open(shallow.Path);

        Assert.True(git.IsShallow);
        Assert.Empty(git.TagsReachableFrom(git.ResolveCommit("HEAD", "head")));
        var error = Assert.Throws<CertKitException>(() => git.ResolveCommit("origin/release", "base"));
        Assert.EndsWith("check out with fetch-depth: 0", error.Message);
    }

    [Fact]
    public void A_git_command_that_outlives_its_timeout_is_stopped_with_a_clear_error()
    {
        using var repository = TestRepository.Create();
        var runner = new GitCommandRunner(repository.Path, TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        // A git alias that sleeps stands in for a git that hangs (a network fetch, a lock).
        var error = Assert.Throws<CertKitException>(() => runner.Run("-c", "alias.hang=!sleep 30", "hang"));

        Assert.StartsWith("git -c alias.hang=!sleep 30 hang did not finish within 0.3 s in ", error.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Fact]
    public void Arguments_are_passed_as_a_list_never_through_a_shell()
    {
        using var repository = TestRepository.Create();
        var runner = new GitCommandRunner(repository.Path);

        var result = runner.Run("rev-parse", "--verify", "--quiet", "HEAD; touch injected");

        Assert.False(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(repository.Path, "injected")));
    }
}
