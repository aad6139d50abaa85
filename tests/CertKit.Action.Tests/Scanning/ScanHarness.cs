using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using CertKit.Action.Cli;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

/// <summary>Scan tests share MSBuild's registration and the machine's 2 cores: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScanCollection
{
    public const string Name = "certkit scan";
}

internal sealed record ScanRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    /// <summary>(ruleId, path, line, column) of every finding in the JSON output, ordered as reported.</summary>
    public IReadOnlyList<(string RuleId, string Path, int Line, int Column)> Findings =>
        Json.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()))
            .ToList();

    public IReadOnlyDictionary<string, string> Skipped =>
        Json.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("path").GetString()!, s => s.GetProperty("reason").GetString()!);
}

/// <summary>Runs <c>certkit scan</c> through the real command line parser and command, in process.</summary>
internal static class ScanHarness
{
    /// <summary>The shipped command plus the test analyzers (through the scanner's seam).</summary>
    public static Task<ScanRun> RunAsync(params string[] args) => RunAsync(TestAnalyzers.All, args);

    public static async Task<ScanRun> RunAsync(ImmutableArray<DiagnosticAnalyzer> extraAnalyzers, params string[] args)
    {
        var root = new RootCommand("certkit (test)") { ScanCommand.Create(extraAnalyzers) };
        var output = new StringWriter();
        var error = new StringWriter();
        var parseResult = root.Parse(["scan", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);
        return new ScanRun(Program.ExitCode(parseResult, exitCode), output.ToString(), error.ToString());
    }
}
