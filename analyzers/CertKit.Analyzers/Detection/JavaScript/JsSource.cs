using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// A tokenized JS/TS file and the structure the rules and readers need on top of the tokens: the significant tokens (no
/// comments), their bracket pairs, calls (<c>a.b.c(args)</c> with argument spans) and object-literal properties. Built once
/// per file; every index below is an index into <see cref="Significant"/>.
/// </summary>
public sealed class JsSource
{
    private readonly int[] _partner;
    private string? _codeOnly;

    private JsSource(string text, JsToken[] tokens, JsToken[] significant, int[] partner)
    {
        Text = text;
        Tokens = tokens;
        Significant = significant;
        _partner = partner;
    }

    public string Text { get; }

    /// <summary>Every token, comments included.</summary>
    public JsToken[] Tokens { get; }

    /// <summary>The tokens without comments and hashbang.</summary>
    public JsToken[] Significant { get; }

    public int Count => Significant.Length;

    public static JsSource Parse(string text, JsDialect dialect)
    {
        text ??= string.Empty;
        var all = new List<JsToken>(text.Length / 4 + 4);
        JsTokenizer.Tokenize(text, dialect, all);
        var significant = new List<JsToken>(all.Count);
        foreach (var token in all)
        {
            if (!token.IsComment)
            {
                significant.Add(token);
            }
        }

        var array = significant.ToArray();
        return new JsSource(text, all.ToArray(), array, PairBrackets(text, array));
    }

    public string TextOf(int index) => index >= 0 && index < Significant.Length ? Text.Substring(Significant[index].Start, Significant[index].Length) : string.Empty;

    public bool IsPunctuator(int index, string value) =>
        index >= 0 && index < Significant.Length && Significant[index].Kind == JsTokenKind.Punctuator && Equals(index, value);

    public bool IsPunctuator(int index, char value) =>
        index >= 0 && index < Significant.Length && Significant[index].Kind == JsTokenKind.Punctuator
        && Significant[index].Length == 1 && Text[Significant[index].Start] == value;

    public bool IsIdentifier(int index) => index >= 0 && index < Significant.Length && Significant[index].Kind == JsTokenKind.Identifier;

    public bool IsIdentifier(int index, string name) => IsIdentifier(index) && Equals(index, name);

    /// <summary>The token's text equals <paramref name="value"/> (ordinal), without allocating.</summary>
    public bool Equals(int index, string value)
    {
        var token = Significant[index];
        return token.Length == value.Length && string.CompareOrdinal(Text, token.Start, value, 0, value.Length) == 0;
    }

    /// <summary>The bracket that closes (or opens) the one at <paramref name="index"/>; -1 when unbalanced or not a bracket.</summary>
    public int Partner(int index) => index >= 0 && index < _partner.Length ? _partner[index] : -1;

    /// <summary>The value of a string or hole-less template token, escapes read; null for any other token.</summary>
    public string? StringValue(int index)
    {
        if (index < 0 || index >= Significant.Length)
        {
            return null;
        }

        var token = Significant[index];
        if (token.Kind != JsTokenKind.String && token.Kind != JsTokenKind.Template && token.Kind != JsTokenKind.JsxString)
        {
            return null;
        }

        var start = token.Start + 1;
        var end = token.End;
        if (token.Length >= 2 && Text[end - 1] == Text[token.Start])
        {
            end--;
        }

        if (end <= start)
        {
            return string.Empty;
        }

        var raw = Text.Substring(start, end - start);
        return token.Kind == JsTokenKind.JsxString || raw.IndexOf('\\') < 0 ? raw : Unescape(raw);
    }

    /// <summary>
    /// The call whose argument list opens at <paramref name="openParen"/>: <c>console.log(</c>, <c>this.logger.info(</c>,
    /// <c>foo().bar(</c> (callee <c>.bar</c>, <see cref="JsCall.OnExpression"/>). False when the bracket is not a call's
    /// (<c>if (</c>, a parenthesised expression, a generic call <c>f&lt;T&gt;(</c>).
    /// </summary>
    public bool TryReadCall(int openParen, out JsCall call)
    {
        call = default;
        if (!IsPunctuator(openParen, '('))
        {
            return false;
        }

        // fastify.post<{ Body: Dto }>(…): a TypeScript call with type arguments.
        var name = IsPunctuator(openParen - 1, '>') || IsPunctuator(openParen - 1, ">>") ? TypeArgumentsStart(openParen - 1) - 1 : openParen - 1;
        if (!IsIdentifier(name) || IsStatementKeyword(name))
        {
            return false;
        }

        var first = name;
        var onExpression = false;
        while (first >= 2 && IsMemberAccess(first - 1))
        {
            if (IsIdentifier(first - 2))
            {
                first -= 2;
                continue;
            }

            if (IsPunctuator(first - 2, ')') || IsPunctuator(first - 2, ']'))
            {
                onExpression = true;
                first -= 1;
            }

            break;
        }

        if (first == 1 && IsMemberAccess(0))
        {
            first = 0;
        }

        var builder = new System.Text.StringBuilder();
        for (var i = first; i <= name; i++)
        {
            builder.Append(IsMemberAccess(i) ? "." : TextOf(i));
        }

        call = new JsCall(builder.ToString(), first, name, openParen, Partner(openParen), onExpression);
        return true;
    }

    // The '<' that opens the type arguments closing at `close` ('>' or '>>'); 0 when it is not a type argument list.
    private int TypeArgumentsStart(int close)
    {
        var depth = 0;
        for (var i = close; i > 0 && i > close - 64; i--)
        {
            var partner = Partner(i);
            if (partner >= 0 && partner < i)
            {
                i = partner;
                continue;
            }

            if (IsPunctuator(i, '>'))
            {
                depth++;
            }
            else if (IsPunctuator(i, ">>"))
            {
                depth += 2;
            }
            else if (IsPunctuator(i, '<'))
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
            else if (IsPunctuator(i, '(') || IsPunctuator(i, ')') || IsPunctuator(i, ';') || IsPunctuator(i, '=') || IsPunctuator(i, "&&") || IsPunctuator(i, "||")
                || Significant[i].Kind == JsTokenKind.Number)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>The top-level, comma-separated parts of the bracket pair at <paramref name="open"/> (arguments, elements, properties).</summary>
    public List<JsSpan> Parts(int open)
    {
        var parts = new List<JsSpan>();
        var close = Partner(open);
        if (close < 0 || close < open)
        {
            return parts;
        }

        var start = open + 1;
        for (var i = open + 1; i < close; i++)
        {
            var partner = Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if (IsPunctuator(i, ','))
            {
                if (i > start)
                {
                    parts.Add(new JsSpan(start, i - 1));
                }

                start = i + 1;
            }
        }

        if (close > start)
        {
            parts.Add(new JsSpan(start, close - 1));
        }

        return parts;
    }

    /// <summary>
    /// The value of property <paramref name="name"/> in the object literal opening at <paramref name="openBrace"/>
    /// (<c>{ method: 'POST' }</c>, <c>{ 'method': x }</c>, shorthand <c>{ method }</c>); false when it is not set there.
    /// </summary>
    public bool TryGetProperty(int openBrace, string name, out JsSpan value)
    {
        value = default;
        if (!IsPunctuator(openBrace, '{'))
        {
            return false;
        }

        foreach (var part in Parts(openBrace))
        {
            if (PropertyNameIs(part.First, name))
            {
                if (part.First + 1 <= part.Last && IsPunctuator(part.First + 1, ':'))
                {
                    value = new JsSpan(part.First + 2, part.Last);
                    return value.First <= value.Last;
                }

                if (part.First == part.Last)
                {
                    value = part;
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The properties of the object literal at <paramref name="openBrace"/>: name token and value span (shorthand: the name).</summary>
    public List<(int Name, JsSpan Value)> Properties(int openBrace)
    {
        var properties = new List<(int, JsSpan)>();
        if (!IsPunctuator(openBrace, '{'))
        {
            return properties;
        }

        foreach (var part in Parts(openBrace))
        {
            var kind = Significant[part.First].Kind;
            if (kind != JsTokenKind.Identifier && kind != JsTokenKind.String)
            {
                continue;
            }

            if (part.First + 1 <= part.Last && IsPunctuator(part.First + 1, ':') && part.First + 2 <= part.Last)
            {
                properties.Add((part.First, new JsSpan(part.First + 2, part.Last)));
            }
            else if (part.First == part.Last)
            {
                properties.Add((part.First, part));
            }
        }

        return properties;
    }

    /// <summary>The name a property token stands for: an identifier's text or a string key's value.</summary>
    public string PropertyName(int index) => Significant[index].Kind == JsTokenKind.String ? StringValue(index) ?? string.Empty : TextOf(index);

    /// <summary>The text from the first to the last token of <paramref name="span"/>, as written.</summary>
    public string TextOf(JsSpan span)
    {
        if (span.First < 0 || span.Last >= Significant.Length || span.Last < span.First)
        {
            return string.Empty;
        }

        var start = Significant[span.First].Start;
        return Text.Substring(start, Significant[span.Last].End - start);
    }

    /// <summary>
    /// The text with comments, regular expressions and JSX text blanked (line breaks kept), so offsets stay exact while a line
    /// scanner sees only code and its literals.
    /// </summary>
    public string CodeOnly() => _codeOnly ??= BlankNonCode();

    private string BlankNonCode()
    {
        char[]? chars = null;
        foreach (var token in Tokens)
        {
            if (!token.IsComment && token.Kind != JsTokenKind.RegularExpression && token.Kind != JsTokenKind.JsxText)
            {
                continue;
            }

            chars ??= Text.ToCharArray();
            for (var i = token.Start; i < token.End; i++)
            {
                if (chars[i] != '\n' && chars[i] != '\r')
                {
                    chars[i] = ' ';
                }
            }
        }

        return chars is null ? Text : new string(chars);
    }

    private bool PropertyNameIs(int index, string name)
    {
        var token = Significant[index];
        if (token.Kind == JsTokenKind.Identifier)
        {
            return Equals(index, name);
        }

        return token.Kind == JsTokenKind.String && token.Length == name.Length + 2
            && string.CompareOrdinal(Text, token.Start + 1, name, 0, name.Length) == 0;
    }

    private bool IsMemberAccess(int index) => IsPunctuator(index, '.') || IsPunctuator(index, "?.");

    private static readonly string[] StatementKeywords = { "if", "for", "while", "switch", "catch", "function", "return", "typeof", "with", "do", "else", "in", "of", "await", "yield", "void", "delete", "throw", "case" };

    private bool IsStatementKeyword(int index)
    {
        foreach (var keyword in StatementKeywords)
        {
            if (Equals(index, keyword))
            {
                // obj.if(…) is a method named 'if'.
                return !IsMemberAccess(index - 1);
            }
        }

        return false;
    }

    private static int[] PairBrackets(string text, JsToken[] tokens)
    {
        var partner = new int[tokens.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            partner[i] = -1;
            var token = tokens[i];
            var opens = false;
            var closes = false;
            char open = '\0';
            if (token.Kind == JsTokenKind.Punctuator && token.Length == 1)
            {
                switch (text[token.Start])
                {
                    case '(':
                    case '[':
                    case '{':
                        opens = true;
                        break;
                    case ')':
                        closes = true;
                        open = '(';
                        break;
                    case ']':
                        closes = true;
                        open = '[';
                        break;
                    case '}':
                        closes = true;
                        open = '{';
                        break;
                }
            }
            else if (token.Kind == JsTokenKind.TemplateHead)
            {
                opens = true;
            }
            else if (token.Kind == JsTokenKind.TemplateMiddle)
            {
                closes = true;
                opens = true;
                open = '`';
            }
            else if (token.Kind == JsTokenKind.TemplateTail)
            {
                closes = true;
                open = '`';
            }

            if (closes)
            {
                // Pop to the matching opener; a stray closer pairs with nothing and leaves the stack as it is.
                var found = -1;
                foreach (var candidate in stack)
                {
                    if (OpenerOf(text, tokens[candidate]) == open)
                    {
                        found = candidate;
                        break;
                    }
                }

                if (found >= 0)
                {
                    while (stack.Count > 0 && stack.Peek() != found)
                    {
                        stack.Pop();
                    }

                    stack.Pop();
                    partner[found] = i;
                    partner[i] = found;
                }
            }

            if (opens)
            {
                stack.Push(i);
            }
        }

        return partner;
    }

    private static char OpenerOf(string text, JsToken token) =>
        token.Kind == JsTokenKind.Punctuator ? text[token.Start] : '`';

    private static string Unescape(string raw)
    {
        var builder = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = raw[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '0': builder.Append('\0'); break;
                case '\n': break;
                case '\r': break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }
}

/// <summary>A run of significant tokens, first and last included.</summary>
public readonly struct JsSpan
{
    public JsSpan(int first, int last)
    {
        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public bool IsSingle => First == Last;
}

/// <summary>A call: its callee as written (<c>console.log</c>, <c>this.logger.info</c>), where it starts, its name and brackets.</summary>
public readonly struct JsCall
{
    public JsCall(string callee, int first, int name, int openParen, int closeParen, bool onExpression)
    {
        Callee = callee;
        First = first;
        Name = name;
        OpenParen = openParen;
        CloseParen = closeParen;
        OnExpression = onExpression;
    }

    /// <summary>The callee's names joined by dots (<c>?.</c> read as <c>.</c>); starts with a dot when called on an expression.</summary>
    public string Callee { get; }

    /// <summary>The callee's first token.</summary>
    public int First { get; }

    /// <summary>The called name's token (<c>log</c> in <c>console.log(</c>).</summary>
    public int Name { get; }

    public int OpenParen { get; }

    /// <summary>-1 when the argument list is not closed (half-typed code).</summary>
    public int CloseParen { get; }

    /// <summary>The callee hangs off a call or index result (<c>foo().bar(</c>, <c>a[0].b(</c>).</summary>
    public bool OnExpression { get; }
}
