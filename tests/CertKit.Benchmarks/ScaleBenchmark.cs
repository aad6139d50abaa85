using System.Globalization;
using System.Text;

namespace CertKit.Benchmarks;

/// <summary>
/// <c>certkit scan</c> on a repository shaped like a real solution (issue 14): many SDK-style projects of several SDKs in
/// layers of project references, some that cannot be loaded, config files, a git history. In ONE run: a cold full scan
/// (restore included) that fills a cache folder, a second full scan of the same commit with that cache, then a commit
/// that changes one C# file and a pull-request scan of it (<c>--base</c>), without and with the cache. Optionally the
/// same full and pull-request scans with a certkit from before issue 14 (<c>--before PATH</c>), for the before/after table.
/// </summary>
internal static class ScaleBenchmark
{
    private static readonly string[] Sdks = ["Microsoft.NET.Sdk", "Microsoft.NET.Sdk.Web", "Microsoft.NET.Sdk.Worker", "Microsoft.NET.Sdk.Razor"];

    public static int Run(int lines, int projects, int seed, string? certkit, string? before, string workRoot)
    {
        var repository = Path.Combine(workRoot, "repo");
        var cache = Path.Combine(workRoot, "cache");
        var (files, lineCount, unloadable) = WriteRepository(repository, lines, projects, seed);
        Console.WriteLine($"repository: {repository}: {projects} projects ({unloadable} of them unloadable), {files} C# files, {lineCount} lines of C#; SDKs {string.Join(", ", Sdks)}; project references in layers");
        certkit ??= ScanBenchmark.Publish(Path.Combine(workRoot, "certkit"));
        if (certkit is null)
        {
            return 1;
        }

        Console.WriteLine($"certkit: {certkit}{(before is null ? string.Empty : $"; before: {before}")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores visible, pinned to 2 (taskset -c 0,1); {File.ReadAllLines("/proc/meminfo")[0]}");
        Console.WriteLine();
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }

        var rows = new List<(string Label, ScanBenchmark.RunResult Result)>();
        ScanBenchmark.RunResult? Scan(string label, params string[] arguments)
        {
            var result = ScanBenchmark.ScanOnce(certkit, repository, arguments);
            if (result is null)
            {
                return null;
            }

            rows.Add((label, result));
            Print(label, result);
            return result;
        }

        // Before issue 14 (optional): the old certkit's full scan, cold. Its --base scan is the same work (it scanned the
        // whole repository and filtered the findings), so it is not run again.
        var baseCommit = Head(repository);
        if (before is not null)
        {
            RemoveObjFolders(repository);
            var oldCold = ScanBenchmark.ScanOnce(before, repository, []);
            if (oldCold is null)
            {
                return 1;
            }

            rows.Add(("before: full scan, cold (restore)", oldCold));
            Print(rows[^1].Label, oldCold);
        }

        RemoveObjFolders(repository);
        var full = Scan("full scan, cold (restore), filling --cache-dir", "--timings", "--cache-dir", cache);
        var second = full is null ? null : Scan("full scan again, same commit, with the cache", "--timings", "--cache-dir", cache);
        if (second is null)
        {
            return 1;
        }

        // A pull request: one C# file of a project in the middle of the reference graph changes.
        var changed = ChangeOneFile(repository, projects);
        Console.WriteLine($"change: {changed} (one method added), committed; --base {baseCommit[..12]}");
        var pullRequest = Scan("pull-request scan (--base), no cache", "--timings", "--base", baseCommit);
        var pullRequestCached = pullRequest is null ? null : Scan("pull-request scan (--base), with the cache", "--timings", "--base", baseCommit, "--cache-dir", cache);
        if (pullRequestCached is null)
        {
            return 1;
        }

        Console.WriteLine();
        Console.WriteLine("timings of the first full scan (certkit --timings):");
        foreach (var line in TimingsSection(full!.Report).Take(9))
        {
            Console.WriteLine("  " + line);
        }

        var timingsWall = TimingsWall(full.Report);
        Console.WriteLine();
        Console.WriteLine($"--timings wall {timingsWall:F1} s against the process's {full.WallSeconds:F1} s: {100 * timingsWall / full.WallSeconds:F1} % (target: within 10 %: {(Math.Abs(full.WallSeconds - timingsWall) <= 0.1 * full.WallSeconds ? "met" : "MISSED")})");
        Ratio("pull-request scan (no cache) / full scan", pullRequest!.WallSeconds, full.WallSeconds, 0.15);
        Ratio("pull-request scan (cache) / full scan", pullRequestCached.WallSeconds, full.WallSeconds, 0.15);
        Ratio("second full scan (cache) / first full scan", second!.WallSeconds, full.WallSeconds, 0.60);
        var peak = rows.Where(r => !r.Label.StartsWith("before", StringComparison.Ordinal)).Max(r => Math.Max(r.Result.MaxRssMegabytes, r.Result.TreePeakMegabytes));
        Console.WriteLine($"peak memory of any scan (process tree): {peak:F0} MB (target ≤ 1536 MB: {(peak <= 1536 ? "met" : "MISSED")})");
        Console.WriteLine($"findings: full {FindingsLine(full.Report)}; pull request {FindingsLine(pullRequest.Report)}");
        return 0;
    }

    private static void Print(string label, ScanBenchmark.RunResult result) =>
        Console.WriteLine($"{label,-50} wall {result.WallSeconds,6:F1} s  CPU {result.CpuSeconds,6:F1} s  certkit max RSS {result.MaxRssMegabytes,5:F0} MB  tree peak {result.TreePeakMegabytes,5:F0} MB  load {result.LoadAverage}");

    private static void Ratio(string what, double part, double whole, double target) =>
        Console.WriteLine($"{what}: {100 * part / whole:F1} % (target ≤ {100 * target:F0} %: {(part <= target * whole ? "met" : "MISSED")})");

    private static IEnumerable<string> TimingsSection(string report) =>
        report.Split('\n').SkipWhile(l => !l.StartsWith("Timings (", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0);

    private static double TimingsWall(string report)
    {
        var line = TimingsSection(report).FirstOrDefault() ?? "Timings (wall 0 s";
        var start = line.IndexOf("wall ", StringComparison.Ordinal) + 5;
        return double.Parse(line[start..line.IndexOf(' ', start)], CultureInfo.InvariantCulture);
    }

    private static string FindingsLine(string report) =>
        report.Split('\n').LastOrDefault(l => l.Contains(" findings (", StringComparison.Ordinal))?.Trim() ?? "?";

    private static string Head(string repository)
    {
        var (_, output) = ScanBenchmark.RunTool("git", repository, "rev-parse", "HEAD");
        return output.Trim();
    }

    private static void RemoveObjFolders(string repository)
    {
        foreach (var obj in Directory.GetDirectories(repository, "obj", SearchOption.AllDirectories))
        {
            Directory.Delete(obj, recursive: true);
        }
    }

    private static string ChangeOneFile(string repository, int projects)
    {
        var project = Path.Combine(repository, "src", ProjectName(projects / 2));
        var file = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(file);
        var end = text.LastIndexOf('}');
        File.WriteAllText(file, text[..end] + "    internal static string ChangedInThePullRequest() => \"https://api.changed.example.com/v2\";\n}\n");
        ScanBenchmark.Git(repository, "add", "-A");
        ScanBenchmark.Git(repository, "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "-m", "one change");
        return Path.GetRelativePath(repository, file);
    }

    private static string ProjectName(int index) => $"Contoso.Part{index:D2}";

    private static (int Files, int Lines, int Unloadable) WriteRepository(string repository, int lines, int projects, int seed)
    {
        if (Directory.Exists(repository))
        {
            Directory.Delete(repository, recursive: true);
        }

        Directory.CreateDirectory(repository);
        var corpus = CorpusGenerator.Generate(lines, seed);
        var totalLines = 0;
        for (var i = 0; i < corpus.Count; i++)
        {
            var relative = corpus[i].Path.TrimStart('/').Replace("corpus/", string.Empty, StringComparison.Ordinal);
            var path = Path.Combine(repository, "src", ProjectName(i % projects), relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, corpus[i].Text);
            totalLines += CorpusGenerator.CountLines(corpus[i].Text);
        }

        // Unloadable, as in the real solution of issue 14: a project file that is not XML, an SDK nobody can resolve, a
        // package no feed has (restore fails). Spread over the solution, never referenced by others.
        var broken = new Dictionary<int, string>
        {
            [projects - 1] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n",
            [projects - 4] = "<Project Sdk=\"Contoso.Internal.Sdk/3.1.0\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n",
            [projects - 7] = Project("Microsoft.NET.Sdk", [], "    <PackageReference Include=\"Contoso.Internal.Client\" Version=\"9.9.9\" />\n"),
        };
        for (var p = 0; p < projects; p++)
        {
            var folder = Path.Combine(repository, "src", ProjectName(p));
            Directory.CreateDirectory(folder);
            if (broken.TryGetValue(p, out var text))
            {
                File.WriteAllText(Path.Combine(folder, ProjectName(p) + ".csproj"), text);
                continue;
            }

            // Layers of eight: each project references two of the layer below (as services reference domain and infrastructure).
            var references = new List<int>();
            if (p >= 8)
            {
                references.Add(p - 8);
                references.Add((p - 8) / 2 * 2 == p - 8 ? p - 7 : p - 9);
            }

            references = references.Where(r => !broken.ContainsKey(r) && r >= 0).Distinct().ToList();
            File.WriteAllText(Path.Combine(folder, ProjectName(p) + ".csproj"), Project(Sdks[p % Sdks.Length], references, string.Empty));
            if (p % 5 == 0)
            {
                File.WriteAllText(Path.Combine(folder, "appsettings.json"), "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Venafi\": { \"BaseUrl\": \"https://api.venafi.cloud\" }\n}\n");
            }
        }

        File.WriteAllText(Path.Combine(repository, "Directory.Build.props"), "<Project>\n  <PropertyGroup>\n    <LangVersion>latest</LangVersion>\n    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(repository, ".editorconfig"), "root = true\n\n[*.cs]\nindent_style = space\n");
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
        File.WriteAllText(Path.Combine(repository, "connect.yaml"), "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /service\n");
        ScanBenchmark.Git(repository, "init", "-q");
        ScanBenchmark.Git(repository, "add", "-A");
        ScanBenchmark.Git(repository, "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "-m", "generated solution");
        return (corpus.Count, totalLines, broken.Count);
    }

    private static string Project(string sdk, IReadOnlyList<int> references, string extraItems)
    {
        var text = new StringBuilder();
        text.Append($"<Project Sdk=\"{sdk}\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <Nullable>enable</Nullable>\n    <ImplicitUsings>disable</ImplicitUsings>\n");
        if (sdk != "Microsoft.NET.Sdk.Razor")
        {
            text.Append("    <OutputType>Library</OutputType>\n");
        }

        text.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        if (sdk is "Microsoft.NET.Sdk" or "Microsoft.NET.Sdk.Worker" or "Microsoft.NET.Sdk.Razor")
        {
            // The corpus uses ASP.NET Core's logging, configuration and caching (the Web SDK brings it itself).
            text.Append("    <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />\n");
        }

        foreach (var reference in references)
        {
            text.Append($"    <ProjectReference Include=\"../{ProjectName(reference)}/{ProjectName(reference)}.csproj\" />\n");
        }

        text.Append(extraItems);
        text.Append("  </ItemGroup>\n</Project>\n");
        return text.ToString();
    }
}
