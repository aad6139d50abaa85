namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>What a JS/TS token is. Keywords are identifiers: which words matter is the reader's caller's business.</summary>
public enum JsTokenKind : byte
{
    /// <summary>A name or keyword (<c>console</c>, <c>return</c>, <c>\u0061bc</c>).</summary>
    Identifier,

    /// <summary>A class's private name (<c>#token</c>).</summary>
    PrivateName,

    Number,

    /// <summary>A quoted string, quotes included (<c>'x'</c>, <c>"x"</c>); an unterminated one ends at the line's end.</summary>
    String,

    /// <summary>A template literal without holes, backticks included.</summary>
    Template,

    /// <summary>The head of a template with holes: from the backtick to <c>${</c> included.</summary>
    TemplateHead,

    /// <summary>Between two holes: from <c>}</c> to the next <c>${</c>, both included.</summary>
    TemplateMiddle,

    /// <summary>After the last hole: from <c>}</c> to the closing backtick, both included.</summary>
    TemplateTail,

    /// <summary>A regular-expression literal with its flags (<c>/a\/b/gi</c>).</summary>
    RegularExpression,

    /// <summary>An operator or bracket (<c>(</c>, <c>?.</c>, <c>=&gt;</c>, <c>@</c>, <c>&gt;&gt;&gt;=</c>).</summary>
    Punctuator,

    /// <summary>A <c>//</c> comment, up to the line's end.</summary>
    LineComment,

    /// <summary>A <c>/* */</c> comment (an unterminated one runs to the end of the text).</summary>
    BlockComment,

    /// <summary>A <c>#!</c> line at the very start of the file.</summary>
    Hashbang,

    /// <summary>Text between JSX tags (<c>&lt;p&gt;Don't log&lt;/p&gt;</c>): words for people, not code.</summary>
    JsxText,

    /// <summary>A JSX attribute's quoted value (no escapes in JSX).</summary>
    JsxString,

    /// <summary>A JSX element or attribute name (<c>div</c>, <c>Foo.Bar</c>, <c>aria-label</c>, <c>xlink:href</c>).</summary>
    JsxName,
}

/// <summary>One token: its kind and its exact span in the text.</summary>
public readonly struct JsToken
{
    public JsToken(JsTokenKind kind, int start, int length, bool newlineBefore)
    {
        Kind = kind;
        Start = start;
        Length = length;
        NewlineBefore = newlineBefore;
    }

    public JsTokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>A line break separates this token from the previous one (ASI, "on its own line").</summary>
    public bool NewlineBefore { get; }

    public bool IsComment => Kind == JsTokenKind.LineComment || Kind == JsTokenKind.BlockComment || Kind == JsTokenKind.Hashbang;

    public bool IsStringLike => Kind == JsTokenKind.String || Kind == JsTokenKind.Template || Kind == JsTokenKind.JsxString;

    public override string ToString() => Kind + "@" + Start + "+" + Length;
}
