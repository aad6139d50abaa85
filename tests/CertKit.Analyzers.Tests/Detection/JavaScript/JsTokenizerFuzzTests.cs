using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

/// <summary>
/// The reader never throws, always ends, and accounts for every character: tokens are in order, inside the text, never
/// overlap, and every non-whitespace character belongs to one. Corpus: JS/TS/JSX snippets of the shapes the rules read,
/// truncated at random points, with random characters deleted and random JS punctuation inserted (fixed seed).
/// </summary>
public class JsTokenizerFuzzTests
{
    private const int Seed = 20261206;
    private const int MutantsPerSnippet = 400;

    private static readonly string[] Snippets =
    [
        "#!/usr/bin/env node\nimport x from 'y';\nconsole.log(`a${b}c${`d${e}`}`, /re[/]x/g, a / b);\n",
        "@Controller('payments')\nexport class P { @Post(':id') async pay(@Body() dto: Dto): Promise<void> { this.#t = 1_000n; } }\n",
        "const App = () => <div className=\"x\" on={() => f({ a: 1 })}>Don't {items.map(i => <li key={i}>{i}</li>)}</div>;\n",
        "fastify.post('/payments', { schema }, async (request, reply) => { request.log.info({ token }); return reply.send(1); });\n",
        "const agent = new https.Agent({ rejectUnauthorized: false }); process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
        "localStorage.setItem('token', t); document.cookie = `session=${s}; path=/`; // end\n/* block */ x = y / z /* c */ / w;\n",
        "type A<T> = { [K in keyof T]?: T[K] extends string ? `${K & string}Id` : never }; let g = <T,>(x: T) => x;\n",
    ];

    private const string Noise = "`'\"/*{}()[]<>$\\#@!?.:;,=+-\n\r\t 0x_eE";

    [Fact]
    public void Mutated_sources_are_read_completely_and_never_throw()
    {
        var random = new Random(Seed);
        var read = 0;
        foreach (var snippet in Snippets)
        {
            for (var k = 0; k < MutantsPerSnippet; k++)
            {
                var mutant = Mutate(snippet, random);
                foreach (var dialect in new[] { JsDialect.JavaScript, JsDialect.TypeScript, JsDialect.Tsx })
                {
                    AssertAccountsForEveryCharacter(mutant, dialect);
                    var source = JsSource.Parse(mutant, dialect);
                    for (var i = 0; i < source.Count; i++)
                    {
                        if (source.TryReadCall(i, out var call))
                        {
                            source.Parts(call.OpenParen);
                        }

                        source.TryGetProperty(i, "method", out _);
                        source.StringValue(i);
                    }

                    Assert.Equal(mutant.Length, source.CodeOnly().Length);
                    read++;
                }
            }
        }

        Assert.Equal(Snippets.Length * MutantsPerSnippet * 3, read);
    }

    [Theory]
    [InlineData("`${")]
    [InlineData("<div>{`")]
    [InlineData("<a b={c")]
    [InlineData("/*")]
    [InlineData("'\\")]
    [InlineData("}}}})))")]
    [InlineData("\\u{")]
    [InlineData("<")]
    [InlineData("#")]
    public void Unterminated_constructs_end_at_the_text(string text)
    {
        AssertAccountsForEveryCharacter(text, JsDialect.JavaScript);
        AssertAccountsForEveryCharacter(text, JsDialect.TypeScript);
    }

    private static void AssertAccountsForEveryCharacter(string text, JsDialect dialect)
    {
        var tokens = new List<JsToken>();
        JsTokenizer.Tokenize(text, dialect, tokens);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousEnd && token.Length > 0 && token.End <= text.Length, $"{token} after {previousEnd} in {Escape(text)}");
            for (var i = token.Start; i < token.End; i++)
            {
                covered[i] = true;
            }

            previousEnd = token.End;
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]) || text[i] == '\ufeff', $"character {i} '{text[i]}' not in a token: {Escape(text)}");
        }
    }

    private static string Mutate(string snippet, Random random)
    {
        var chars = new List<char>(snippet);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                default:
                    chars.RemoveRange(at, chars.Count - at);
                    break;
            }
        }

        return new string(chars.ToArray());
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
