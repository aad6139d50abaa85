using CertKit.Benchmarks;

// Timed runs, not tests. See docs/performance.md for the exact commands and the recorded figures.
//   analyzers  dotnet run -c Release --project tests/CertKit.Benchmarks -- analyzers [--lines 100000] [--runs 5] [--seed 42] [--concurrent] [--only CK1001,CK3002] [--cold]
//   scan       dotnet run -c Release --project tests/CertKit.Benchmarks -- scan [--lines 100000] [--runs 3] [--projects 4] [--certkit PATH] [--work DIR]
//   scale      dotnet run -c Release --project tests/CertKit.Benchmarks -- scale [--lines 210000] [--projects 45] [--certkit PATH] [--before PATH] [--work DIR]
//   decide     dotnet run -c Release --project tests/CertKit.Benchmarks -- decide [--lines 100000] [--runs 3] [--projects 4] [--certkit PATH] [--work DIR]
//   text       taskset -c 1 dotnet run -c Release --project tests/CertKit.Benchmarks -- text [--megabytes 128] [--runs 7]
//   sonar      dotnet run -c Release --project tests/CertKit.Benchmarks -- sonar --source DIR [--exclude 'tests/**,**/Migrations/**'] [--references DIR,DIR] [--runs 3] [--concurrent] [--findings FILE] [--certkit-only] [--bind-references-in-analysis] [--baseline BUILD_DIR] [--certkit-first]
//   js         taskset -c 1 dotnet run -c Release --project tests/CertKit.Benchmarks -- js [--megabytes 32] [--runs 5]
//   corpus     dotnet run -c Release --project tests/CertKit.Benchmarks -- corpus --out DIR [--lines 100000] [--seed 42]
//              (the analyzers benchmark's corpus as files, for `sonar --source DIR`)
var mode = args.Length > 0 ? args[0] : "analyzers";
var lines = IntOption("--lines", 100_000);
var seed = IntOption("--seed", 42);

switch (mode)
{
    case "analyzers":
        return AnalyzerOverheadBenchmark.Run(lines, IntOption("--runs", 5), seed, args.Contains("--concurrent"), StringOption("--only"), warmUp: !args.Contains("--cold"));
    case "scan":
        return ScanBenchmark.Run(lines, IntOption("--runs", 3), seed, IntOption("--projects", 4), StringOption("--certkit"), StringOption("--work") ?? Path.Combine(Path.GetTempPath(), "certkit-scan-benchmark"));
    case "scale":
        return ScaleBenchmark.Run(IntOption("--lines", 210_000), IntOption("--projects", 45), seed, StringOption("--certkit"), StringOption("--before"), StringOption("--work") ?? Path.Combine(Path.GetTempPath(), "certkit-scale-benchmark"));
    case "decide":
        return DecideBenchmark.Run(lines, IntOption("--runs", 3), seed, IntOption("--projects", 4), StringOption("--certkit"), StringOption("--work") ?? Path.Combine(Path.GetTempPath(), "certkit-scan-benchmark"));
    case "text":
        return TextBenchmark.Run(IntOption("--megabytes", 128), IntOption("--runs", 7), seed);
    case "sonar":
        return SonarSideBySideBenchmark.Run(StringOption("--source"), IntOption("--runs", 3), StringOption("--exclude"), StringOption("--references"), args.Contains("--concurrent"), StringOption("--findings"), args.Contains("--certkit-only"), args.Contains("--bind-references-in-analysis"), StringOption("--baseline"), args.Contains("--certkit-first"));
    case "js":
        return JsBenchmark.Run(IntOption("--megabytes", 32), IntOption("--runs", 5), seed);
    case "corpus":
        return CorpusGenerator.WriteTo(StringOption("--out"), lines, seed);
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}'; known: analyzers, scan, scale, decide, text, js, sonar, corpus");
        return 2;
}

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

string? StringOption(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
