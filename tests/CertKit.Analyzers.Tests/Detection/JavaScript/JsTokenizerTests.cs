using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

public class JsTokenizerTests
{
    private static List<(JsTokenKind Kind, string Text)> Read(string text, JsDialect dialect = JsDialect.TypeScript)
    {
        var tokens = new List<JsToken>();
        JsTokenizer.Tokenize(text, dialect, tokens);
        return tokens.Select(t => (t.Kind, text.Substring(t.Start, t.Length))).ToList();
    }

    private static string Kinds(string text, JsDialect dialect = JsDialect.TypeScript) =>
        string.Join(" ", Read(text, dialect).Select(t => t.Kind + ":" + t.Text));

    [Fact]
    public void Comments_strings_and_their_exact_spans()
    {
        const string text = "const a = 'it\\'s'; // console.log(x)\n/* https://x.example */ b(\"q\")";
        var tokens = Read(text);
        Assert.Equal(
            [
                (JsTokenKind.Identifier, "const"), (JsTokenKind.Identifier, "a"), (JsTokenKind.Punctuator, "="), (JsTokenKind.String, "'it\\'s'"),
                (JsTokenKind.Punctuator, ";"), (JsTokenKind.LineComment, "// console.log(x)"), (JsTokenKind.BlockComment, "/* https://x.example */"),
                (JsTokenKind.Identifier, "b"), (JsTokenKind.Punctuator, "("), (JsTokenKind.String, "\"q\""), (JsTokenKind.Punctuator, ")"),
            ],
            tokens);
        var list = new List<JsToken>();
        JsTokenizer.Tokenize(text, JsDialect.TypeScript, list);
        Assert.Equal(10, list[3].Start);
        Assert.True(list[7].NewlineBefore);
        Assert.False(list[8].NewlineBefore);
    }

    [Fact]
    public void Nested_template_literals_keep_their_holes()
    {
        Assert.Equal(
            "TemplateHead:`a${ TemplateHead:`b${ Identifier:x TemplateTail:}c` TemplateMiddle:}d${ Punctuator:{ Identifier:k Punctuator:} TemplateTail:}`",
            Kinds("`a${`b${x}c`}d${{k}}`"));
        Assert.Equal("Template:`no $ {hole here\\`` Punctuator:;", Kinds("`no $ {hole here\\``;"));
    }

    [Theory]
    [InlineData("a = b / c / d", "Identifier:a Punctuator:= Identifier:b Punctuator:/ Identifier:c Punctuator:/ Identifier:d")]
    [InlineData("x = /a\\/b[/]/gi.test(s)", "Identifier:x Punctuator:= RegularExpression:/a\\/b[/]/gi Punctuator:. Identifier:test Punctuator:( Identifier:s Punctuator:)")]
    [InlineData("return /'/.test(q)", "Identifier:return RegularExpression:/'/ Punctuator:. Identifier:test Punctuator:( Identifier:q Punctuator:)")]
    [InlineData("f(a) / 2", "Identifier:f Punctuator:( Identifier:a Punctuator:) Punctuator:/ Number:2")]
    [InlineData("a.return / 2 / 3", "Identifier:a Punctuator:. Identifier:return Punctuator:/ Number:2 Punctuator:/ Number:3")]
    [InlineData("i++ / 2", "Identifier:i Punctuator:++ Punctuator:/ Number:2")]
    [InlineData("x = a\n/ 2 /\n'q'", "Identifier:x Punctuator:= Identifier:a Punctuator:/ Number:2 Punctuator:/ String:'q'")]
    [InlineData("(/ 'unclosed\n'x'", "Punctuator:( Punctuator:/ String:'unclosed String:'x'")]
    public void Regular_expressions_are_told_from_division(string text, string expected) =>
        Assert.Equal(expected, Kinds(text));

    [Fact]
    public void Numbers_with_separators_exponents_and_bigints()
    {
        Assert.Equal("Number:1_000_000 Number:0xFF_FF Number:1.5e-3 Number:10n Number:.5 Identifier:a Punctuator:?. Identifier:b Identifier:c Punctuator:? Number:.5 Punctuator:: Number:1",
            Kinds("1_000_000 0xFF_FF 1.5e-3 10n .5 a?.b c?.5:1"));
    }

    [Fact]
    public void Hashbang_decorators_and_private_names()
    {
        Assert.Equal(
            "Hashbang:#!/usr/bin/env node Punctuator:@ Identifier:Get Punctuator:( String:':id' Punctuator:) Identifier:find Punctuator:( Punctuator:) Punctuator:{ Identifier:this Punctuator:. PrivateName:#token Punctuator:}",
            Kinds("#!/usr/bin/env node\n@Get(':id') find() { this.#token }"));
    }

    [Fact]
    public void Jsx_text_and_attributes_are_not_code()
    {
        const string text = "const v = <div className=\"a\" title='b'>Don't {name} log <b>it</b></div>;\nconst q = 'x';";
        Assert.Equal(
            "Identifier:const Identifier:v Punctuator:= Punctuator:< JsxName:div JsxName:className Punctuator:= JsxString:\"a\" JsxName:title Punctuator:= JsxString:'b' Punctuator:> "
            + "JsxText:Don't Punctuator:{ Identifier:name Punctuator:} JsxText:log Punctuator:< JsxName:b Punctuator:> JsxText:it Punctuator:< Punctuator:/ JsxName:b Punctuator:> "
            + "Punctuator:< Punctuator:/ JsxName:div Punctuator:> Punctuator:; Identifier:const Identifier:q Punctuator:= String:'x' Punctuator:;",
            Kinds(text, JsDialect.Tsx));
    }

    [Fact]
    public void Jsx_fragments_self_closing_tags_and_nested_expressions()
    {
        Assert.Equal(
            "Identifier:return Punctuator:( Punctuator:< Punctuator:> Punctuator:< JsxName:A Punctuator:{ Punctuator:... Identifier:p Punctuator:} JsxName:on Punctuator:= Punctuator:{ Punctuator:( Punctuator:) Punctuator:=> Punctuator:{ Identifier:f Punctuator:( TemplateHead:`${ Identifier:x TemplateTail:}` Punctuator:) Punctuator:} Punctuator:} Punctuator:/> Punctuator:< Punctuator:/ Punctuator:> Punctuator:) Punctuator:/ Number:2",
            Kinds("return (<><A {...p} on={() => { f(`${x}`) }} /></>) / 2", JsDialect.JavaScript));
    }

    [Fact]
    public void TypeScript_generics_are_not_jsx()
    {
        Assert.Equal("Identifier:const Identifier:m Punctuator:= Punctuator:< Identifier:T Punctuator:> Identifier:x Punctuator:; Identifier:f Punctuator:< Identifier:T Punctuator:> Punctuator:( Identifier:a Punctuator:) Punctuator:; String:'it'",
            Kinds("const m = <T>x; f<T>(a); 'it'", JsDialect.TypeScript));
        Assert.Equal("Identifier:const Identifier:g Punctuator:= Punctuator:< Identifier:T Punctuator:, Punctuator:> Punctuator:( Identifier:x Punctuator:) Punctuator:=> Identifier:x",
            Kinds("const g = <T,>(x) => x", JsDialect.Tsx));
    }

    [Fact]
    public void Calls_with_their_callee_and_arguments()
    {
        var source = JsSource.Parse("this.logger?.info('token', { token: t.access }); foo().bar(1, [2, 3]); if (x) y(z)", JsDialect.TypeScript);
        var calls = new List<JsCall>();
        for (var i = 0; i < source.Count; i++)
        {
            if (source.TryReadCall(i, out var call))
            {
                calls.Add(call);
            }
        }

        Assert.Equal(["this.logger.info", "foo", ".bar", "y"], calls.Select(c => c.Callee));
        Assert.True(calls[2].OnExpression);
        var arguments = source.Parts(calls[0].OpenParen);
        Assert.Equal(["'token'", "{ token: t.access }"], arguments.Select(source.TextOf));
        Assert.True(source.TryGetProperty(arguments[1].First, "token", out var value));
        Assert.Equal("t.access", source.TextOf(value));
        Assert.Equal(["1", "[2, 3]"], source.Parts(calls[2].OpenParen).Select(source.TextOf));
    }

    [Fact]
    public void TypeScript_calls_with_type_arguments_are_calls_and_comparisons_are_not()
    {
        var source = JsSource.Parse("fastify.post<{ Body: Dto }>('/p', h); get<Map<string, number>>(x); if (a < b && c > (d)) {}", JsDialect.TypeScript);
        var calls = Enumerable.Range(0, source.Count).Select(i => source.TryReadCall(i, out var call) ? call.Callee : null).Where(c => c is not null).ToList();
        Assert.Equal(["fastify.post", "get"], calls);
    }

    [Fact]
    public void Object_literal_properties_by_name_string_key_and_shorthand()
    {
        var source = JsSource.Parse("fetch(url, { 'method': 'POST', headers, body: JSON.stringify({ a: 1 }) })", JsDialect.JavaScript);
        var open = Enumerable.Range(0, source.Count).First(i => source.IsPunctuator(i, '{'));
        Assert.True(source.TryGetProperty(open, "method", out var method));
        Assert.Equal("POST", source.StringValue(method.First));
        Assert.True(source.TryGetProperty(open, "headers", out var headers));
        Assert.Equal("headers", source.TextOf(headers));
        Assert.False(source.TryGetProperty(open, "a", out _));
        Assert.Equal(["method", "headers", "body"], source.Properties(open).Select(p => source.PropertyName(p.Name)));
    }

    [Fact]
    public void Code_only_blanks_comments_regular_expressions_and_jsx_text_at_the_same_offsets()
    {
        const string text = "f('https://a.example'); // https://b.example\nconst r = /https:\\/\\/c/; <p>see https://d.example</p>";
        var masked = JsSource.Parse(text, JsDialect.JavaScript).CodeOnly();
        Assert.Equal(text.Length, masked.Length);
        Assert.Contains("https://a.example", masked);
        Assert.DoesNotContain("b.example", masked);
        Assert.DoesNotContain("https:\\/", masked);
        Assert.DoesNotContain("d.example", masked);
        Assert.Equal(text.IndexOf('\n'), masked.IndexOf('\n'));
    }
}
