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
        var install = ChildProcess.Run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "@actions/core"], Folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));
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
        return ChildProcess.Run("node", [path], Folder, environment, TimeSpan.FromMinutes(1), clearEnvironment: true);
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
