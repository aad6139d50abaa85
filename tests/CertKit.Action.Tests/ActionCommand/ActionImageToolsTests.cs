using System.Text.Json;
using System.Text.RegularExpressions;
using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.Runtime;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// What the Action's image installs (the Dockerfile's run stage) is exactly the tool set <c>certkit check --program
/// commercetools</c> needs: the published app runs with a PATH that holds only those tools (and dotnet, the base image's)
/// and every check gets a verdict, the dependencies check through npm against an npm registry stand-in on 127.0.0.1.
/// Docker has no engine on the test machines, so the image is not built here: the Dockerfile and this test name the same tools.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class ActionImageToolsTests(PublishedAction app)
{
    /// <summary>The commands each installed package brings onto the image's PATH.</summary>
    private static readonly Dictionary<string, string[]> Commands = new(StringComparer.Ordinal)
    {
        ["git"] = ["git"],
        ["nodejs"] = ["node"],
        ["npm"] = ["npm", "npx"],
        ["corepack"] = ["corepack"],
    };

    private static string[] RunStage() =>
        File.ReadAllText(Path.Combine(PublishedAction.RepositoryRoot(), "Dockerfile"))
            .Split("\nFROM ")[^1]
            .Replace("\\\n", " ", StringComparison.Ordinal)
            .Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#'))
            .ToArray();

    [Fact]
    public void The_image_installs_git_nodejs_npm_and_corepack_and_nothing_else()
    {
        Assert.Equal(["git", "nodejs", "npm"], AptPackages());
        Assert.Equal(["corepack@0.34.6"], NpmGlobals());
    }

    [Fact]
    public async Task Certkit_check_for_commercetools_judges_every_check_with_only_the_image_tools()
    {
        await using var registry = await NpmRegistryStandIn.StartAsync();
        registry.Packages["left-pad"] = ["1.0.0", "1.3.0"];
        registry.Advisories["left-pad"] = ("Prototype pollution in left-pad", "high", "<1.3.0");
        using var repository = ConnectSample.Create();
        DependenciesCheckTests.AddDependency(repository, "service", "left-pad", "1.0.0", registry.Url);
        repository.Commit("left-pad");
        ConnectSample.Tag(repository, "v1.0.1");

        // dotnet is the base image's (the SDK); the rest is what the run stage installs.
        using var tools = ToolFolder.Create(["dotnet", .. AptPackages().Concat(NpmGlobals().Select(global => global.Split('@')[0])).SelectMany(package => Commands[package])]);
        using var home = new TempFolder();
        var run = ChildProcess.Run(
            "dotnet",
            [app.EntryPoint, "check", repository.Root, "--program", "commercetools", "--json"],
            repository.Root,
            new Dictionary<string, string?>
            {
                ["PATH"] = tools.Path,
                ["HOME"] = home.Path,
                ["npm_config_registry"] = registry.Url,
                ["npm_config_cache"] = Path.Combine(home.Path, "npm-cache"),
                ["npm_config_update_notifier"] = "false",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            },
            TimeSpan.FromMinutes(5),
            clearEnvironment: true);

        Assert.True(run.Stdout.TrimStart().StartsWith('{'), $"exit {run.ExitCode}: {run.Stdout}{run.Stderr}");
        using var report = JsonDocument.Parse(run.Stdout);
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("id").GetString()!, check => check.GetProperty("status").GetString()!);
        Assert.DoesNotContain("manual", checks.Values);
        Assert.Equal(["dependencies"], checks.Where(check => check.Value == "failed").Select(check => check.Key));
        var dependencies = report.RootElement.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("id").GetString() == "dependencies");
        Assert.Equal(
            ["service/package.json: left-pad 1.0.0 has a high advisory: Prototype pollution in left-pad (npm audit)"],
            dependencies.GetProperty("evidence").EnumerateArray().Select(line => line.GetString()));
        Assert.Contains("POST /-/npm/v1/security/advisories/bulk", registry.Requests);
        Assert.Equal(1, run.ExitCode);
    }

    private static List<string> AptPackages() =>
        [.. RunStage().Select(line => Regex.Match(line, @"apt-get install -y --no-install-recommends ([a-z0-9. -]+?)\s*(?:&&|$)"))
            .Where(match => match.Success)
            .SelectMany(match => match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static List<string> NpmGlobals() =>
        [.. RunStage().Select(line => Regex.Match(line, @"npm install --global ([a-z0-9@. -]+?)\s*(?:&&|$)"))
            .Where(match => match.Success)
            .SelectMany(match => match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>A folder of links to the named commands of this machine: a PATH with nothing else on it.</summary>
    private sealed class ToolFolder : IDisposable
    {
        private ToolFolder(string path) => Path = path;

        public string Path { get; }

        public static ToolFolder Create(IEnumerable<string> commands)
        {
            var folder = Directory.CreateTempSubdirectory("certkit-image-tools-").FullName;
            foreach (var command in commands)
            {
                var found = Environment.GetEnvironmentVariable("PATH")!.Split(System.IO.Path.PathSeparator)
                    .Select(directory => System.IO.Path.Combine(directory, command))
                    .FirstOrDefault(File.Exists)
                    ?? throw new InvalidOperationException($"`{command}` is required by this test (the Action's image installs it) but is not on PATH");
                File.CreateSymbolicLink(System.IO.Path.Combine(folder, command), found);
            }

            return new ToolFolder(folder);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("certkit-image-home-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // npm may still hold its cache for a moment; a temp folder left behind is harmless.
            }
        }
    }
}
