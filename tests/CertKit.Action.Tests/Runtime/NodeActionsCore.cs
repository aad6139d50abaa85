using System.Diagnostics;

namespace CertKit.Action.Tests.Runtime;

/// <summary>
/// Installs the real <c>@actions/core</c> from npm into a temp folder once per test run, and runs node scripts
/// against it. Missing node or npm is a failure with a clear message, never a skip: CI installs both.
/// </summary>
public sealed class NodeActionsCore : IDisposable
{
    public NodeActionsCore()
    {
        Folder = Directory.CreateTempSubdirectory("certkit-actions-core-").FullName;
        File.WriteAllText(Path.Combine(Folder, "package.json"), """{ "name": "conformance", "private": true, "type": "module" }""");
        var install = Run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "@actions/core"], Folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));
        if (install.ExitCode != 0 || !Directory.Exists(Path.Combine(Folder, "node_modules", "@actions", "core")))
        {
            throw new InvalidOperationException($"`npm install @actions/core` failed (exit {install.ExitCode}): {install.Stderr}");
        }
    }

    public string Folder { get; }

    /// <summary>Runs an ES module script with exactly the given environment (plus PATH), returns its stdout.</summary>
    public ProcessResult RunScript(string script, IReadOnlyDictionary<string, string?> environment)
    {
        var path = Path.Combine(Folder, $"script-{Guid.NewGuid():N}.mjs");
        File.WriteAllText(path, script);
        return Run("node", [path], Folder, environment, TimeSpan.FromMinutes(1), clearEnvironment: true);
    }

    public static ProcessResult Run(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout, bool clearEnvironment = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (clearEnvironment)
        {
            var path = start.Environment["PATH"];
            start.Environment.Clear();
            start.Environment["PATH"] = path;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"`{fileName}` is required by the @actions/core conformance test but could not be started ({exception.Message}). " +
                "Install Node.js and npm (CI's .ci/run does).", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeout}");
            }

            process.WaitForExit();
            return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        }
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

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
