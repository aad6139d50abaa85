using System.CommandLine;
using System.Text.Json;
using CertKit.Action.Cli;
using CertKit.Action.Tests.Cli;
using CertKit.Action.Tests.Samples;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>A git repository on disk made from samples/connect-repository (committed, tagged v1.0.0), for a test to break.</summary>
internal static class ConnectSample
{
    public static string Folder => Path.Combine(SourceTree.Root, "samples", "connect-repository");

    public static TempRepository Create()
    {
        var repository = TempRepository.Create();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Folder, file);
            if (!relative.Split(Path.DirectorySeparatorChar).Contains("node_modules"))
            {
                repository.WriteBytes(relative, File.ReadAllBytes(file));
            }
        }

        repository.Commit("connector 1.0.0");
        Tag(repository, "v1.0.0");
        return repository;
    }

    public static void Tag(TempRepository repository, string tag) =>
        repository.Git("-c", "user.name=CertKit Test", "-c", "user.email=test@certkit.invalid", "-c", "tag.gpgsign=false", "tag", "-a", tag, "-m", tag);

    public static string Read(TempRepository repository, string relativePath) => File.ReadAllText(Path.Combine(repository.Root, relativePath));
}

/// <summary>A <c>certkit check --json</c> run through the real command line parser and command (in process), parsed.</summary>
internal sealed record CheckRun(CertkitRun Run, JsonElement Report)
{
    public static CertkitRun Invoke(params string[] args)
    {
        var root = new RootCommand("certkit (test)") { CheckCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parseResult = root.Parse(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token).GetAwaiter().GetResult();
        return new CertkitRun(Program.ExitCode(parseResult, exitCode), output.ToString(), error.ToString());
    }

    public static CheckRun Of(string directory, string program, params string[] more)
    {
        var run = Invoke(["check", directory, "--program", program, "--json", .. more]);
        Assert.True(run.StandardOutput.TrimStart().StartsWith('{'), $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        using var document = JsonDocument.Parse(run.StandardOutput);
        return new CheckRun(run, document.RootElement.Clone());
    }

    public bool Ready => Report.GetProperty("ready").GetBoolean();

    public IEnumerable<JsonElement> Checks => Report.GetProperty("checks").EnumerateArray();

    public IReadOnlyList<string> Ids(string status) => [.. Checks.Where(check => check.GetProperty("status").GetString() == status).Select(check => check.GetProperty("id").GetString()!)];

    public IReadOnlyList<string> Evidence(string id) => [.. Checks.Single(check => check.GetProperty("id").GetString() == id).GetProperty("evidence").EnumerateArray().Select(line => line.GetString()!)];

    public IReadOnlyList<string> Warnings(string id) => [.. Checks.Single(check => check.GetProperty("id").GetString() == id).GetProperty("warnings").EnumerateArray().Select(line => line.GetString()!)];

    public string Status(string id) => Checks.Single(check => check.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;
}
