using System.Diagnostics;
using System.Text;

namespace CertKit.Action.Tests.Scanning;

/// <summary>A throw-away folder, optionally a git repository, that a test fills with files and scans.</summary>
internal sealed class TempRepository : IDisposable
{
    private TempRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static TempRepository Create(bool git = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "certkit-scan-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = new TempRepository(root);
        if (git)
        {
            repository.Git("init", "-q", "-b", "main");
        }

        return repository;
    }

    /// <summary>A net10.0 class library with no package references: restores without a network.</summary>
    public const string ClassLibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Commit(string message = "commit")
    {
        Git("add", "-A");
        Git("-c", "user.name=CertKit Test", "-c", "user.email=test@certkit.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException("git " + string.Join(' ', arguments));
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
