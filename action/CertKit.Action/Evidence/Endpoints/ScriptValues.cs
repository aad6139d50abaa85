using System.Text;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// What the values of a JS/TS file are, as far as a URL or an HTTP method needs: declarations (<c>const base = …</c>, the
/// last write before a use), member writes (<c>this.host = …</c>, <c>init.method = 'POST'</c>, class fields), imports
/// (<c>import axios from 'axios'</c>, <c>const got = require('got')</c>), read on the shared JS/TS reader (comments are not
/// tokens). URLs become <see cref="UriValue"/>s: literals and templates, concatenations, <c>new URL(path, base)</c>, a
/// constant followed to its value, <c>process.env.X</c> as the base <c>env:X</c>; what cannot be followed is named.
/// </summary>
internal sealed class ScriptValues
{
    private const int MaxDepth = 8;

    private static readonly string[] Modifiers = ["private", "protected", "public", "readonly", "static", "declare", "override"];

    private readonly Dictionary<string, List<(int At, JsSpan Value)>> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imports = new(StringComparer.Ordinal);

    public ScriptValues(JsSource source)
    {
        Source = source;
        Read();
    }

    public JsSource Source { get; }

    /// <summary>The module a local name was imported or required from (<c>axios</c> → <c>axios</c>, <c>request</c> → <c>superagent</c>).</summary>
    public string? ModuleOf(string name) => _imports.GetValueOrDefault(name);

    /// <summary>Whether the file imports anything from a module whose name starts with <paramref name="prefix"/>.</summary>
    public bool ImportsFrom(string prefix) => _imports.Values.Any(module => module.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The value written last to <paramref name="name"/> (a local or a member chain such as <c>this.host</c>) before <paramref name="at"/>; else the first write after it (a field set in a constructor below).</summary>
    public JsSpan? ValueOf(string name, int at, bool laterWrites = false)
    {
        if (!_writes.TryGetValue(name, out var writes))
        {
            return null;
        }

        JsSpan? found = null;
        var local = !name.Contains('.', StringComparison.Ordinal);
        foreach (var (position, value) in writes)
        {
            if (position < at && (value.Last < at || value.First > at) && (!local || IsVisible(name, position, at)))
            {
                found = value;
            }
        }

        return found ?? (laterWrites && writes.Count > 0 && writes[0].At > at ? writes[0].Value : null);
    }

    // A local written at `declaredAt` is seen at `at`: `at` is inside the declaration's block, and no function between
    // them has a parameter of that name (`const url = …` in one function is not `url` in the next one's `(url) => …`).
    private bool IsVisible(string name, int declaredAt, int at)
    {
        var block = EnclosingBrace(declaredAt);
        if (block >= 0 && !(block < at && Source.Partner(block) > at))
        {
            return false;
        }

        for (var inner = EnclosingBrace(at); inner > block; inner = EnclosingBrace(inner))
        {
            if (HasParameter(inner, name))
            {
                return false;
            }
        }

        return true;
    }

    // The `{` that opens the innermost block around `index`; -1 at the top level.
    private int EnclosingBrace(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var partner = Source.Partner(i);
            if (partner >= 0 && partner < i)
            {
                i = partner;
                continue;
            }

            if (Source.IsPunctuator(i, '{'))
            {
                return i;
            }
        }

        return -1;
    }

    // The function whose body opens at `brace` takes a parameter `name`: `(a, name) {`, `(name: T) => {`, `name => {`.
    private bool HasParameter(int brace, string name)
    {
        var close = brace - 1;
        if (Source.IsPunctuator(close, "=>"))
        {
            close--;
            if (Source.IsIdentifier(close))
            {
                return Source.Equals(close, name);
            }
        }

        // a return type annotation `): Promise<T> {` sits between the parameters and the body.
        for (var i = close; i > brace - 24 && i >= 0 && !Source.IsPunctuator(i, ')'); i--)
        {
            if (Source.IsPunctuator(i, ';') || Source.IsPunctuator(i, '}') || Source.IsPunctuator(i, '{'))
            {
                return false;
            }

            close = i - 1;
        }

        var open = Source.IsPunctuator(close, ')') ? Source.Partner(close) : -1;
        if (open < 0 || Source.IsIdentifier(open - 1, "if") || Source.IsIdentifier(open - 1, "while") || Source.IsIdentifier(open - 1, "for") || Source.IsIdentifier(open - 1, "switch"))
        {
            return false;
        }

        for (var i = open + 1; i < close; i++)
        {
            if (Source.IsIdentifier(i, name) && !IsMemberAccess(i - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every write to <paramref name="name"/> in the file, in order.</summary>
    public IReadOnlyList<(int At, JsSpan Value)> Writes(string name) => _writes.TryGetValue(name, out var writes) ? writes : [];

    /// <summary>Every write to <paramref name="name"/> between <paramref name="from"/> and <paramref name="to"/> (<c>init.method = 'POST'</c> after the declaration).</summary>
    public IEnumerable<JsSpan> WritesBetween(string name, int from, int to) =>
        _writes.TryGetValue(name, out var writes) ? writes.Where(w => w.At > from && w.At < to).Select(w => w.Value) : [];

    /// <summary>The span of a one-expression <paramref name="span"/> without the wrappers that do not change the value (<c>(x)</c>, <c>await x</c>, <c>x as T</c>, <c>x!</c>).</summary>
    public JsSpan Unwrap(JsSpan span)
    {
        for (var guard = 0; guard < 8 && span.First <= span.Last; guard++)
        {
            if (Source.IsIdentifier(span.First, "await") && span.First < span.Last)
            {
                span = new JsSpan(span.First + 1, span.Last);
            }
            else if (Source.IsPunctuator(span.First, '(') && Source.Partner(span.First) == span.Last)
            {
                span = new JsSpan(span.First + 1, span.Last - 1);
            }
            else if (Source.IsPunctuator(span.Last, '!') && span.First < span.Last)
            {
                span = new JsSpan(span.First, span.Last - 1);
            }
            else if (TypeAssertion(span) is { } cut)
            {
                span = new JsSpan(span.First, cut - 1);
            }
            else
            {
                break;
            }
        }

        return span;
    }

    /// <summary>The URL an expression stands for, or null when it holds nothing that can be read.</summary>
    public UriValue? Url(JsSpan span, int depth = 0)
    {
        span = Unwrap(span);
        if (span.First > span.Last || depth > MaxDepth)
        {
            return null;
        }

        // a ?? 'fallback', process.env.X || 'http://localhost': the first side is the configured one.
        var fallback = TopLevel(span, "??", "||");
        if (fallback >= 0)
        {
            return Url(new JsSpan(span.First, fallback - 1), depth + 1) ?? Url(new JsSpan(fallback + 1, span.Last), depth + 1);
        }

        // cond ? `${base}x` : `${base}/x`: the branches name one endpoint; the first that can be read stands for it.
        var question = TopLevel(span, "?");
        var colon = question < 0 ? -1 : TopLevel(new JsSpan(question + 1, span.Last), ":");
        if (question > span.First && colon > question)
        {
            var yes = Url(new JsSpan(question + 1, colon - 1), depth + 1);
            return yes is { Opaque: false } ? yes : Url(new JsSpan(colon + 1, span.Last), depth + 1) ?? yes;
        }

        var plus = TopLevelAll(span, "+");
        if (plus.Count > 0)
        {
            UriValue? value = null;
            var start = span.First;
            foreach (var end in plus.Append(span.Last + 1))
            {
                var part = new JsSpan(start, end - 1);
                value = value is null ? Url(part, depth + 1) ?? UriValue.FromSymbol(SymbolName(part)) : value.Append(PartOf(part, depth));
                start = end + 1;
            }

            return value;
        }

        var first = Source.Significant[span.First];
        if (span.IsSingle && first.IsStringLike)
        {
            return UriValue.Literal(Source.StringValue(span.First) ?? string.Empty);
        }

        if (first.Kind == JsTokenKind.TemplateHead)
        {
            return Source.Partner(span.First) < 0 ? null : Template(span, depth);
        }

        // new URL(path, base), new URL(url)
        if (Source.IsIdentifier(span.First, "new") && Source.IsIdentifier(span.First + 1, "URL") && Source.IsPunctuator(span.First + 2, '(') && Source.Partner(span.First + 2) == span.Last)
        {
            var arguments = Source.Parts(span.First + 2);
            if (arguments.Count == 1)
            {
                return Url(arguments[0], depth + 1);
            }

            if (arguments.Count == 2 && Url(arguments[0], depth + 1) is { } relative)
            {
                var origin = Url(arguments[1], depth + 1);
                if (relative.Base is not null || PathTemplate.Split(relative.Text).Origin is not null || origin is null)
                {
                    return relative;
                }

                var (baseOrigin, basePath) = PathTemplate.Split(origin.Text);
                var path = PathTemplate.Combine(origin.Text.Length == 0 ? "/" : basePath, relative.Text);
                return new UriValue(origin.Base, (baseOrigin ?? string.Empty) + path);
            }

            return null;
        }

        // `/v2/orders/{id}`.replace(`{id}`, encodeURIComponent(id)): the template keeps its placeholder.
        if (IsCall(span, out var callee, out var open) && callee.Last - callee.First >= 2 && Source.IsIdentifier(callee.Last, "replace") && IsMemberAccess(callee.Last - 1))
        {
            return Url(new JsSpan(callee.First, callee.Last - 2), depth + 1);
        }

        // url.toString(), url.href, String(url), encodeURI(url)
        if (IsCall(span, out callee, out open) && Source.Parts(open).Count == 0 && callee.Last - callee.First >= 2 && Source.IsIdentifier(callee.Last, "toString"))
        {
            return Url(new JsSpan(callee.First, callee.Last - 2), depth + 1);
        }

        if (span.Last - span.First >= 2 && Source.IsIdentifier(span.Last, "href") && IsMemberAccess(span.Last - 1))
        {
            return Url(new JsSpan(span.First, span.Last - 2), depth + 1);
        }

        if (IsCall(span, out callee, out open) && callee.IsSingle && (Source.Equals(callee.First, "String") || Source.Equals(callee.First, "encodeURI")) && Source.Parts(open) is { Count: 1 } only)
        {
            return Url(only[0], depth + 1);
        }

        // buildApiUrl('/proxy/forward-to'): a URL builder given a path; the builder stands for the base.
        if (IsCall(span, out callee, out open) && IsNameChain(callee) && Source.Parts(open) is { Count: 1 } builderArguments
            && builderArguments[0].IsSingle && Source.StringValue(builderArguments[0].First) is { } relativePath && relativePath.StartsWith('/'))
        {
            return new UriValue(Source.TextOf(callee) + "()", relativePath);
        }

        if (EnvironmentName(span) is { } variable)
        {
            return UriValue.FromBase("env:" + variable);
        }

        if (IsNameChain(span))
        {
            var name = Source.TextOf(span);
            // A value followed to a literal or an environment variable stands for itself; one that ends at a parameter or a
            // call keeps the name written here (`this.processorUrl`, not the constructor's parameter).
            if (ValueOf(name, span.First, laterWrites: name.StartsWith("this.", StringComparison.Ordinal)) is { } value
                && Url(value, depth + 1) is { Opaque: false } followed)
            {
                return followed;
            }

            return UriValue.FromSymbol(name);
        }

        return null;
    }

    /// <summary>The HTTP methods an expression can be (<c>'post'</c>, <c>HttpMethod.POST</c>, a constant, <c>a ? 'POST' : 'GET'</c>); empty when unknown.</summary>
    public List<string> Methods(JsSpan span, int depth = 0)
    {
        span = Unwrap(span);
        var methods = new List<string>();
        if (span.First > span.Last || depth > MaxDepth)
        {
            return methods;
        }

        var question = TopLevel(span, "?");
        var colon = question < 0 ? -1 : TopLevel(new JsSpan(question + 1, span.Last), ":");
        if (question > 0 && colon > question)
        {
            methods.AddRange(Methods(new JsSpan(question + 1, colon - 1), depth + 1));
            methods.AddRange(Methods(new JsSpan(colon + 1, span.Last), depth + 1).Where(m => !methods.Contains(m)));
            return methods;
        }

        if (span.IsSingle && Source.StringValue(span.First) is { } literal)
        {
            if (HttpVerb(literal) is { } verb)
            {
                methods.Add(verb);
            }

            return methods;
        }

        if (IsNameChain(span))
        {
            if (ValueOf(Source.TextOf(span), span.First) is { } value)
            {
                return Methods(value, depth + 1);
            }

            // HttpMethod.POST, Methods.Post: an enum member named after the verb.
            if (!span.IsSingle && HttpVerb(Source.TextOf(span.Last)) is { } member)
            {
                methods.Add(member);
            }
        }

        return methods;
    }

    /// <summary>The value of property <paramref name="name"/> of an options object: a literal (spreads included) or a variable holding one, with later <c>options.name = …</c> writes before <paramref name="before"/>.</summary>
    public JsSpan? Property(JsSpan span, string name, int before, int depth = 0)
    {
        span = Unwrap(span);
        if (span.First > span.Last || depth > MaxDepth)
        {
            return null;
        }

        if (Source.IsPunctuator(span.First, '{') && Source.Partner(span.First) == span.Last)
        {
            JsSpan? found = null;
            foreach (var part in Source.Parts(span.First))
            {
                if (Source.IsPunctuator(part.First, "...") && Property(new JsSpan(part.First + 1, part.Last), name, before, depth + 1) is { } spread)
                {
                    found = spread;
                }
                else if (Source.TryGetProperty(span.First, name, out var value) && value.First >= part.First && value.Last <= part.Last)
                {
                    found = value;
                }
            }

            return found;
        }

        if (IsNameChain(span))
        {
            var variable = Source.TextOf(span);
            JsSpan? found = null;
            var declaredAt = -1;
            if (ValueOf(variable, span.First) is { } declared)
            {
                found = Property(declared, name, before, depth + 1);
                declaredAt = declared.Last;
            }

            foreach (var write in WritesBetween(variable + "." + name, declaredAt, before))
            {
                found = write;
            }

            return found;
        }

        return null;
    }

    /// <summary>Whether an options object comes, wholly or through a spread, from a value this file does not write (a parameter, a call's result): then any property may be set.</summary>
    public bool MayHoldAnyProperty(JsSpan span, int depth = 0)
    {
        span = Unwrap(span);
        if (span.First > span.Last || depth > MaxDepth)
        {
            return true;
        }

        if (Source.IsPunctuator(span.First, '{') && Source.Partner(span.First) == span.Last)
        {
            foreach (var part in Source.Parts(span.First))
            {
                // ...options is opaque; ...(cond && { body }) spreads a literal.
                if (Source.IsPunctuator(part.First, "...") && !SpreadsLiteral(new JsSpan(part.First + 1, part.Last)) && MayHoldAnyProperty(new JsSpan(part.First + 1, part.Last), depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return !IsNameChain(span) || ValueOf(Source.TextOf(span), span.First) is not { } value || MayHoldAnyProperty(value, depth + 1);
    }

    private bool SpreadsLiteral(JsSpan span)
    {
        span = Unwrap(span);
        return TopLevel(span, "&&") is var and && and > span.First && Source.IsPunctuator(and + 1, '{') && Source.Partner(and + 1) == span.Last;
    }

    /// <summary>A name for a hole: <c>${encodeURIComponent(orderId)}</c> → <c>orderId</c>, <c>${this.config.key}</c> → <c>key</c>.</summary>
    public string HoleName(JsSpan span)
    {
        span = Unwrap(span);
        if (span.First > span.Last)
        {
            return "value";
        }

        if (IsCall(span, out var callee, out var open))
        {
            var arguments = Source.Parts(open);
            return arguments.Count > 0 ? HoleName(arguments[0]) : PathTemplate.HoleName(Source.TextOf(callee.Last));
        }

        for (var i = span.Last; i >= span.First; i--)
        {
            if (Source.IsIdentifier(i))
            {
                return PathTemplate.HoleName(Source.TextOf(i));
            }
        }

        return "value";
    }

    /// <summary>Whether the span is <c>a</c>, <c>this.a</c>, <c>a.b?.c</c>: names joined by member access.</summary>
    public bool IsNameChain(JsSpan span)
    {
        for (var i = span.First; i <= span.Last; i++)
        {
            var even = (i - span.First) % 2 == 0;
            if (even ? !Source.IsIdentifier(i) : !IsMemberAccess(i))
            {
                return false;
            }
        }

        return (span.Last - span.First) % 2 == 0;
    }

    /// <summary>Whether the span is one call <c>callee(args)</c>; <paramref name="callee"/> is the part before the bracket.</summary>
    public bool IsCall(JsSpan span, out JsSpan callee, out int open)
    {
        callee = default;
        open = Source.IsPunctuator(span.Last, ')') ? Source.Partner(span.Last) : -1;
        if (open <= span.First)
        {
            return false;
        }

        callee = new JsSpan(span.First, open - 1);
        return true;
    }

    public bool IsMemberAccess(int index) => Source.IsPunctuator(index, '.') || Source.IsPunctuator(index, "?.");

    /// <summary>The end of the expression that starts at <paramref name="start"/>: before a <c>;</c> or <c>,</c> at its level, a closing bracket of an outer one, or a line break that ends the statement.</summary>
    public int ExpressionEnd(int start)
    {
        for (var i = start; i < Source.Count; i++)
        {
            var partner = Source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if (Source.IsPunctuator(i, ';') || Source.IsPunctuator(i, ',') || (partner >= 0 && partner < start) || (partner < 0 && IsCloser(i)))
            {
                return i - 1;
            }

            if (i > start && Source.Significant[i].NewlineBefore && !Continues(i - 1, i))
            {
                return i - 1;
            }
        }

        return Source.Count - 1;
    }

    /// <summary>A short name for what a non-literal part stands for: <c>this.processorUrl</c>, <c>readConfiguration().apiUrl</c>.</summary>
    public string SymbolName(JsSpan span)
    {
        span = Unwrap(span);
        var text = Source.TextOf(span);
        return text.Length <= 80 ? string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())) : text[..80];
    }

    public static string? HttpVerb(string text) => text.ToUpperInvariant() switch
    {
        "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" => text.ToUpperInvariant(),
        "DEL" => "DELETE",
        _ => null,
    };

    // A non-first part of a concatenation or a template hole: a constant's value inline, anything else a named hole.
    private UriValue PartOf(JsSpan span, int depth)
    {
        var value = Url(span, depth + 1);
        if (value is { Base: null } && !value.Opaque)
        {
            return value;
        }

        return UriValue.Literal("{" + HoleName(span) + "}");
    }

    private UriValue? Template(JsSpan span, int depth)
    {
        UriValue? value = null;
        var index = span.First;
        while (index >= 0 && index <= span.Last)
        {
            var token = Source.Significant[index];
            var text = Source.Text.Substring(token.Start, token.Length);
            var literal = token.Kind switch
            {
                JsTokenKind.TemplateHead => text[1..^2],
                JsTokenKind.TemplateMiddle => text[1..^2],
                _ => text.Length >= 2 && text[^1] == '`' ? text[1..^1] : text[1..],
            };
            if (literal.Length > 0)
            {
                value = value is null ? UriValue.Literal(literal) : value.Append(UriValue.Literal(literal));
            }

            if (token.Kind == JsTokenKind.TemplateTail)
            {
                break;
            }

            // An unterminated template's middle pairs only backwards: stop rather than walk round.
            var next = Source.Partner(index);
            if (next <= index || next > span.Last)
            {
                return null;
            }

            var hole = new JsSpan(index + 1, next - 1);
            value = value is null ? Url(hole, depth + 1) ?? UriValue.FromSymbol(SymbolName(hole)) : value.Append(PartOf(hole, depth));
            index = next;
        }

        return value;
    }

    // process.env.NAME, process.env['NAME'], import.meta.env.NAME, Deno.env.get('NAME')
    private string? EnvironmentName(JsSpan span)
    {
        var f = span.First;
        if (Source.IsIdentifier(f, "process") && IsMemberAccess(f + 1) && Source.IsIdentifier(f + 2, "env"))
        {
            if (span.Last == f + 4 && IsMemberAccess(f + 3) && Source.IsIdentifier(f + 4))
            {
                return Source.TextOf(f + 4);
            }

            if (span.Last == f + 5 && Source.IsPunctuator(f + 3, '[') && Source.StringValue(f + 4) is { } quoted)
            {
                return quoted;
            }
        }

        if (Source.IsIdentifier(f, "import") && span.Last == f + 6 && Source.IsIdentifier(f + 2, "meta") && Source.IsIdentifier(f + 4, "env") && Source.IsIdentifier(f + 6))
        {
            return Source.TextOf(f + 6);
        }

        if (Source.IsIdentifier(f, "Deno") && Source.IsIdentifier(f + 2, "env") && Source.IsIdentifier(f + 4, "get") && Source.StringValue(f + 6) is { } denoName && span.Last == f + 7)
        {
            return denoName;
        }

        return null;
    }

    // The index of the first top-level operator of the span among `operators`; -1 when none.
    private int TopLevel(JsSpan span, params string[] operators)
    {
        for (var i = span.First; i <= span.Last; i++)
        {
            var partner = Source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            foreach (var op in operators)
            {
                if (Source.IsPunctuator(i, op))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private List<int> TopLevelAll(JsSpan span, string op)
    {
        var found = new List<int>();
        for (var i = span.First; i <= span.Last; i++)
        {
            var partner = Source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if (Source.IsPunctuator(i, op) && i > span.First && i < span.Last)
            {
                found.Add(i);
            }
        }

        return found;
    }

    // `x as T` / `x satisfies T` at the top level: where the assertion starts.
    private int? TypeAssertion(JsSpan span)
    {
        for (var i = span.First + 1; i <= span.Last; i++)
        {
            var partner = Source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if ((Source.IsIdentifier(i, "as") || Source.IsIdentifier(i, "satisfies")) && !IsMemberAccess(i - 1))
            {
                return i;
            }
        }

        return null;
    }

    private bool IsCloser(int index) => Source.IsPunctuator(index, ')') || Source.IsPunctuator(index, ']') || Source.IsPunctuator(index, '}');

    // A line break inside an expression: the line before ends in an operator, or the new one starts with one.
    private bool Continues(int previous, int current)
    {
        var before = Source.Significant[previous];
        if (before.Kind == JsTokenKind.Punctuator && !IsCloser(previous) && !Source.IsPunctuator(previous, "++") && !Source.IsPunctuator(previous, "--"))
        {
            return true;
        }

        if (Source.Significant[current].Kind == JsTokenKind.Punctuator)
        {
            return !Source.IsPunctuator(current, '[') && !Source.IsPunctuator(current, '(') && !Source.IsPunctuator(current, '{')
                && !Source.IsPunctuator(current, "++") && !Source.IsPunctuator(current, "--") && !Source.IsPunctuator(current, '@');
        }

        return Source.IsIdentifier(current, "as") || Source.IsIdentifier(current, "satisfies");
    }

    private void Read()
    {
        for (var i = 0; i < Source.Count; i++)
        {
            if (Source.IsPunctuator(i, '=') && i > 0)
            {
                ReadWrite(i);
            }
            else if (Source.IsIdentifier(i, "import") && !IsMemberAccess(i - 1))
            {
                ReadImport(i);
            }
        }
    }

    // name = value, this.a.b = value, const name: T = value, class fields `private readonly host = …`.
    private void ReadWrite(int equals)
    {
        var end = ExpressionEnd(equals + 1);
        if (end <= equals)
        {
            return;
        }

        var value = new JsSpan(equals + 1, end);
        var nameEnd = equals - 1;
        var first = ChainStart(nameEnd);
        if (first < 0 || Source.IsPunctuator(first - 1, ':') || Source.IsPunctuator(nameEnd, '>') || Source.IsPunctuator(nameEnd, ']'))
        {
            // const name: Type = value, private readonly host: string = … — the annotation sits between the name and '='.
            nameEnd = -1;
            for (var i = equals - 1; i > Math.Max(0, equals - 40); i--)
            {
                var partner = Source.Partner(i);
                if (partner >= 0 && partner < i)
                {
                    i = partner;
                    continue;
                }

                if (Source.IsPunctuator(i, ':') && Source.IsIdentifier(i - 1) && IsDeclarationStart(i - 2))
                {
                    nameEnd = i - 1;
                    break;
                }

                if (Source.IsPunctuator(i, ';') || Source.IsPunctuator(i, '{') || Source.IsPunctuator(i, '='))
                {
                    return;
                }
            }

            first = nameEnd;
        }

        if (first < 0 || IsMemberAccess(first - 1))
        {
            return; // f().x = …
        }

        var name = Source.TextOf(new JsSpan(first, nameEnd));
        if (first == nameEnd && IsFieldModifier(first - 1))
        {
            name = "this." + name;
        }

        Add(name, first, value);
        if (first == nameEnd && IsClassBodyStatement(first - 1))
        {
            Add("this." + name, first, value);
        }
    }

    // The first token of the name chain `a.b.c` ending at `last`; -1 when `last` is not a name.
    private int ChainStart(int last)
    {
        if (!Source.IsIdentifier(last))
        {
            return -1;
        }

        var first = last;
        while (first >= 2 && IsMemberAccess(first - 1) && Source.IsIdentifier(first - 2))
        {
            first -= 2;
        }

        return first;
    }

    private void Add(string name, int at, JsSpan value)
    {
        if (!_writes.TryGetValue(name, out var list))
        {
            _writes[name] = list = [];
        }

        list.Add((at, value));
    }

    private bool IsDeclarationStart(int index) =>
        Source.IsIdentifier(index, "const") || Source.IsIdentifier(index, "let") || Source.IsIdentifier(index, "var") || IsFieldModifier(index) || IsStatementStart(index);

    private bool IsStatementStart(int index) => index < 0 || Source.IsPunctuator(index, ';') || Source.IsPunctuator(index, '{') || Source.IsPunctuator(index, '}') || Source.Significant[index + 1].NewlineBefore;

    private bool IsFieldModifier(int index)
    {
        foreach (var modifier in Modifiers)
        {
            if (Source.IsIdentifier(index, modifier))
            {
                return true;
            }
        }

        return false;
    }

    // `host = 'x';` directly in a class body: the statement before is a field, a method's closing brace or the class's opening one.
    private bool IsClassBodyStatement(int index)
    {
        if (!Source.IsPunctuator(index, '{') && !Source.IsPunctuator(index, ';') && !Source.IsPunctuator(index, '}'))
        {
            return false;
        }

        var open = Source.IsPunctuator(index, '{') ? index : -1;
        for (var i = index; open < 0 && i >= 0; i--)
        {
            var partner = Source.Partner(i);
            if (partner >= 0 && partner < i)
            {
                i = partner;
                continue;
            }

            if (Source.IsPunctuator(i, '{'))
            {
                open = i;
            }
        }

        // class Name extends Base implements I {
        for (var i = open - 1; i >= 0 && i > open - 12; i--)
        {
            if (Source.IsIdentifier(i, "class"))
            {
                return true;
            }

            if (Source.IsPunctuator(i, ';') || Source.IsPunctuator(i, '}') || Source.IsPunctuator(i, '{') || Source.IsPunctuator(i, ')') || Source.IsPunctuator(i, "=>"))
            {
                return false;
            }
        }

        return false;
    }

    // import x from 'm'; import x, { y as z } from 'm'; import * as x from 'm'. A named import is recorded as `m#y`.
    private void ReadImport(int index)
    {
        var names = new List<(string Local, string? Imported)>();
        if (Source.IsIdentifier(index + 1, "type") && !Source.IsIdentifier(index + 2, "from"))
        {
            return;
        }

        var named = false;
        for (var i = index + 1; i < Source.Count && i < index + 128; i++)
        {
            if (Source.IsIdentifier(i, "from") && Source.StringValue(i + 1) is { } module)
            {
                foreach (var (local, imported) in names)
                {
                    _imports[local] = imported is null or "default" ? module : module + "#" + imported;
                }

                return;
            }

            if (Source.IsPunctuator(i, ';') || Source.StringValue(i) is not null)
            {
                return;
            }

            if (Source.IsPunctuator(i, '{'))
            {
                named = true;
            }
            else if (Source.IsPunctuator(i, '}'))
            {
                named = false;
            }
            else if (Source.IsIdentifier(i) && !Source.IsIdentifier(i, "as") && !Source.IsIdentifier(i, "type") && !Source.IsIdentifier(i + 1, "as"))
            {
                // `{ y as z }`: z is y; `* as x`: the namespace.
                var imported = Source.IsIdentifier(i - 1, "as") && Source.IsIdentifier(i - 2) ? Source.TextOf(i - 2) : Source.TextOf(i);
                names.Add((Source.TextOf(i), named ? imported : null));
            }
        }
    }

    /// <summary>The module of <c>require('m')</c> (or <c>require('m').default</c>, <c>await import('m')</c>) at <paramref name="span"/>; null otherwise.</summary>
    public string? RequiredModule(JsSpan span)
    {
        span = Unwrap(span);
        var f = span.First;
        if ((Source.IsIdentifier(f, "require") || Source.IsIdentifier(f, "import")) && Source.IsPunctuator(f + 1, '(') && Source.StringValue(f + 2) is { } module && Source.IsPunctuator(f + 3, ')'))
        {
            return span.Last == f + 3 || (span.Last == f + 5 && Source.IsIdentifier(f + 5, "default")) ? module : null;
        }

        return null;
    }

    /// <summary>Records the names bound to <c>require(…)</c> as imports (called once the writes are read).</summary>
    public void ReadRequires()
    {
        foreach (var (name, writes) in _writes)
        {
            if (!name.Contains('.', StringComparison.Ordinal) && writes.Count > 0 && RequiredModule(writes[0].Value) is { } module)
            {
                _imports.TryAdd(name, module);
            }
        }
    }

    /// <summary>The text of a span on one line, for a "not followed" row.</summary>
    public string Expression(JsSpan span)
    {
        var builder = new StringBuilder();
        foreach (var line in Source.TextOf(span).Split('\n'))
        {
            builder.Append(builder.Length == 0 ? line.Trim() : " " + line.Trim());
        }

        return builder.Length <= 120 ? builder.ToString() : builder.ToString(0, 120);
    }
}
