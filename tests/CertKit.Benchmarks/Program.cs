using CertKit.Benchmarks;

// Usage: dotnet run -c Release --project tests/CertKit.Benchmarks -- analyzers [--lines 100000] [--runs 5] [--seed 42]
var mode = args.Length > 0 ? args[0] : "analyzers";
var lines = IntOption("--lines", 100_000);
var runs = IntOption("--runs", 5);
var seed = IntOption("--seed", 42);

switch (mode)
{
    case "analyzers":
        return AnalyzerOverheadBenchmark.Run(lines, runs, seed);
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}'; known: analyzers");
        return 2;
}

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
