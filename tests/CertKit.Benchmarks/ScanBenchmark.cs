using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CertKit.Benchmarks;

/// <summary>
/// Times <c>certkit scan</c> end to end, as a user runs it: the generated corpus is written out as a git repository of
/// SDK-style projects (plus config files), certkit is published in Release, and each run is the published app under
/// <c>/usr/bin/time -v taskset -c 0,1</c>. Figures: wall time, the scan process's peak resident set (what time -v
/// reports), and the peak of the whole process tree's resident memory (certkit plus the MSBuild build host and any
/// <c>dotnet restore</c> it starts), sampled from /proc.
/// </summary>
internal static class ScanBenchmark
{
    private const string Cores = "0,1";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(45);

    public static int Run(int lines, int runs, int seed, int projects, string? certkit, string workRoot)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("the scan benchmark needs Linux (/usr/bin/time, taskset, /proc)");
            return 2;
        }

        foreach (var tool in new[] { "/usr/bin/time", "/usr/bin/taskset" })
        {
            if (!File.Exists(tool))
            {
                Console.Error.WriteLine($"{tool} is missing (apt-get install time util-linux)");
                return 2;
            }
        }

        var repository = Path.Combine(workRoot, "repo");
        var (fileCount, lineCount, byteCount) = WriteRepository(repository, lines, seed, projects);
        Console.WriteLine($"repository: {repository}: {projects} projects, {fileCount} C# files, {lineCount} lines of C# ({byteCount / 1024} KB), appsettings.json, connect.yaml, .env.example; git commit (seed {seed})");

        certkit ??= Publish(Path.Combine(workRoot, "certkit"));
        if (certkit is null)
        {
            return 1;
        }

        Console.WriteLine($"certkit: {certkit}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores visible; load average {LoadAverage()}; each run pinned with taskset -c {Cores}");
        Console.WriteLine();

        // Run 0 is cold: the projects have no obj/ yet, so the scan restores them (offline, from the local package cache).
        var results = new List<RunResult>();
        for (var run = 0; run <= runs; run++)
        {
            var result = ScanOnce(certkit, repository);
            if (result is null)
            {
                return 1;
            }

            var label = run == 0 ? "cold (restore included)" : $"warm run {run}";
            Console.WriteLine($"{label,-24} wall {result.WallSeconds,6:F1} s   certkit max RSS {result.MaxRssMegabytes,6:F0} MB   process tree peak {result.TreePeakMegabytes,6:F0} MB   user+sys CPU {result.CpuSeconds,6:F1} s   load {result.LoadAverage}");
            if (run == 0)
            {
                foreach (var line in result.ReportLines)
                {
                    Console.WriteLine("    " + line);
                }
            }
            else
            {
                results.Add(result);
            }
        }

        if (results.Count > 0)
        {
            var wall = Median(results.Select(r => r.WallSeconds).ToList());
            var rss = results.Max(r => r.MaxRssMegabytes);
            var tree = results.Max(r => r.TreePeakMegabytes);
            Console.WriteLine();
            Console.WriteLine($"warm runs: median wall {wall:F1} s (target < 30 s: {(wall < 30 ? "met" : "MISSED")}); worst certkit max RSS {rss:F0} MB, worst process tree peak {tree:F0} MB (target < 1536 MB: {(Math.Max(rss, tree) < 1536 ? "met" : "MISSED")})");
        }

        return 0;
    }

    internal sealed record RunResult(double WallSeconds, double MaxRssMegabytes, double TreePeakMegabytes, double CpuSeconds, string LoadAverage, List<string> ReportLines)
    {
        /// <summary>The whole text report certkit printed.</summary>
        public string Report { get; init; } = string.Empty;
    }

    internal static (int Files, int Lines, long Bytes) WriteRepository(string repository, int lines, int seed, int projects)
    {
        if (Directory.Exists(repository))
        {
            Directory.Delete(repository, recursive: true);
        }

        Directory.CreateDirectory(repository);
        var corpus = CorpusGenerator.Generate(lines, seed);
        var totalLines = 0;
        long totalBytes = 0;
        for (var i = 0; i < corpus.Count; i++)
        {
            var project = $"Integration.Part{i % projects + 1}";
            var relative = corpus[i].Path.TrimStart('/').Replace("corpus/", string.Empty, StringComparison.Ordinal);
            var path = Path.Combine(repository, "src", project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, corpus[i].Text);
            totalLines += CorpusGenerator.CountLines(corpus[i].Text);
            totalBytes += Encoding.UTF8.GetByteCount(corpus[i].Text);
        }

        for (var p = 1; p <= projects; p++)
        {
            var folder = Path.Combine(repository, "src", $"Integration.Part{p}");
            Directory.CreateDirectory(folder);
            // The corpus uses ASP.NET Core's logging, configuration and caching: a FrameworkReference, no PackageReference,
            // so the restore needs no feed.
            File.WriteAllText(Path.Combine(folder, $"Integration.Part{p}.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                  </ItemGroup>
                </Project>

                """);
        }

        File.WriteAllText(Path.Combine(repository, "src", "Integration.Part1", "appsettings.json"), """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Venafi": { "BaseUrl": "https://api.venafi.cloud", "ApiKey": "" },
              "Commercetools": {
                "AuthUrl": "https://auth.europe-west1.gcp.commercetools.com/oauth/token",
                "ClientId": "integration-client",
                "ClientSecret": "Zq8vN3kR7wP2mX5tB9yC4hL6"
              },
              "AdobeSign": { "BaseUrl": "https://api.na1.adobesign.com/api/rest/v6" }
            }

            """);
        File.WriteAllText(Path.Combine(repository, "connect.yaml"), """
            deployAs:
              - name: service
                applicationType: service
                endpoint: /service
                configuration:
                  standardConfiguration:
                    - key: CTP_API_URL
                      description: commercetools Composable Commerce API URL
                  securedConfiguration:
                    - key: CTP_CLIENT_SECRET
                      description: commercetools client secret

            """);
        File.WriteAllText(Path.Combine(repository, ".env.example"), "CTP_PROJECT_KEY=\nCTP_CLIENT_ID=\nCTP_CLIENT_SECRET=\n");
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");

        Git(repository, "init", "-q");
        Git(repository, "add", "-A");
        Git(repository, "-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "-m", "generated corpus");
        return (corpus.Count, totalLines, totalBytes);
    }

    internal static string? Publish(string output)
    {
        var root = FindSolutionRoot();
        if (root is null)
        {
            Console.Error.WriteLine("cannot find Toolkit.sln above the current folder; pass --certkit PATH");
            return null;
        }

        Console.WriteLine($"publishing: dotnet publish {Path.Combine(root, "action", "CertKit.Action")} -c Release -o {output}");
        var (exitCode, text) = RunTool("dotnet", root, "publish", Path.Combine(root, "action", "CertKit.Action"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet");
        if (exitCode != 0)
        {
            Console.Error.WriteLine("dotnet publish failed:\n" + text);
            return null;
        }

        return Path.Combine(output, "certkit");
    }

    private static RunResult? ScanOnce(string certkit, string repository) => ScanOnce(certkit, repository, []);

    /// <summary><c>certkit scan REPO --fail-on none</c> and the extra arguments, timed.</summary>
    internal static RunResult? ScanOnce(string certkit, string repository, IReadOnlyList<string> extraArguments) =>
        RunCertkit(certkit, repository, ["scan", repository, "--fail-on", "none", .. extraArguments]);

    /// <summary>certkit with these arguments (the decide benchmark passes its own), timed.</summary>
    internal static RunResult? RunCertkit(string certkit, string repository, string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repository,
        };
        foreach (var argument in (string[])["-v", "taskset", "-c", Cores, certkit, .. command])
        {
            start.ArgumentList.Add(argument);
        }

        var load = LoadAverage();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long treePeakKilobytes = 0;
        while (!process.WaitForExit(100))
        {
            treePeakKilobytes = Math.Max(treePeakKilobytes, TreeResidentKilobytes(process.Id));
            if (stopwatch.Elapsed > RunTimeout)
            {
                process.Kill(entireProcessTree: true);
                Console.Error.WriteLine("certkit scan did not finish in " + RunTimeout);
                return null;
            }
        }

        process.WaitForExit();
        var wall = stopwatch.Elapsed.TotalSeconds;
        var report = output.GetAwaiter().GetResult();
        var timing = error.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"certkit scan exited with {process.ExitCode}:\n{report}\n{timing}");
            return null;
        }

        var maxRss = TimeField(timing, "Maximum resident set size (kbytes)");
        var cpu = TimeField(timing, "User time (seconds)") + TimeField(timing, "System time (seconds)");
        var reportLines = report.Split('\n')
            .Where(l => l.StartsWith("  src/", StringComparison.Ordinal) && l.Contains("C# files", StringComparison.Ordinal)
                || l.StartsWith("  (files under", StringComparison.Ordinal)
                || l.Contains(" findings (", StringComparison.Ordinal)
                || l.Contains("analysed with", StringComparison.Ordinal)
                || l.StartsWith("Analyzer failures", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .ToList();
        return new RunResult(wall, maxRss / 1024, Math.Max(treePeakKilobytes, (long)maxRss) / 1024.0, cpu, load, reportLines) { Report = report };
    }

    /// <summary>The summed VmRSS of a process and all its descendants, now (0 for processes that vanish mid-read).</summary>
    private static long TreeResidentKilobytes(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = new List<int>()).Add(pid);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }

        long total = 0;
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            total += ResidentKilobytes(pid);
            if (children.TryGetValue(pid, out var list))
            {
                list.ForEach(pending.Push);
            }
        }

        return total;
    }

    private static long ResidentKilobytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static double TimeField(string timing, string name)
    {
        foreach (var line in timing.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return double.Parse(trimmed[(name.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/usr/bin/time -v printed no '{name}':\n{timing}");
    }

    internal static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal static string? FindSolutionRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Toolkit.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    internal static void Git(string repository, params string[] arguments)
    {
        var (exitCode, text) = RunTool("git", repository, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {text}");
        }
    }

    internal static (int ExitCode, string Output) RunTool(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
