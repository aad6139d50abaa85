using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// What a JavaScript/TypeScript test file asserts, line by line: assertions that test something (<c>expect(result)…</c>,
/// <c>assert.equal(total, 3)</c>, supertest's <c>.expect(200)</c>) and placeholders that cannot fail or were never written
/// (<c>expect(1).toBe(1)</c>, <c>expect({}).toStrictEqual({})</c>, <c>assert(true)</c>, <c>@todo</c>, the Connect
/// templates' "Please customize test cases below").
/// </summary>
internal static partial class NodeTestAssertions
{
    /// <summary>One placeholder at a line: what it is.</summary>
    public sealed record Placeholder(int Line, string What);

    public sealed record Result(int Assertions, IReadOnlyList<Placeholder> Placeholders);

    // A literal on its own: a number, a string, true/false/null/undefined, an empty object or array.
    private const string Constant = @"(?:-?\d+(?:\.\d+)?|'[^'\\]*'|""[^""\\]*""|`[^`$\\]*`|true|false|null|undefined|\{\s*\}|\[\s*\])";

    [GeneratedRegex(@"(?<![\w.$])expect\s*\(|(?<![\w$])assert(?:\.\w+)?\s*\(|\.should\b|(?<![\w$])t\.(?:is|not|deepEqual|notDeepEqual|true|false|truthy|falsy|equal|ok|same|strictSame|match|throws|rejects|like)\s*\(|\.expect\s*\(")]
    private static partial Regex AssertionPattern();

    [GeneratedRegex(@"(?<![\w.$])expect\s*\(\s*" + Constant + @"\s*\)")]
    private static partial Regex ConstantExpectPattern();

    // "const result = {};": a local that holds a literal, so expect(result) asserts a constant too.
    [GeneratedRegex(@"^const\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\], ]+)?=\s*" + Constant + @"\s*;?\s*$")]
    private static partial Regex ConstantLocalPattern();

    [GeneratedRegex(@"(?<![\w.$])expect\s*\(\s*([A-Za-z_$][\w$]*)\s*\)")]
    private static partial Regex ExpectNamePattern();

    // Only a statement that starts with assert: inside expect(() => assert(true)) it is the application's own assert under test.
    [GeneratedRegex(@"^assert(?:\.(?:ok|equal|strictEqual|deepEqual|deepStrictEqual|notEqual|isTrue))?\s*\(\s*" + Constant + @"\s*(?:\)|,\s*" + Constant + @"\s*[,)])")]
    private static partial Regex ConstantAssertPattern();

    [GeneratedRegex(@"@todo|Please customi[sz]e test cases", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderCommentPattern();

    [GeneratedRegex(@"(?<![\w.$])(?:it|test)\.todo\s*\(")]
    private static partial Regex TodoTestPattern();

    public static Result Read(string text)
    {
        var assertions = 0;
        var placeholders = new List<Placeholder>();
        var constantLocals = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            number++;
            var line = rawLine.Trim();
            var isComment = line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal) || line.StartsWith('*');
            if (isComment)
            {
                if (PlaceholderCommentPattern().IsMatch(line))
                {
                    placeholders.Add(new Placeholder(number, $"placeholder comment `{Shorten(line)}`"));
                }

                continue;
            }

            if (ConstantLocalPattern().Match(line) is { Success: true } local)
            {
                constantLocals.Add(local.Groups[1].Value);
            }

            var constant = ConstantExpectPattern().Match(line);
            if (!constant.Success)
            {
                constant = ConstantAssertPattern().Match(line);
            }

            if (!constant.Success && ExpectNamePattern().Match(line) is { Success: true } named && constantLocals.Contains(named.Groups[1].Value))
            {
                constant = named;
            }

            if (TodoTestPattern().IsMatch(line))
            {
                placeholders.Add(new Placeholder(number, $"`{Shorten(line)}` is a test still to write"));
            }
            else if (constant.Success)
            {
                placeholders.Add(new Placeholder(number, $"`{Shorten(line)}` asserts a constant, not the application's code"));
            }
            else if (AssertionPattern().IsMatch(line))
            {
                assertions++;
            }
        }

        return new Result(assertions, placeholders);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "…";
}
