using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using CertKit.Analyzers.Detection;

namespace CertKit.Benchmarks;

/// <summary>
/// Throughput of the text engine (the content detectors of CK1001–CK1003 that <c>certkit scan</c> runs over non-C#
/// files) on one thread, over a seeded corpus of mixed source held in memory. Two figures: the detectors over decoded
/// text, and UTF-8 decoding plus the detectors (what a scan does after reading a file).
/// </summary>
internal static class TextBenchmark
{
    public static int Run(int megabytes, int runs, int seed)
    {
        var corpus = TextCorpusGenerator.Generate((long)megabytes * 1024 * 1024, seed, out var planted);
        var encoded = corpus.Select(f => Encoding.UTF8.GetBytes(f.Text)).ToArray();
        var texts = corpus.Select(f => f.Text).ToArray();
        var paths = corpus.Select(f => f.Path).ToArray();
        long totalBytes = encoded.Sum(b => (long)b.Length);
        Console.WriteLine($"corpus: {corpus.Count} files, {totalBytes / (1024.0 * 1024):F1} MB UTF-8 (seed {seed}); {planted} files with a planted secret");
        foreach (var group in corpus.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-5} {group.Count(),7} files {group.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text)) / (1024.0 * 1024),8:F1} MB");
        }

        Console.WriteLine($"engine: {Engine.Description}");
        Console.WriteLine($"thread: one (the calling thread); {Environment.ProcessorCount} cores visible to the process; load average {ScanBenchmark.LoadAverage()}");

        // Warm-up: one full pass of each, so tiered JIT has promoted the hot loops before timing.
        var findings = DetectAll(paths, texts);
        DecodeAndDetectAll(paths, encoded);
        Console.WriteLine($"findings: {findings.Urls} CK1001 hardcoded URLs, {findings.Credentials} CK1002 hardcoded credentials, {findings.Secrets} CK1003 secrets by content");

        var detectSeconds = new List<double>();
        var decodeSeconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            DetectAll(paths, texts);
            detectSeconds.Add(stopwatch.Elapsed.TotalSeconds);
            stopwatch.Restart();
            DecodeAndDetectAll(paths, encoded);
            decodeSeconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        var megabytesScanned = totalBytes / (1024.0 * 1024);
        var detect = Median(detectSeconds);
        var decode = Median(decodeSeconds);
        Console.WriteLine($"detectors over decoded text:   median {detect,7:F3} s of {runs} runs  -> {megabytesScanned / detect,7:F1} MB/s  (runs: {string.Join(", ", detectSeconds.Select(s => s.ToString("F3")))})");
        Console.WriteLine($"UTF-8 decoding + detectors:    median {decode,7:F3} s of {runs} runs  -> {megabytesScanned / decode,7:F1} MB/s  (runs: {string.Join(", ", decodeSeconds.Select(s => s.ToString("F3")))})");
        Console.WriteLine($"target >= 100 MB/s (detectors): {(megabytesScanned / detect >= 100 ? "met" : "MISSED")}");
        return 0;
    }

    private readonly record struct Counts(int Urls, int Credentials, int Secrets);

    private static Counts DetectAll(string[] paths, string[] texts)
    {
        var total = default(Counts);
        for (var i = 0; i < texts.Length; i++)
        {
            var counts = Engine.Scan(paths[i], texts[i]);
            total = new Counts(total.Urls + counts.Urls, total.Credentials + counts.Credentials, total.Secrets + counts.Secrets);
        }

        return total;
    }

    private static void DecodeAndDetectAll(string[] paths, byte[][] files)
    {
        for (var i = 0; i < files.Length; i++)
        {
            Engine.Scan(paths[i], Encoding.UTF8.GetString(files[i]));
        }
    }

    /// <summary>
    /// The text engine <c>certkit scan</c> and the AdditionalFiles analyzer call: <see cref="TextScanner.Scan"/>, with the
    /// file kind from its name. C# files (which the scan hands to Roslyn instead) are scanned as source code here, so that
    /// the mix has the size and shape of real source.
    /// </summary>
    private static class Engine
    {
        public const string Description = "TextScanner.Scan (CK1001-CK1003 text detectors), file kind from TextScanner.KindOf; .cs scanned as Code";

        private static readonly TextScanSettings Settings = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, null);

        [ThreadStatic]
        private static List<TextFinding>? findings;

        public static Counts Scan(string path, string text)
        {
            var found = findings ??= new List<TextFinding>();
            found.Clear();
            var kind = TextScanner.KindOf(path);
            TextScanner.Scan(text, kind == TextFileKind.Unsupported ? TextFileKind.Code : kind, Settings, found);
            int urls = 0, credentials = 0, secrets = 0;
            foreach (var finding in found)
            {
                switch (finding.RuleId)
                {
                    case CertKit.Analyzers.RuleIds.HardcodedUrl: urls++; break;
                    case CertKit.Analyzers.RuleIds.HardcodedCredential: credentials++; break;
                    default: secrets++; break;
                }
            }

            return new Counts(urls, credentials, secrets);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
