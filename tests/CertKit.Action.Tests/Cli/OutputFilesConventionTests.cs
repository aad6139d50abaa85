using System.Text.Json;
using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Cli;

/// <summary>
/// One convention for file outputs (docs/scan.md, "Output files"): stdout carries the report; in text mode it ends with
/// "&lt;format&gt; written to FILE"; with --json stdout is the JSON document alone; missing folders are created.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class OutputFilesConventionTests
{
    [Fact]
    public void CheckWithMarkdownPrintsTheTextReportAndSaysWhereTheFileWent()
    {
        using var repository = TempRepository.Create();
        repository.Write("README.md", "# Integration\n");
        repository.Commit();
        var markdown = Path.Combine(repository.Root, "out", "readiness.md");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "venafi", "--markdown", markdown, "--fail-on", "never");

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith("### Certification readiness: Venafi", File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.Contains("passed", run.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("Markdown written to " + markdown + Environment.NewLine, run.StandardOutput);
    }

    [Fact]
    public void CheckWithJsonAndMarkdownPrintsOnlyTheJsonDocument()
    {
        using var repository = TempRepository.Create();
        repository.Write("README.md", "# Integration\n");
        repository.Commit();
        var markdown = Path.Combine(repository.Root, "out", "readiness.md");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "venafi", "--json", "--markdown", markdown, "--fail-on", "never");

        Assert.True(run.ExitCode == 0, run.StandardError);
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.True(File.Exists(markdown));
    }
}
