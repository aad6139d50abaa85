using System.Text.RegularExpressions;

namespace CertKit.Benchmarks;

/// <summary>
/// Times <c>certkit decide --evidence all</c> (public API of both commits, endpoints, connect.yaml) on the scan benchmark's
/// 100k-line repository against a <c>certkit scan</c> of the same repository, alternating, each under
/// <c>/usr/bin/time -v taskset -c 0,1</c>. The head commit adds one public method to one file of each project, so the
/// API diff has work to report.
/// </summary>
internal static partial class DecideBenchmark
{
    public static int Run(int lines, int runs, int seed, int projects, string? certkit, string workRoot)
    {
        var repository = Path.Combine(workRoot, "repo-decide");
        if (Directory.Exists(repository))
        {
            Directory.Delete(repository, recursive: true);
        }

        var (fileCount, lineCount, _) = ScanBenchmark.WriteRepository(repository, lines, seed, projects);
        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(repository, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(f))).Select(g => g.First()))
        {
            // Right after the opening brace of the file's first public class: the end of the file may hold another type.
            var text = File.ReadAllText(file);
            var declaration = PublicClass().Match(text);
            var openBrace = declaration.Success ? text.IndexOf('{', declaration.Index) : -1;
            if (openBrace > 0)
            {
                File.WriteAllText(file, text[..(openBrace + 1)] + (declaration.Value.Contains("static ", StringComparison.Ordinal) ? "\n    public static int" : "\n    public int") + " BenchmarkAddition() => 42;\n" + text[(openBrace + 1)..]);
                changed++;
            }
        }

        ScanBenchmark.Git(repository, "add", "-A");
        ScanBenchmark.Git(repository, "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "--allow-empty", "-m", "one public method per project");
        Console.WriteLine($"repository: {repository}: {projects} projects, {fileCount} C# files, {lineCount} lines of C#; head adds a public method in {changed} files");

        certkit ??= ScanBenchmark.Publish(Path.Combine(workRoot, "certkit"));
        if (certkit is null)
        {
            return 1;
        }

        string[] decide = ["decide", "--repo", repository, "--program", "venafi", "--base", "HEAD~1", "--version", "1.0.1", "--previous-version", "1.0.0", "--evidence", "all", "--json"];
        string[] scan = ["scan", repository, "--fail-on", "none"];
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores visible; load average {ScanBenchmark.LoadAverage()}");

        // A cold scan first restores the work tree, as CI would have; decide restores its own snapshots every run.
        if (ScanBenchmark.RunCertkit(certkit, repository, scan) is null)
        {
            return 1;
        }

        var decideWall = new List<double>();
        var scanWall = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var decided = ScanBenchmark.RunCertkit(certkit, repository, decide);
            var scanned = ScanBenchmark.RunCertkit(certkit, repository, scan);
            if (decided is null || scanned is null)
            {
                return 1;
            }

            // The figure is only worth quoting if decide did the work: one addition per changed file, nothing breaking.
            if (DecisionProblem(decided.Report, changed) is { } problem)
            {
                Console.Error.WriteLine("decide did not report the expected evidence: " + problem);
                return 1;
            }

            decideWall.Add(decided.WallSeconds);
            scanWall.Add(scanned.WallSeconds);
            Console.WriteLine($"run {run}: decide --evidence all {decided.WallSeconds,6:F1} s (CPU {decided.CpuSeconds,6:F1} s, tree peak {decided.TreePeakMegabytes,6:F0} MB)   scan {scanned.WallSeconds,6:F1} s (CPU {scanned.CpuSeconds,6:F1} s)   load {decided.LoadAverage}");
        }

        var decideMedian = ScanBenchmark.Median(decideWall);
        var scanMedian = ScanBenchmark.Median(scanWall);
        Console.WriteLine();
        Console.WriteLine($"median: decide --evidence all {decideMedian:F1} s, scan {scanMedian:F1} s, ratio {decideMedian / scanMedian:F2} (target: at most 2.00)");
        return 0;
    }

    private static string? DecisionProblem(string json, int expectedAdditions)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        var implied = root.TryGetProperty("impliedBump", out var bump) ? bump.GetString() : null;
        if (!root.TryGetProperty("evidence", out var evidence) || !evidence.TryGetProperty("api", out var api))
        {
            return "no API evidence";
        }

        var breaking = api.TryGetProperty("breaking", out var broken) ? broken.GetArrayLength() : 0;
        var added = api.TryGetProperty("added", out var additions) ? additions.GetArrayLength() : 0;
        return implied == "minor" && breaking == 0 && added == expectedAdditions
            ? null
            : $"impliedBump {implied ?? "none"}, {breaking} breaking, {added} added (expected minor, 0, {expectedAdditions})";
    }

    [GeneratedRegex(@"public (sealed |static |partial )*class ")]
    private static partial Regex PublicClass();
}
