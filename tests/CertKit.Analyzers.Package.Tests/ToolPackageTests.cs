using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace CertKit.Analyzers.Package.Tests;

/// <summary>
/// Packs CertKit.Tool with a version no earlier run used, and installs it from a local feed into a tool folder of its own,
/// as a user does before the first release: <c>dotnet tool install --tool-path … --add-source …</c>.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "certkit-tool-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow.Ticks}.g{Guid.NewGuid():N}";

    public string Feed => Path.Combine(Root, "feed");

    public string ToolPath => Path.Combine(Root, "tools");

    public string PackagePath => Path.Combine(Feed, $"CertKit.Tool.{Version}.nupkg");

    public string Certkit => Path.Combine(ToolPath, "certkit");

    public Task InitializeAsync() => Task.Run(() =>
    {
        Directory.CreateDirectory(Feed);
        var pack = DotnetCli.Run(DotnetCli.RepositoryRoot(), PackTimeout,
            "pack", Path.Combine("action", "CertKit.Action"), "-c", "Release", "-o", Feed, "-nologo",
            $"-p:Version={Version}", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}");
        if (pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack of CertKit.Tool failed (exit {pack.ExitCode}):\n{pack.Output}");
        }

        var install = DotnetCli.Run(Root, InstallTimeout,
            "tool", "install", "--tool-path", ToolPath, "CertKit.Tool", "--version", Version, "--add-source", Feed);
        if (install.ExitCode != 0 || !File.Exists(Certkit))
        {
            throw new InvalidOperationException($"dotnet tool install failed (exit {install.ExitCode}):\n{install.Output}");
        }
    });

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The installed <c>certkit</c> command runs: its version, and a decision on a sample history.</summary>
public sealed class ToolPackageTests : IClassFixture<InstalledTool>
{
    private readonly InstalledTool _tool;

    public ToolPackageTests(InstalledTool tool)
    {
        _tool = tool;
    }

    [Fact]
    public void The_package_is_a_dotnet_tool_with_its_own_readme_icon_and_links()
    {
        using var package = ZipFile.OpenRead(_tool.PackagePath);
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.NotNull(package.GetEntry("certkit-icon.png"));
        Assert.NotNull(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml"));
        using var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        Assert.Equal("certkit", XDocument.Load(settings).Descendants("Command").Single().Attribute("Name")?.Value);

        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = nuspecEntry.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("CertKit.Tool", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("certkit-icon.png", Value("icon"));
        Assert.Equal("https://github.com/certkit/certkit", Value("projectUrl"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal($"https://github.com/certkit/certkit/releases/tag/v{_tool.Version}", Value("releaseNotes"));

        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        Assert.StartsWith("# CertKit.Tool", text);
        Assert.DoesNotMatch(@"\]\((?!https://)", text);
    }

    [Fact]
    public void Certkit_version_prints_the_package_version()
    {
        var run = Run(_tool.Root, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(_tool.Version, run.Output.Trim());
    }

    [Fact]
    public void Certkit_decide_decides_on_a_sample_history()
    {
        var repository = Path.Combine(_tool.Root, "venafi-connector");
        Directory.CreateDirectory(repository);
        Git(repository, "init", "--quiet", "--initial-branch", "main");
        WriteProject(repository, "1.4.2");
        Git(repository, "add", "-A");
        Git(repository, "commit", "--quiet", "-m", "1.4.2");
        Git(repository, "tag", "v1.4.2");
        WriteProject(repository, "2.0.0");
        Git(repository, "commit", "--quiet", "-am", "2.0.0");

        var run = Run(repository, "decide", "--program", "venafi", "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("1.4.2", json.RootElement.GetProperty("previousVersion").GetString());
        Assert.Equal("2.0.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("major", json.RootElement.GetProperty("bump").GetString());
        Assert.True(json.RootElement.GetProperty("recertificationRequired").GetBoolean());
    }

    private static void WriteProject(string repository, string version)
    {
        var folder = Path.Combine(repository, "src", "Venafi.Connector");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Venafi.Connector.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>{version}</Version>
              </PropertyGroup>
            </Project>
            """);
    }

    private (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(_tool.Certkit) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("certkit " + string.Join(' ', arguments));
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>git with an identity of its own: the test needs no global git configuration.</summary>
    private static void Git(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "user.name=CertKit Test", "-c", "user.email=test@certkit.invalid", "-c", "commit.gpgsign=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {stderr.Result}");
    }
}
