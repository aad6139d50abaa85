using System.Diagnostics;

namespace CertKit.Action.Tests.Git;

/// <summary>
/// A real git repository in a temp folder, built with the git command line. Identity, branch name and signing are
/// set per command (-c), so the tests need no global git configuration.
/// </summary>
public sealed class TestRepository : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private int commitCount;

    private TestRepository(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates an empty repository on branch main.</summary>
    public static TestRepository Create()
    {
        var path = NewTempFolder();
        var repository = new TestRepository(path);
        repository.Git("init", "--quiet", "--initial-branch=main");
        return repository;
    }

    /// <summary>A shallow clone (depth 1, like actions/checkout's default) of another test repository.</summary>
    public static TestRepository ShallowCloneOf(TestRepository source, string branch = "main")
    {
        var path = NewTempFolder();
        Directory.Delete(path);
        RunGit(System.IO.Path.GetTempPath(), "clone", "--quiet", "--depth", "1", "--no-tags", "--branch", branch, new Uri(source.Path).AbsoluteUri, path);
        return new TestRepository(path);
    }

    public TestRepository Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TestRepository Delete(string relativePath)
    {
        File.Delete(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    /// <summary>Writes a csproj with a Version.</summary>
    public TestRepository Csproj(string relativePath, string version) =>
        Write(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Version>{version}</Version>
              </PropertyGroup>
            </Project>
            """);

    /// <summary>Stages everything and commits; returns the commit id.</summary>
    public string Commit(string? message = null)
    {
        commitCount++;
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message ?? $"change {commitCount}");
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>An annotated tag on HEAD (or on a given commit).</summary>
    public TestRepository Tag(string name, string? commit = null)
    {
        var arguments = new List<string> { "tag", "-a", name, "-m", "release " + name };
        if (commit is not null)
        {
            arguments.Add(commit);
        }

        Git([.. arguments]);
        return this;
    }

    /// <summary>A lightweight tag on HEAD.</summary>
    public TestRepository LightweightTag(string name)
    {
        Git("tag", name);
        return this;
    }

    public TestRepository Branch(string name)
    {
        Git("checkout", "--quiet", "-b", name);
        return this;
    }

    public TestRepository Checkout(string name)
    {
        Git("checkout", "--quiet", name);
        return this;
    }

    public string Git(params string[] arguments) => RunGit(Path, arguments);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a test for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string NewTempFolder()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "certkit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string RunGit(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var setting in new[]
                 {
                     "user.name=CertKit Tests", "user.email=tests@certkit.invalid", "commit.gpgsign=false",
                     "tag.gpgsign=false", "init.defaultBranch=main", "protocol.file.allow=always",
                 })
        {
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(setting);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} timed out");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }
}
