using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Benchmarks;

/// <summary>
/// Compiles the generated corpus with and without the CK analyzers and prints what they add.
/// Three figures: the analyzers' own execution time (Roslyn telemetry) against the compile time (the headline),
/// and the wall-clock ratio against a driver that runs an empty analyzer (the marginal cost when any analyzer runs,
/// as in every SDK build).
/// </summary>
internal static class AnalyzerOverheadBenchmark
{
    private static bool concurrentAnalysis;

    /// <param name="concurrent">Analyse as csc does (concurrent analysis), instead of on one thread.</param>
    /// <param name="only">Comma-separated analyzer name prefixes (CK1001,CK3002): measure those CK analyzers only.</param>
    /// <param name="warmUp">False: the first run pays the JIT of the analyzers' code, as each csc process does.</param>
    public static int Run(int lines, int runs, int seed, bool concurrent, string? only, bool warmUp)
    {
        concurrentAnalysis = concurrent;
        var corpus = CorpusGenerator.Generate(lines, seed);
        var totalLines = corpus.Sum(f => CorpusGenerator.CountLines(f.Text));
        var references = FrameworkReferences();
        var analyzers = CertKitAnalyzers();
        if (!string.IsNullOrEmpty(only))
        {
            var prefixes = only.Split(',');
            analyzers = analyzers.Where(a => prefixes.Any(p => a.GetType().Name.StartsWith(p, StringComparison.Ordinal))).ToImmutableArray();
        }
        Console.WriteLine($"corpus: {corpus.Count} files, {totalLines} lines (seed {seed}); {analyzers.Length} CK analyzers; {runs} runs each, median; {(concurrent ? "concurrent analysis" : "analysis on one thread")}");

        // Warm up the JIT for every path once (the compiler's own paths always, so that a cold run isolates the analyzers').
        Compile(corpus, references, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()), out _);
        if (warmUp)
        {
            Compile(corpus, references, analyzers, out _);
        }

        var compileTimes = new List<double>();
        var emptyDriverTimes = new List<double>();
        var operationDriverTimes = new List<double>();
        var withCkTimes = new List<double>();
        var ckExecutionTimes = new List<double>();
        var marginalWall = new List<double>();
        var marginalCpu = new List<double>();
        var findings = 0;
        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            compileTimes.Add(Compile(corpus, references, default, out _).TotalMilliseconds);
            emptyDriverTimes.Add(Compile(corpus, references, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()), out _).TotalMilliseconds);
            operationDriverTimes.Add(Compile(corpus, references, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()), out var operationDriverRun).TotalMilliseconds);
            withCkTimes.Add(Compile(corpus, references, analyzers, out var result).TotalMilliseconds);

            // Paired, back to back: what the CK analyzers' analysis phase costs over the empty-operation driver's.
            marginalWall.Add(result.AnalysisMilliseconds - operationDriverRun.AnalysisMilliseconds);
            marginalCpu.Add(result.AnalysisCpuMilliseconds - operationDriverRun.AnalysisCpuMilliseconds);
            ckExecutionTimes.Add(result.AnalyzerExecutionMilliseconds);
            findings = result.Findings;
            foreach (var (name, milliseconds) in result.PerAnalyzerMilliseconds)
            {
                (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(milliseconds);
            }
        }

        var compile = Median(compileTimes);
        var emptyDriver = Median(emptyDriverTimes);
        var operationDriver = Median(operationDriverTimes);
        var withCk = Median(withCkTimes);
        var ckExecution = Median(ckExecutionTimes);
        Console.WriteLine($"compile (parse + bind + emit), no analyzers:     {compile,9:F0} ms");
        Console.WriteLine($"compile + driver with an empty analyzer:         {emptyDriver,9:F0} ms");
        Console.WriteLine($"compile + driver with an empty operation action: {operationDriver,9:F0} ms");
        Console.WriteLine($"compile + driver with the CK analyzers:          {withCk,9:F0} ms");
        Console.WriteLine($"CK analyzers' own execution time (telemetry):    {ckExecution,9:F0} ms");
        Console.WriteLine($"CK findings in the corpus:                       {findings,9}");
        Console.WriteLine($"overhead, CK execution / compile:                {100 * ckExecution / compile,8:F2} %");
        Console.WriteLine($"overhead, wall clock vs empty-analyzer driver:   {100 * (withCk - emptyDriver) / emptyDriver,8:F2} %");
        Console.WriteLine($"overhead, wall clock vs empty-operation driver:  {100 * (withCk - operationDriver) / operationDriver,8:F2} %");
        Console.WriteLine($"CK analysis phase over the empty-operation driver's, paired per run (median): wall {Median(marginalWall),7:F0} ms = {100 * Median(marginalWall) / compile,5:F2} % of compile; CPU {Median(marginalCpu),7:F0} ms = {100 * Median(marginalCpu) / compile,5:F2} % of compile");
        Console.WriteLine($"  per run, wall ms: {string.Join(", ", marginalWall.Select(v => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; CPU ms: {string.Join(", ", marginalCpu.Select(v => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Console.WriteLine("per analyzer (telemetry, median):");
        foreach (var (name, times) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            var median = Median(times);
            Console.WriteLine($"  {name,-40} {median,9:F0} ms  {100 * median / compile,6:F2} % of compile");
        }

        // Allocations are exact (no noise): each CK analyzer alone next to the empty operation action, against that action alone.
        Compile(corpus, references, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()), out var baselineRun);
        Console.WriteLine($"memory allocated by the analysis phase: empty-operation driver {baselineRun.AnalysisAllocatedBytes / 1e6,8:F1} MB; added by each CK analyzer alone:");
        foreach (var analyzer in analyzers)
        {
            Compile(corpus, references, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer(), analyzer), out var single);
            Console.WriteLine($"  {analyzer.GetType().Name,-45} {(single.AnalysisAllocatedBytes - baselineRun.AnalysisAllocatedBytes) / 1e6,8:F1} MB");
        }

        Compile(corpus, references, analyzers.Add(new EmptyOperationAnalyzer()), out var allRun);
        Console.WriteLine($"  {"all CK analyzers together",-45} {(allRun.AnalysisAllocatedBytes - baselineRun.AnalysisAllocatedBytes) / 1e6,8:F1} MB");
        return 0;
    }

    /// <param name="AnalysisMilliseconds">Wall time of the analysis phase alone (the driver and the analyzers, after emit).</param>
    /// <param name="AnalysisCpuMilliseconds">Process CPU time of the same phase: less sensitive than wall time to other work on the machine.</param>
    private readonly record struct RunResult(
        double AnalyzerExecutionMilliseconds, int Findings, List<(string Name, double Milliseconds)> PerAnalyzerMilliseconds,
        double AnalysisMilliseconds, double AnalysisCpuMilliseconds, long AnalysisAllocatedBytes);

    private static TimeSpan Compile(List<(string Path, string Text)> corpus, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, out RunResult result)
    {
        var stopwatch = Stopwatch.StartNew();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new SyntaxTree[corpus.Count];
        for (var i = 0; i < corpus.Count; i++)
        {
            trees[i] = CSharpSyntaxTree.ParseText(corpus[i].Text, parseOptions, corpus[i].Path);
        }

        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        using (var peStream = new MemoryStream())
        {
            var emit = compilation.Emit(peStream);
            if (!emit.Success)
            {
                var first = emit.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                throw new InvalidOperationException("the corpus does not compile: " + first);
            }
        }

        result = default;
        if (!analyzers.IsDefaultOrEmpty)
        {
            var analysisStarted = stopwatch.Elapsed;
            var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: concurrentAnalysis,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var analysisMilliseconds = (stopwatch.Elapsed - analysisStarted).TotalMilliseconds;
            var analysisCpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalMilliseconds;
            var analysisAllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var failures = diagnostics.Where(d => d.Id == "AD0001").ToList();
            if (failures.Count > 0)
            {
                throw new InvalidOperationException("an analyzer threw: " + failures[0].GetMessage());
            }

            var executionTime = TimeSpan.Zero;
            var perAnalyzer = new List<(string, double)>();
            foreach (var analyzer in analyzers)
            {
                if (analyzer is not EmptyAnalyzer and not EmptyOperationAnalyzer)
                {
                    var analyzerTime = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                    executionTime += analyzerTime;
                    perAnalyzer.Add((analyzer.GetType().Name, analyzerTime.TotalMilliseconds));
                }
            }

            result = new RunResult(
                executionTime.TotalMilliseconds, diagnostics.Count(d => d.Id.StartsWith("CK", StringComparison.Ordinal)), perAnalyzer,
                analysisMilliseconds, analysisCpuMilliseconds, analysisAllocatedBytes);
        }

        return stopwatch.Elapsed;
    }

    internal static ImmutableArray<DiagnosticAnalyzer> CertKitAnalyzers() => AnalyzersIn(typeof(CertKit.Analyzers.RuleIds).Assembly);

    /// <summary>An instance of every analyzer of <paramref name="assembly"/> (this build's, or another build's loaded beside it).</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    internal static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        // The running app's trusted platform assemblies include Microsoft.NETCore.App and Microsoft.AspNetCore.App.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || Path.GetFileName(p).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static double Median(List<double> unsorted)
    {
        var values = new List<double>(unsorted);
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>Registers the cheapest callback there is, so the driver does its base work and nothing more.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0000", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression);
        }
    }

    /// <summary>
    /// Registers one no-op operation action, so the driver builds the IOperation trees of every method body, as it does in
    /// an SDK build whose default analyzers use operation actions: the baseline for the marginal cost of the CK analyzers there.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
}
