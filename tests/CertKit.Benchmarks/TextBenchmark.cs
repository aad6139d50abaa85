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
        long totalBytes = encoded.Sum(b => (long)b.Length);
        Console.WriteLine($"corpus: {corpus.Count} files, {totalBytes / (1024.0 * 1024):F1} MB UTF-8 (seed {seed}); {planted} files with a planted secret");
        foreach (var group in corpus.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-5} {group.Count(),7} files {group.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text)) / (1024.0 * 1024),8:F1} MB");
        }

        Console.WriteLine($"engine: {Engine.Description}");
        Console.WriteLine($"thread: one (the calling thread); {Environment.ProcessorCount} cores visible to the process; load average {ScanBenchmark.LoadAverage()}");

        // Warm-up: one full pass of each, so tiered JIT has promoted the hot loops before timing.
        var findings = DetectAll(texts);
        DecodeAndDetectAll(encoded);
        Console.WriteLine($"findings: {findings.Urls} hardcoded URLs, {findings.Secrets} secrets by format, {findings.Passwords} embedded passwords");

        var detectSeconds = new List<double>();
        var decodeSeconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            DetectAll(texts);
            detectSeconds.Add(stopwatch.Elapsed.TotalSeconds);
            stopwatch.Restart();
            DecodeAndDetectAll(encoded);
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

    private readonly record struct Counts(int Urls, int Secrets, int Passwords);

    private static Counts DetectAll(string[] texts)
    {
        var total = default(Counts);
        foreach (var text in texts)
        {
            var counts = Engine.Scan(text);
            total = new Counts(total.Urls + counts.Urls, total.Secrets + counts.Secrets, total.Passwords + counts.Passwords);
        }

        return total;
    }

    private static void DecodeAndDetectAll(byte[][] files)
    {
        foreach (var bytes in files)
        {
            Engine.Scan(Encoding.UTF8.GetString(bytes));
        }
    }

    /// <summary>
    /// The detectors as they stand on main: the format patterns (CK1003), the URL classifier (CK1001) and the embedded
    /// credential finders (CK1002) over a file's whole content.
    /// </summary>
    private static class Engine
    {
        public const string Description = "SecretPatterns.Find + UrlClassifier.TryFindHardcodedUrl + ConnectionStrings.TryFindPassword/TryFindUrlPassword over each whole file";

        [ThreadStatic]
        private static List<SecretMatch>? secrets;

        public static Counts Scan(string text)
        {
            var found = secrets ??= new List<SecretMatch>();
            found.Clear();
            SecretPatterns.Find(text, found);

            var urls = 0;
            var index = 0;
            while (UrlClassifier.TryFindHardcodedUrl(text, index, false, ImmutableArray<string>.Empty, out var url))
            {
                urls++;
                index = Math.Max(url.End, url.Start + 1);
            }

            var passwords = 0;
            index = 0;
            while (ConnectionStrings.TryFindPassword(text, index, out var password))
            {
                passwords++;
                index = password.Start + Math.Max(password.Length, 1);
            }

            index = 0;
            while (ConnectionStrings.TryFindUrlPassword(text, index, out var password))
            {
                passwords++;
                index = password.Start + Math.Max(password.Length, 1);
            }

            return new Counts(urls, found.Count, passwords);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
