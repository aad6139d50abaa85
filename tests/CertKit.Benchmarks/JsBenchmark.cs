using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Benchmarks;

/// <summary>
/// Throughput of the JS/TS reader against the text engine on one thread, over a seeded corpus of generated JS, TS and TSX
/// held in memory: the text engine (<see cref="TextScanner.Scan"/> as Code, what JS/TS got before the reader), the
/// tokenizer alone, and the reader with every JS/TS rule (structure, CK3001, CK3002, CK4001, CK2001 and the comment-aware
/// CK1001–CK1003 scan).
/// </summary>
internal static class JsBenchmark
{
    private static readonly TextScanSettings Settings = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, null);

    public static int Run(int megabytes, int runs, int seed)
    {
        var files = Generate((long)megabytes * 1024 * 1024, seed);
        var total = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text)) / (1024.0 * 1024);
        Console.WriteLine($"corpus: {files.Count} files (js/ts/tsx), {total:F1} MB UTF-8 (seed {seed}); thread: one; {Environment.ProcessorCount} cores visible; load average {ScanBenchmark.LoadAverage()}");

        var measures = new (string Name, Func<int> Pass)[]
        {
            ("text engine (TextScanner.Scan as Code)", () => TextEngine(files)),
            ("JS/TS tokenizer (JsTokenizer.Tokenize)", () => Tokenize(files)),
            ("JS/TS reader + CK2001/CK3001/CK3002/CK4001", () => Rules(files, withTextEngine: false)),
            ("JS/TS reader + all JS/TS rules", () => Rules(files, withTextEngine: true)),
        };

        foreach (var (name, pass) in measures)
        {
            var found = pass(); // warm-up
            var seconds = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                pass();
                seconds.Add(stopwatch.Elapsed.TotalSeconds);
            }

            seconds.Sort();
            var median = seconds[seconds.Count / 2];
            Console.WriteLine($"{name,-42} median {median,7:F3} s of {runs} runs -> {total / median,7:F1} MB/s ({found} tokens/findings)");
        }

        return 0;
    }

    private static int TextEngine(List<(JsDialect Dialect, string Text)> files)
    {
        var findings = new List<TextFinding>();
        foreach (var file in files)
        {
            TextScanner.Scan(file.Text, TextFileKind.Code, Settings, findings);
        }

        return findings.Count;
    }

    private static int Tokenize(List<(JsDialect Dialect, string Text)> files)
    {
        var tokens = new List<JsToken>();
        var count = 0;
        foreach (var file in files)
        {
            tokens.Clear();
            JsTokenizer.Tokenize(file.Text, file.Dialect, tokens);
            count += tokens.Count;
        }

        return count;
    }

    private static int Rules(List<(JsDialect Dialect, string Text)> files, bool withTextEngine)
    {
        var findings = new List<JsFinding>();
        var text = new List<TextFinding>();
        foreach (var file in files)
        {
            var source = JsSource.Parse(file.Text, file.Dialect);
            ConsoleOutputQuery.Find(source, outputAllowed: false, findings);
            SensitiveLogQuery.Find(source, ImmutableArray<string>.Empty, findings);
            TlsValidationQuery.Find(source, findings);
            TokenStorageQuery.Find(source, ImmutableArray<string>.Empty, findings);
            if (withTextEngine)
            {
                TextScanner.ScanScript(source, TextFileRole.Application, Settings, secretsOnly: false, text);
            }
        }

        return findings.Count + text.Count;
    }

    private static readonly string[] Lines =
    [
        "import { createClient } from '@commercetools/sdk-client-v2';",
        "// Reads the payment from the PSP and updates the commercetools payment: https://docs.example-psp.com/api",
        "/* A block comment with a quote ' and a backtick ` that must not open anything */",
        "export async function handle{0}(request: FastifyRequest<{ Body: PaymentRequest }>, reply: FastifyReply): Promise<void> {",
        "  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0) / 100;",
        "  const url = `${process.env.CTP_API_URL}/${projectKey}/payments/${paymentId}?expand=${encodeURIComponent(expand)}`;",
        "  if (/^[a-z0-9-]+$/i.test(key) && key.length < 256) { return reply.code(400).send({ message: 'Invalid key' }); }",
        "  request.log.info({ paymentId: payment.id, amount: payment.amountPlanned.centAmount }, 'payment updated');",
        "  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });",
        "  const result = await apiRoot.payments().withId({ ID: paymentId }).post({ body: { version, actions } }).execute();",
        "  console.log('payment', payment.id, payment.cardLast4);",
        "  localStorage.setItem('cart', JSON.stringify(cart));",
        "  const view = <Checkout key={id} onPay={() => pay(id)}>Don't close this window</Checkout>;",
        "}",
        "const AMOUNT_LIMIT = 1_000_000n; const ratio = a / b / c; const clientSecret = process.env.CTP_CLIENT_SECRET ?? '';",
    ];

    private static List<(JsDialect Dialect, string Text)> Generate(long targetBytes, int seed)
    {
        var random = new Random(seed);
        var files = new List<(JsDialect, string)>();
        long size = 0;
        var builder = new StringBuilder();
        var n = 0;
        while (size < targetBytes)
        {
            builder.Clear();
            var dialect = (JsDialect)(n % 3);
            var lines = random.Next(40, 400);
            for (var i = 0; i < lines; i++)
            {
                var line = Lines[random.Next(Lines.Length)];
                if (dialect == JsDialect.TypeScript && line.Contains("<Checkout", StringComparison.Ordinal))
                {
                    continue;
                }

                builder.Append(line.Replace("{0}", (n * 1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
            }

            var text = builder.ToString();
            files.Add((dialect, text));
            size += text.Length;
            n++;
        }

        return files;
    }
}
