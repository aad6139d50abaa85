using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertKit.Benchmarks;

/// <summary>
/// CertKit's analyzers and Sonar's equivalent rules in one analyzer driver over one large real compilation: each side's
/// execution time from the driver's telemetry (<c>logAnalyzerExecutionTime</c>) and in ms per 1k lines. The two run in
/// the same process, on the same trees and the same bound compilation, so the ratio between them holds on a shared machine
/// where the absolute figures move.
/// The compilation is ad hoc, as the certkit tool's fallback builds it: every C# file under a folder in one compilation,
/// the SDK's implicit usings, and the running .NET and ASP.NET Core shared frameworks as references (plus the assemblies
/// of <c>--references</c> folders). Types of packages that are not referenced stay unresolved; both sides see the same
/// partly bound code, and the count of compiler errors is printed with the figures.
/// The two sides take turns to come first in the driver: the first to ask pays for what the compilation computes lazily and
/// keeps, so each side's figure is also given per position, and the ratio by pair of runs. With <c>--baseline</c>, another
/// build of CertKit's analyzers takes Sonar's place: an A/B of two builds that the machine's swings hit alike.
/// </summary>
internal static class SonarSideBySideBenchmark
{
    /// <summary>
    /// Sonar's rules that do CertKit's rules' jobs: hard-coded credentials (S2068) and secrets (S6418), JWT secret keys
    /// (S6781), hard-coded URIs (S1075), server certificate validation (S4830), weak TLS/SSL protocols (S4423), console
    /// output (S2228) and debug features in production (S4507). Ids the package lacks are named in the output.
    /// </summary>
    public static readonly string[] EquivalentRules = { "S2068", "S6418", "S6781", "S1075", "S4830", "S4423", "S2228", "S4507" };

    private const string SonarProjectConfigName = "SonarProjectConfig.xml";

    public static int Run(string? source, int runs, string? excludes, string? referenceFolders, bool concurrent, string? findingsFile = null, bool certKitOnly = false, bool bindReferencesInAnalysis = false, string? baselineFolder = null, bool certKitFirst = false)
    {
        if (baselineFolder is not null && certKitOnly)
        {
            Console.Error.WriteLine("sonar: --baseline and --certkit-only exclude each other (a baseline takes Sonar's place)");
            return 2;
        }

        if (baselineFolder is not null && !File.Exists(Path.Combine(baselineFolder, BaselineAnalyzers.AssemblyFileName)))
        {
            Console.Error.WriteLine($"sonar: --baseline {baselineFolder} has no {BaselineAnalyzers.AssemblyFileName} (give the output folder of another build)");
            return 2;
        }

        if (string.IsNullOrEmpty(source) || !Directory.Exists(source))
        {
            Console.Error.WriteLine("sonar: --source DIR is required (a folder of C# code, e.g. a clone of a public repository)");
            return 2;
        }

        var sonarFolder = Path.Combine(AppContext.BaseDirectory, "sonar");
        if (!File.Exists(Path.Combine(sonarFolder, "SonarAnalyzer.CSharp.dll")))
        {
            Console.Error.WriteLine($"sonar: SonarAnalyzer.CSharp.dll is not in {sonarFolder}; build the benchmark project (it copies the package's analyzers there)");
            return 2;
        }

        var files = SourceFiles(source, excludes);
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>(files.Count + 1);
        var lines = 0;
        foreach (var file in files)
        {
            var text = SourceText.From(File.ReadAllText(file));
            lines += text.Lines.Count;
            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file));
        }

        // The usings an SDK-style project with ImplicitUsings compiles with, as the tool's ad hoc compilation adds them.
        trees.Add(CSharpSyntaxTree.ParseText(
            "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n" +
            "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Net.Http.Json;\n" +
            "global using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n",
            parseOptions,
            "certkit-implicit-usings.g.cs"));

        var references = AnalyzerOverheadBenchmark.FrameworkReferences().AddRange(ExtraReferences(referenceFolders));
        var certKit = AnalyzerOverheadBenchmark.CertKitAnalyzers();
        HashSet<string> sonarRuleIds = new(StringComparer.Ordinal), otherSonarIds = new(StringComparer.Ordinal);
        // --certkit-only: CertKit's side alone, for A/B runs of two CertKit builds (no Sonar figure then).
        // --baseline DIR: another build of CertKit's analyzers takes Sonar's place, in its own load context, so that two builds
        // are timed in one driver over the same operations and the machine's swings hit both alike.
        var sonar = certKitOnly ? ImmutableArray<DiagnosticAnalyzer>.Empty
            : baselineFolder is not null ? BaselineAnalyzers.Load(baselineFolder)
            : SonarAnalyzers(sonarFolder, out sonarRuleIds, out otherSonarIds);
        var other = baselineFolder is null ? "Sonar" : "Baseline";
        var missing = EquivalentRules.Where(id => !sonarRuleIds.Contains(id)).ToList();
        var sonarVersion = FileVersionInfo.GetVersionInfo(Path.Combine(sonarFolder, "SonarAnalyzer.CSharp.dll")).FileVersion;

        // Sonar's hotspot rules (S2068, S4507) report only in a scanner run with the rules in its profile: SonarProjectConfig.xml
        // and SonarLint.xml, as the scanner for .NET writes them.
        var workFolder = Path.Combine(Path.GetTempPath(), "certkit-sonar-benchmark");
        var additionalFiles = SonarScannerConfiguration(workFolder);
        var specificOptions = EquivalentRules.Where(sonarRuleIds.Contains).Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn))
            .Concat(otherSonarIds.Where(id => !EquivalentRules.Contains(id)).Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)));
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: false)
            .WithSpecificDiagnosticOptions(specificOptions)
            .WithSyntaxTreeOptionsProvider(new NoTreeOptions());

        var load = LoadAverage();
        Console.WriteLine($"source: {source}: {files.Count} C# files, {lines} lines; {references.Length} references; load average {load}");
        var otherSide = baselineFolder is not null
            ? $"Baseline: {sonar.Length} analyzers of the build in {baselineFolder}, in its own load context"
            : $"Sonar {sonarVersion}: {sonar.Length} analyzers for {string.Join(", ", EquivalentRules.Where(sonarRuleIds.Contains))}"
                + (missing.Count > 0 ? $" (not in this package: {string.Join(", ", missing)})" : "");
        Console.WriteLine($"CertKit: {certKit.Length} analyzers, every rule on. {otherSide}; {runs} runs, median; {(concurrent ? "concurrent analysis" : "analysis on one thread")}"
            + (certKitOnly ? "" : certKitFirst ? "; CertKit's analyzers first in every run" : "; the two sides take turns to come first in the driver (odd runs CertKit)")
            + (bindReferencesInAnalysis ? "; references bound inside the analysis (charged to the first analyzer that looks up a type)" : "; references bound before each run, as a build's declaration pass does"));

        var all = certKit.AddRange(sonar);
        var otherFirst = sonar.AddRange(certKit);
        var certKitTimes = new List<double>();
        var sonarTimes = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Dictionary<string, int> findings = new(StringComparer.Ordinal);
        var errors = 0;

        // Run 0 warms the JIT of both sides' code and is not counted.
        for (var run = 0; run <= runs; run++)
        {
            var compilation = CSharpCompilation.Create("SideBySide", trees, references, compilationOptions);

            // A build binds its references once, for the compiler's own declaration pass, whether analyzers run or not; a
            // fresh compilation here would charge that one-time cost to whichever analyzer first looks up a type (CertKit's:
            // its analyzers come first). --bind-references-in-analysis keeps the old charge, to compare with earlier figures.
            if (!bindReferencesInAnalysis)
            {
                _ = compilation.Assembly;
            }

            if (run == 0)
            {
                errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            }

            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles),
                onAnalyzerException: null,
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: true);
            // Odd runs put CertKit first and even runs the other side: whichever asks first pays for what the compilation computes
            // lazily and keeps (mostly symbols' members, interfaces and attributes loaded from metadata), which the other then
            // finds done (up to half a side's time on jellyfin). A build pays for it once, charged to whichever analyzer asks first.
            var withAnalyzers = compilation.WithAnalyzers(!certKitFirst && run % 2 == 0 ? otherFirst : all, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var failure = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
            if (failure is not null)
            {
                Console.Error.WriteLine("sonar: an analyzer threw: " + failure.GetMessage(CultureInfo.InvariantCulture));
                return 1;
            }

            double certKitMilliseconds = 0, sonarMilliseconds = 0;
            foreach (var analyzer in all)
            {
                var milliseconds = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                var isCertKit = certKit.Contains(analyzer);
                if (isCertKit)
                {
                    certKitMilliseconds += milliseconds;
                }
                else
                {
                    sonarMilliseconds += milliseconds;
                }

                if (run > 0)
                {
                    var name = (isCertKit ? "CertKit" : other).PadRight(9) + analyzer.GetType().Name;
                    (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(milliseconds);
                }
            }

            if (run == 0)
            {
                // Both sides report CK ids against a baseline: each side's own findings come from the finished analysis.
                var own = baselineFolder is null ? diagnostics : withAnalyzers.GetAnalyzerDiagnosticsAsync(certKit, CancellationToken.None).GetAwaiter().GetResult();
                findings = own.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                if (findingsFile is not null)
                {
                    WriteFindings(findingsFile, own.Where(d => d.Id.StartsWith("CK", StringComparison.Ordinal)));
                    if (baselineFolder is not null)
                    {
                        WriteFindings(findingsFile + ".baseline", withAnalyzers.GetAnalyzerDiagnosticsAsync(sonar, CancellationToken.None).GetAwaiter().GetResult());
                    }
                }

                continue;
            }

            certKitTimes.Add(certKitMilliseconds);
            sonarTimes.Add(sonarMilliseconds);
            var first = certKitOnly ? string.Empty : !certKitFirst && run % 2 == 0 ? $" ({other} first)" : " (CertKit first)";
            Console.WriteLine(FormattableString.Invariant($"  run {run}: CertKit {certKitMilliseconds,7:F0} ms, {other,-8} {sonarMilliseconds,7:F0} ms{first}"));
        }

        var certKitMedian = Median(certKitTimes);
        var sonarMedian = Median(sonarTimes);
        var alternated = !certKitOnly && !certKitFirst && runs >= 2;
        var perThousand = lines / 1000.0;
        Console.WriteLine($"compiler errors in the ad hoc compilation: {errors} (unresolved package types; both sides see the same code)");
        Console.WriteLine("findings: " + string.Join(", ", findings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        Console.WriteLine(FormattableString.Invariant($"CertKit analyzers' execution (telemetry, median): {certKitMedian,8:F0} ms = {certKitMedian / perThousand,6:F2} ms per 1k lines")
            + (alternated ? ByPosition(certKitTimes, certKitIsOdd: true, perThousand) : string.Empty));
        if (!certKitOnly)
        {
            var label = baselineFolder is null ? "Sonar equivalent rules' execution (median):     " : "Baseline analyzers' execution (median):          ";
            Console.WriteLine(FormattableString.Invariant($"{label} {sonarMedian,8:F0} ms = {sonarMedian / perThousand,6:F2} ms per 1k lines")
                + (alternated ? ByPosition(sonarTimes, certKitIsOdd: false, perThousand) : string.Empty));
            Console.WriteLine(FormattableString.Invariant($"CertKit / {other}: {certKitMedian / sonarMedian:F3} (ratio of the medians)") + (alternated ? PairRatios(certKitTimes, sonarTimes) : string.Empty));
        }

        Console.WriteLine($"load average at the end {LoadAverage()}");
        Console.WriteLine("per analyzer (telemetry, median):");
        foreach (var (name, times) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            Console.WriteLine(FormattableString.Invariant($"  {name,-60} {Median(times),8:F0} ms"));
        }

        return 0;
    }

    /// <summary>
    /// Every CertKit finding of the first run, one a line (id, file, span, live or compilation end, message), sorted: the
    /// files of two builds are compared with <c>diff</c> to show a speed change left the findings as they were.
    /// </summary>
    private static void WriteFindings(string path, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(d => FormattableString.Invariant(
                $"{d.Id}\t{d.Location.SourceTree?.FilePath}\t{d.Location.SourceSpan.Start}-{d.Location.SourceSpan.End}\t{(d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd) ? "end" : "live")}\t{d.GetMessage(CultureInfo.InvariantCulture)}"))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
        File.WriteAllLines(path, lines);
        Console.WriteLine($"CertKit findings written to {path} ({lines.Count})");
    }

    private static List<string> SourceFiles(string source, string? excludes)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude("**/*.cs");
        matcher.AddExclude("**/bin/**");
        matcher.AddExclude("**/obj/**");
        foreach (var pattern in (excludes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            matcher.AddExclude(pattern);
        }

        var files = matcher.GetResultsInFullPath(source).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<MetadataReference> ExtraReferences(string? folders)
    {
        foreach (var folder in (folders ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories))
            {
                yield return MetadataReference.CreateFromFile(file);
            }
        }
    }

    /// <summary>
    /// Sonar's analyzers that report one of <see cref="EquivalentRules"/>; an analyzer that also reports other rules runs
    /// whole (its other rules suppressed), as it would in a build.
    /// </summary>
    private static ImmutableArray<DiagnosticAnalyzer> SonarAnalyzers(string folder, out HashSet<string> equivalentIds, out HashSet<string> otherIds)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(folder, "SonarAnalyzer.CSharp.dll"));
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        equivalentIds = new HashSet<string>(StringComparer.Ordinal);
        otherIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadableTypes(assembly))
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null
                || type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } attribute || !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
            if (ids.Any(EquivalentRules.Contains))
            {
                analyzers.Add(analyzer);
                equivalentIds.UnionWith(ids.Where(EquivalentRules.Contains));
                otherIds.UnionWith(ids.Where(id => !EquivalentRules.Contains(id)));
            }
        }

        return analyzers.ToImmutable();
    }

    /// <summary>The package's code fixes need Roslyn's Workspaces, which the benchmark does not load: their types are skipped.</summary>
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.Where(t => t is not null)!;
        }
    }

    private static ImmutableArray<AdditionalText> SonarScannerConfiguration(string folder)
    {
        Directory.CreateDirectory(folder);
        var analysisConfig = Path.Combine(folder, "SonarQubeAnalysisConfig.xml");
        File.WriteAllText(analysisConfig, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<AnalysisConfig xmlns=\"http://www.sonarsource.com/msbuild/integration/2015/1\"></AnalysisConfig>\n");
        var filesToAnalyze = Path.Combine(folder, "FilesToAnalyze.txt");
        File.WriteAllText(filesToAnalyze, string.Empty);
        var projectConfig = Path.Combine(folder, SonarProjectConfigName);
        var content =
            "<SonarProjectConfig xmlns=\"http://www.sonarsource.com/msbuild/analyzer/2021/1\">\n" +
            $"  <AnalysisConfigPath>{analysisConfig}</AnalysisConfigPath>\n" +
            $"  <ProjectPath>{Path.Combine(folder, "SideBySide.csproj")}</ProjectPath>\n" +
            $"  <FilesToAnalyzePath>{filesToAnalyze}</FilesToAnalyzePath>\n" +
            $"  <OutPath>{Path.Combine(folder, "out")}</OutPath>\n" +
            "  <ProjectType>Product</ProjectType>\n" +
            "  <TargetFramework>net10.0</TargetFramework>\n" +
            "</SonarProjectConfig>\n";
        File.WriteAllText(projectConfig, content);

        // Hotspot rules run only where the quality profile lists them: SonarLint.xml carries the active rules.
        var sonarLint = Path.Combine(folder, "SonarLint.xml");
        var rules = string.Concat(EquivalentRules.Select(id => $"    <Rule><Key>{id}</Key></Rule>\n"));
        var sonarLintContent = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AnalysisInput>\n  <Settings></Settings>\n  <Rules>\n" + rules + "  </Rules>\n  <Files></Files>\n</AnalysisInput>\n";
        File.WriteAllText(sonarLint, sonarLintContent);
        return ImmutableArray.Create<AdditionalText>(new FileText(projectConfig, content), new FileText(sonarLint, sonarLintContent));
    }

    // A side's median when it came first in the driver and when it came second (runs are numbered from 1; odd runs put CertKit first).
    private static string ByPosition(List<double> times, bool certKitIsOdd, double perThousand)
    {
        var first = times.Where((_, index) => (index % 2 == 0) == certKitIsOdd).ToList();
        var second = times.Where((_, index) => (index % 2 == 0) != certKitIsOdd).ToList();
        return FormattableString.Invariant($"; first {Median(first):F0} ms = {Median(first) / perThousand:F2}, second {Median(second):F0} ms = {Median(second) / perThousand:F2}");
    }

    // Runs 1-2, 3-4, ...: each side came first once in a pair, so the pair's ratio carries no order's advantage.
    private static string PairRatios(List<double> certKitTimes, List<double> otherTimes)
    {
        var ratios = new List<double>();
        for (var index = 0; index + 1 < certKitTimes.Count; index += 2)
        {
            ratios.Add((certKitTimes[index] + certKitTimes[index + 1]) / (otherTimes[index] + otherTimes[index + 1]));
        }

        return FormattableString.Invariant($"; by pair of runs (each side first once): median {Median(ratios):F3}, from {ratios.Min():F3} to {ratios.Max():F3} ({ratios.Count} pairs)");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<double> unsorted)
    {
        var values = new List<double>(unsorted);
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>No per-tree severities (no .editorconfig): Sonar asks for them and fails without a provider, as a build always has one.</summary>
    private sealed class NoTreeOptions : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText text;

        public FileText(string path, string content)
        {
            Path = path;
            text = SourceText.From(content);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>Another build's CertKit analyzers, loaded beside this build's: Roslyn and the runtime come from the default context.</summary>
    private sealed class BaselineAnalyzers : System.Runtime.Loader.AssemblyLoadContext
    {
        public const string AssemblyFileName = "CertKit.Analyzers.dll";

        private readonly string folder;

        private BaselineAnalyzers(string folder)
            : base("certkit-baseline") => this.folder = folder;

        public static ImmutableArray<DiagnosticAnalyzer> Load(string folder)
        {
            var context = new BaselineAnalyzers(Path.GetFullPath(folder));
            return AnalyzerOverheadBenchmark.AnalyzersIn(context.LoadFromAssemblyPath(Path.Combine(context.folder, AssemblyFileName)));
        }

        // Only the analyzers' own assembly is loaded again; anything else resolves to what this process already runs.
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
