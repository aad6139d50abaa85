using System.Text.RegularExpressions;
using CertKit.Action.Tests.Runtime;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// The environment GitHub's runner gives a container action: <c>GITHUB_*</c> (event, payload file, workspace, API
/// address, output and summary files) and <c>INPUT_*</c> with the input names upper-cased and hyphens kept.
/// Runs the published app as a child process with exactly that environment (plus PATH, HOME and DOTNET_ROOT).
/// </summary>
public sealed partial class RunnerEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public RunnerEnvironment(string apiUrl, string workspace, string repository)
    {
        Folder = Directory.CreateTempSubdirectory("certkit-runner-").FullName;
        _variables["GITHUB_ACTIONS"] = "true";
        _variables["CI"] = "true";
        _variables["GITHUB_REPOSITORY"] = repository;
        _variables["GITHUB_REPOSITORY_OWNER"] = repository.Split('/')[0];
        _variables["GITHUB_WORKSPACE"] = workspace;
        _variables["GITHUB_SERVER_URL"] = "https://github.com";
        _variables["GITHUB_API_URL"] = apiUrl;
        _variables["GITHUB_RUN_ID"] = "1234567890";
        _variables["GITHUB_ACTOR"] = "release-manager";
        _variables["RUNNER_TEMP"] = Folder;
        // Tiny retry delays keep fault tests fast (documented as for tests in docs/action.md).
        _variables["CERTKIT_RETRY_BASE_MS"] = "5";
        _variables["CERTKIT_RETRY_MAX_WAIT_SECONDS"] = "3";
    }

    public string Folder { get; }

    public string this[string name]
    {
        set => _variables[name] = value;
    }

    /// <summary>Sets <c>INPUT_&lt;NAME&gt;</c> as the runner does: upper case, spaces to underscores, hyphens kept.</summary>
    public RunnerEnvironment Input(string name, string value)
    {
        _variables[$"INPUT_{name.Replace(' ', '_').ToUpperInvariant()}"] = value;
        return this;
    }

    /// <summary>Writes the event payload and points GITHUB_EVENT_NAME/GITHUB_EVENT_PATH at it.</summary>
    public RunnerEnvironment Event(string name, string payloadJson, string sha, string gitRef)
    {
        var path = Path.Combine(Folder, "event.json");
        File.WriteAllText(path, payloadJson);
        _variables["GITHUB_EVENT_NAME"] = name;
        _variables["GITHUB_EVENT_PATH"] = path;
        _variables["GITHUB_SHA"] = sha;
        _variables["GITHUB_REF"] = gitRef;
        return this;
    }

    /// <summary>One step: fresh output and summary files (as each step gets), then <c>dotnet certkit.dll action</c>.</summary>
    public ActionRun Run(PublishedAction app)
    {
        var step = Guid.NewGuid().ToString("N")[..8];
        var outputFile = Path.Combine(Folder, $"output_{step}");
        var summaryFile = Path.Combine(Folder, $"summary_{step}");
        File.WriteAllText(outputFile, string.Empty);
        File.WriteAllText(summaryFile, string.Empty);
        var environment = new Dictionary<string, string?>(_variables)
        {
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
            ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
            ["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // The test run's package folder and temp folder, not the machine's defaults (tests/fresh-clone.sh sets both).
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            ["TMPDIR"] = Environment.GetEnvironmentVariable("TMPDIR"),
        };
        // Generous: a scan that opens a project with MSBuild takes most of a minute on a loaded two-core machine.
        var result = ChildProcess.Run("dotnet", [app.EntryPoint, "action"], _variables["GITHUB_WORKSPACE"]!, environment,
            TimeSpan.FromMinutes(5), clearEnvironment: true);
        return new ActionRun(result.ExitCode, result.Stdout, result.Stderr, File.ReadAllText(outputFile), File.ReadAllText(summaryFile));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>What one step printed and wrote.</summary>
public sealed partial record ActionRun(int ExitCode, string Stdout, string Stderr, string OutputFile, string Summary)
{
    /// <summary>The outputs file parsed (<c>name&lt;&lt;ghadelimiter_…</c> blocks), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Outputs =>
        OutputBlock().Matches(OutputFile).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, m.Groups["value"].Value)).ToList();

    public string Output(string name) => Outputs.Single(o => o.Key == name).Value;

    /// <summary>The output file with the random delimiters replaced, for exact comparison.</summary>
    public string NormalisedOutputFile => Delimiter().Replace(OutputFile, "ghadelimiter_<uuid>");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    [GeneratedRegex(@"(?<name>[^\n<]+)<<(?<delimiter>ghadelimiter_[0-9a-f-]{36})\n(?<value>.*?)\n\k<delimiter>\n", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();

    [GeneratedRegex("ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Delimiter();
}
