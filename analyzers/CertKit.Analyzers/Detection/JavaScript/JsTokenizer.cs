using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>Which grammar a file is read with: JSX is on in .js/.jsx/.mjs/.cjs/.tsx, off in .ts/.mts/.cts (there <c>&lt;T&gt;x</c> is a cast).</summary>
public enum JsDialect
{
    JavaScript,
    TypeScript,
    Tsx,
}

/// <summary>
/// A complete JS/TS tokenizer: text in, tokens with exact spans out, every character accounted for (whitespace is the only
/// thing between tokens). Comments, strings, nested template literals (<c>`a${`b${c}`}`</c>), regular expressions told from
/// division by the previous significant token, JSX text and attributes, decorators, hashbang and numeric separators. It never
/// throws and always advances: malformed input ends a token at the line's or the text's end, an unknown character is a
/// one-character punctuator.
/// </summary>
public static class JsTokenizer
{
    private enum FrameKind : byte
    {
        TemplateHole,
        JsxTag,
        JsxClosingTag,
        JsxChildren,
        JsxExpression,
    }

    private readonly struct Frame
    {
        public Frame(FrameKind kind, int depth)
        {
            Kind = kind;
            Depth = depth;
        }

        public FrameKind Kind { get; }

        /// <summary>For holes and JSX expressions: the brace depth their closing <c>}</c> returns to.</summary>
        public int Depth { get; }
    }

    /// <summary>The dialect of a file by its extension; false when it is not JS/TS.</summary>
    public static bool TryGetDialect(string path, out JsDialect dialect)
    {
        dialect = JsDialect.JavaScript;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var dot = path.LastIndexOf('.');
        if (dot < 0 || dot < Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')))
        {
            return false;
        }

        switch (path.Substring(dot + 1).ToLowerInvariant())
        {
            case "js":
            case "mjs":
            case "cjs":
            case "jsx":
                dialect = JsDialect.JavaScript;
                return true;
            case "ts":
            case "mts":
            case "cts":
                // A declaration file (.d.ts) is types only; it is still TypeScript to read.
                dialect = JsDialect.TypeScript;
                return true;
            case "tsx":
                dialect = JsDialect.Tsx;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Adds the tokens of <paramref name="text"/> to <paramref name="tokens"/> in order.</summary>
    public static void Tokenize(string text, JsDialect dialect, List<JsToken> tokens)
    {
        if (text is null || tokens is null)
        {
            return;
        }

        new Reader(text, dialect, tokens).Run();
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly bool _jsx;
        private readonly List<JsToken> _tokens;
        private readonly List<Frame> _frames = new();
        private int _position;
        private int _braceDepth;
        private bool _newline;

        // What the last significant token says about a following '/' or '<': true when it ended an expression (division, comparison).
        private bool _expressionEnded;

        public Reader(string text, JsDialect dialect, List<JsToken> tokens)
        {
            _text = text;
            _jsx = dialect != JsDialect.TypeScript;
            _tokens = tokens;
        }

        public void Run()
        {
            var text = _text;
            if (text.Length >= 2 && text[0] == '#' && text[1] == '!')
            {
                var end = LineEnd(0);
                _tokens.Add(new JsToken(JsTokenKind.Hashbang, 0, end, false));
                _position = end;
            }

            while (_position < text.Length)
            {
                var before = _position;
                if (_frames.Count > 0)
                {
                    var top = _frames[_frames.Count - 1].Kind;
                    if (top == FrameKind.JsxTag || top == FrameKind.JsxClosingTag)
                    {
                        ReadInJsxTag(top == FrameKind.JsxClosingTag);
                    }
                    else if (top == FrameKind.JsxChildren)
                    {
                        ReadJsxChildren();
                    }
                    else
                    {
                        ReadCode();
                    }
                }
                else
                {
                    ReadCode();
                }

                if (_position <= before)
                {
                    // Never loop: whatever a branch failed to consume is one punctuator.
                    _position = before;
                    Emit(JsTokenKind.Punctuator, before, 1, expressionEnded: false);
                }
            }
        }

        private void ReadCode()
        {
            if (!SkipWhitespace())
            {
                return;
            }

            var text = _text;
            var start = _position;
            var c = text[start];
            var next = start + 1 < text.Length ? text[start + 1] : '\0';

            if (c == '/' && next == '/')
            {
                ReadLineComment(start);
                return;
            }

            if (c == '/' && next == '*')
            {
                ReadBlockComment(start);
                return;
            }

            if (IsIdentifierStart(c) || (c == '\\' && next == 'u'))
            {
                var end = IdentifierEnd(start);
                Emit(JsTokenKind.Identifier, start, end - start, !AllowsExpressionAfter(start, end));
                return;
            }

            if (IsDigit(c) || (c == '.' && IsDigit(next)))
            {
                var end = NumberEnd(start);
                Emit(JsTokenKind.Number, start, end - start, expressionEnded: true);
                return;
            }

            switch (c)
            {
                case '\'':
                case '"':
                    Emit(JsTokenKind.String, start, StringEnd(start) - start, expressionEnded: true);
                    return;
                case '`':
                    ReadTemplate(start, continuation: false);
                    return;
                case '#':
                    if (IsIdentifierStart(next))
                    {
                        var end = IdentifierEnd(start + 1);
                        Emit(JsTokenKind.PrivateName, start, end - start, expressionEnded: true);
                        return;
                    }

                    break;
                case '/':
                    if (!_expressionEnded && TryReadRegularExpression(start))
                    {
                        return;
                    }

                    break;
                case '<':
                    if (_jsx && !_expressionEnded && StartsJsxElement(start))
                    {
                        Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                        _frames.Add(new Frame(FrameKind.JsxTag, 0));
                        return;
                    }

                    break;
                case '{':
                    _braceDepth++;
                    Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                    return;
                case '}':
                    if (_frames.Count > 0 && _frames[_frames.Count - 1].Depth == _braceDepth)
                    {
                        var frame = _frames[_frames.Count - 1];
                        if (frame.Kind == FrameKind.TemplateHole)
                        {
                            _frames.RemoveAt(_frames.Count - 1);
                            ReadTemplate(start, continuation: true);
                            return;
                        }

                        if (frame.Kind == FrameKind.JsxExpression)
                        {
                            _frames.RemoveAt(_frames.Count - 1);
                            Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                            return;
                        }
                    }

                    if (_braceDepth > 0)
                    {
                        _braceDepth--;
                    }

                    // After a block '/' starts a regular expression; after an object literal it divides. Blocks are the
                    // common case, and a wrong guess costs at most the rest of one line (a regex never spans lines).
                    Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                    return;
            }

            var length = PunctuatorLength(start);
            Emit(JsTokenKind.Punctuator, start, length, EndsExpression(start, length));
        }

        private void ReadLineComment(int start)
        {
            var end = LineEnd(start);
            _tokens.Add(new JsToken(JsTokenKind.LineComment, start, end - start, _newline));
            _position = end;
        }

        private void ReadBlockComment(int start)
        {
            var close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
            var end = close < 0 ? _text.Length : close + 2;
            _tokens.Add(new JsToken(JsTokenKind.BlockComment, start, end - start, _newline));
            for (var i = start; i < end; i++)
            {
                if (IsLineTerminator(_text[i]))
                {
                    _newline = true;
                    break;
                }
            }

            _position = end;
        }

        private void ReadTemplate(int start, bool continuation)
        {
            var text = _text;
            var i = start + 1;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '`')
                {
                    Emit(continuation ? JsTokenKind.TemplateTail : JsTokenKind.Template, start, i + 1 - start, expressionEnded: true);
                    return;
                }

                if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    Emit(continuation ? JsTokenKind.TemplateMiddle : JsTokenKind.TemplateHead, start, i + 2 - start, expressionEnded: false);
                    _frames.Add(new Frame(FrameKind.TemplateHole, _braceDepth));
                    return;
                }

                i++;
            }

            Emit(continuation ? JsTokenKind.TemplateTail : JsTokenKind.Template, start, text.Length - start, expressionEnded: true);
        }

        private bool TryReadRegularExpression(int start)
        {
            var text = _text;
            var inClass = false;
            var i = start + 1;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsLineTerminator(c))
                {
                    return false;
                }

                if (c == '\\')
                {
                    if (i + 1 >= text.Length || IsLineTerminator(text[i + 1]))
                    {
                        return false;
                    }

                    i += 2;
                    continue;
                }

                if (c == '[')
                {
                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !inClass)
                {
                    i++;
                    while (i < text.Length && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    Emit(JsTokenKind.RegularExpression, start, i - start, expressionEnded: true);
                    return true;
                }

                i++;
            }

            return false;
        }

        // '<' where an expression starts: an element (<div, <Foo.Bar, <>) unless it is a generic arrow (<T,>(x) => x, <T extends U>).
        private bool StartsJsxElement(int start)
        {
            var text = _text;
            var i = start + 1;
            if (i >= text.Length)
            {
                return false;
            }

            if (text[i] == '>')
            {
                return true;
            }

            if (!IsIdentifierStart(text[i]))
            {
                return false;
            }

            var end = IdentifierEnd(i);
            var after = end;
            while (after < text.Length && (text[after] == ' ' || text[after] == '\t'))
            {
                after++;
            }

            if (after < text.Length && text[after] == ',')
            {
                return false;
            }

            return !(after + 7 <= text.Length && string.CompareOrdinal(text, after, "extends", 0, 7) == 0 && after > end);
        }

        private void ReadInJsxTag(bool closing)
        {
            if (!SkipWhitespace())
            {
                return;
            }

            var text = _text;
            var start = _position;
            var c = text[start];
            var next = start + 1 < text.Length ? text[start + 1] : '\0';
            if (c == '>')
            {
                _frames.RemoveAt(_frames.Count - 1);
                if (closing)
                {
                    // </name>: the element's children frame ends with it.
                    if (_frames.Count > 0 && _frames[_frames.Count - 1].Kind == FrameKind.JsxChildren)
                    {
                        _frames.RemoveAt(_frames.Count - 1);
                    }

                    Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: true);
                }
                else
                {
                    _frames.Add(new Frame(FrameKind.JsxChildren, 0));
                    Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                }

                return;
            }

            if (c == '/' && next == '>')
            {
                _frames.RemoveAt(_frames.Count - 1);
                Emit(JsTokenKind.Punctuator, start, 2, expressionEnded: true);
                return;
            }

            if (c == '/' && next == '/')
            {
                ReadLineComment(start);
                return;
            }

            if (c == '/' && next == '*')
            {
                ReadBlockComment(start);
                return;
            }

            if (c == '{')
            {
                Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                _frames.Add(new Frame(FrameKind.JsxExpression, _braceDepth));
                return;
            }

            if (c == '"' || c == '\'')
            {
                var close = text.IndexOf(c, start + 1);
                var end = close < 0 ? text.Length : close + 1;
                Emit(JsTokenKind.JsxString, start, end - start, expressionEnded: true);
                return;
            }

            if (IsIdentifierStart(c))
            {
                var end = start + 1;
                while (end < text.Length && (IsIdentifierPart(text[end]) || text[end] == '-' || text[end] == ':' || text[end] == '.'))
                {
                    end++;
                }

                Emit(JsTokenKind.JsxName, start, end - start, expressionEnded: true);
                return;
            }

            Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
        }

        private void ReadJsxChildren()
        {
            var text = _text;
            var start = _position;
            var c = text[start];
            if (c == '{')
            {
                Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                _frames.Add(new Frame(FrameKind.JsxExpression, _braceDepth));
                return;
            }

            if (c == '<')
            {
                var i = start + 1;
                while (i < text.Length && IsWhitespace(text[i]))
                {
                    i++;
                }

                Emit(JsTokenKind.Punctuator, start, 1, expressionEnded: false);
                if (i < text.Length && text[i] == '/')
                {
                    _position = i;
                    Emit(JsTokenKind.Punctuator, i, 1, expressionEnded: false);
                    _frames.Add(new Frame(FrameKind.JsxClosingTag, 0));
                }
                else
                {
                    _frames.Add(new Frame(FrameKind.JsxTag, 0));
                }

                return;
            }

            var end = start;
            var hasText = false;
            while (end < text.Length && text[end] != '<' && text[end] != '{')
            {
                if (IsLineTerminator(text[end]))
                {
                    _newline = true;
                }
                else if (!IsWhitespace(text[end]))
                {
                    hasText = true;
                }

                end++;
            }

            if (hasText)
            {
                var first = start;
                while (IsWhitespace(text[first]))
                {
                    first++;
                }

                var last = end;
                while (IsWhitespace(text[last - 1]))
                {
                    last--;
                }

                _tokens.Add(new JsToken(JsTokenKind.JsxText, first, last - first, _newline));
            }

            _position = end;
        }

        /// <summary>Skips whitespace, noting line breaks; false at the end of the text.</summary>
        private bool SkipWhitespace()
        {
            var text = _text;
            var i = _position;
            while (i < text.Length && IsWhitespace(text[i]))
            {
                if (IsLineTerminator(text[i]))
                {
                    _newline = true;
                }

                i++;
            }

            _position = i;
            return i < text.Length;
        }

        private void Emit(JsTokenKind kind, int start, int length, bool expressionEnded)
        {
            if (length <= 0)
            {
                length = 1;
            }

            if (start + length > _text.Length)
            {
                length = _text.Length - start;
            }

            _tokens.Add(new JsToken(kind, start, length, _newline));
            _newline = false;
            _expressionEnded = expressionEnded;
            _position = start + length;
        }

        // return /re/, typeof /re/, case /re/: a keyword that expects an expression; a name or `this` ends one. `a.return` is a name.
        private bool AllowsExpressionAfter(int start, int end)
        {
            if (!IsKeywordBeforeExpression(start, end - start))
            {
                return false;
            }

            for (var i = _tokens.Count - 1; i >= 0; i--)
            {
                var token = _tokens[i];
                if (token.IsComment)
                {
                    continue;
                }

                return !(token.Kind == JsTokenKind.Punctuator && _text[token.Start] == '.' && token.Length == 1)
                    && !(token.Kind == JsTokenKind.Punctuator && token.Length == 2 && _text[token.Start] == '?' && _text[token.Start + 1] == '.');
            }

            return true;
        }

        private static readonly string[] KeywordsBeforeExpression =
        {
            "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "extends",
        };

        private bool IsKeywordBeforeExpression(int start, int length)
        {
            if (length < 2 || length > 10)
            {
                return false;
            }

            foreach (var keyword in KeywordsBeforeExpression)
            {
                if (keyword.Length == length && string.CompareOrdinal(_text, start, keyword, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsExpression(int start, int length)
        {
            var c = _text[start];
            if (length == 1)
            {
                return c == ')' || c == ']';
            }

            // a++ / 2
            return length == 2 && (c == '+' || c == '-') && _text[start + 1] == c;
        }

        private int PunctuatorLength(int start)
        {
            var text = _text;
            var c = text[start];
            var n1 = start + 1 < text.Length ? text[start + 1] : '\0';
            var n2 = start + 2 < text.Length ? text[start + 2] : '\0';
            var n3 = start + 3 < text.Length ? text[start + 3] : '\0';
            switch (c)
            {
                case '.':
                    return n1 == '.' && n2 == '.' ? 3 : 1;
                case '?':
                    if (n1 == '?')
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '.' && !IsDigit(n2) ? 2 : 1;
                case '=':
                    if (n1 == '=')
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '>' ? 2 : 1;
                case '!':
                    if (n1 == '=')
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return 1;
                case '+':
                case '-':
                    return n1 == c || n1 == '=' ? 2 : 1;
                case '*':
                    if (n1 == '*')
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '=' ? 2 : 1;
                case '/':
                case '%':
                case '^':
                    return n1 == '=' ? 2 : 1;
                case '&':
                case '|':
                    if (n1 == c)
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '=' ? 2 : 1;
                case '<':
                    if (n1 == '<')
                    {
                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '=' ? 2 : 1;
                case '>':
                    if (n1 == '>')
                    {
                        if (n2 == '>')
                        {
                            return n3 == '=' ? 4 : 3;
                        }

                        return n2 == '=' ? 3 : 2;
                    }

                    return n1 == '=' ? 2 : 1;
                default:
                    return 1;
            }
        }

        private int StringEnd(int start)
        {
            var text = _text;
            var quote = text[start];
            var i = start + 1;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\')
                {
                    // An escaped line break continues the string; \r\n counts as one.
                    i += i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 2;
                    continue;
                }

                if (c == quote)
                {
                    return i + 1;
                }

                if (c == '\n' || c == '\r')
                {
                    return i;
                }

                i++;
            }

            return text.Length;
        }

        private int NumberEnd(int start)
        {
            var text = _text;
            var i = start;
            if (text[i] == '0' && i + 1 < text.Length && "xXoObB".IndexOf(text[i + 1]) >= 0)
            {
                i += 2;
                while (i < text.Length && (IsHexDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                while (i < text.Length && (IsDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    while (i < text.Length && (IsDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }
                }

                if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                {
                    var exponent = i + 1;
                    if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
                    {
                        exponent++;
                    }

                    if (exponent < text.Length && IsDigit(text[exponent]))
                    {
                        i = exponent;
                        while (i < text.Length && (IsDigit(text[i]) || text[i] == '_'))
                        {
                            i++;
                        }
                    }
                }
            }

            if (i < text.Length && text[i] == 'n')
            {
                i++;
            }

            return i;
        }

        private int IdentifierEnd(int start)
        {
            var text = _text;
            var i = start;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsIdentifierPart(c))
                {
                    i++;
                }
                else if (c == '\\' && i + 1 < text.Length && text[i + 1] == 'u')
                {
                    i += 2;
                    if (i < text.Length && text[i] == '{')
                    {
                        var close = text.IndexOf('}', i);
                        i = close < 0 || close - i > 8 ? i + 1 : close + 1;
                    }
                    else
                    {
                        var hex = 0;
                        while (hex < 4 && i < text.Length && IsHexDigit(text[i]))
                        {
                            i++;
                            hex++;
                        }
                    }
                }
                else
                {
                    break;
                }
            }

            return i > start ? i : start + 1;
        }

        private int LineEnd(int start)
        {
            var text = _text;
            var i = start;
            while (i < text.Length && !IsLineTerminator(text[i]))
            {
                i++;
            }

            return i;
        }
    }

    internal static bool IsLineTerminator(char c) => c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';

    internal static bool IsWhitespace(char c) =>
        c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\u00a0' || c == '\ufeff'
        || (c > '\u007f' && char.IsWhiteSpace(c));

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    internal static bool IsIdentifierStart(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_'
        || (c > '\u007f' && (char.IsLetter(c) || char.IsSurrogate(c)));

    internal static bool IsIdentifierPart(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '$' || c == '_'
        || (c > '\u007f' && (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c == '\u200c' || c == '\u200d'
            || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
            || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpacingCombiningMark));
}
