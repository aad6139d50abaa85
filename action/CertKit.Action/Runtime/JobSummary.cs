using System.Text;

namespace CertKit.Action.Runtime;

/// <summary>A cell of <see cref="JobSummary.AddTable"/>: header cells become <c>th</c>.</summary>
public sealed record SummaryTableCell(string Data, bool Header = false, string? Colspan = null, string? Rowspan = null)
{
    public static implicit operator SummaryTableCell(string data) => new(data);
}

/// <summary>
/// The job summary (<c>GITHUB_STEP_SUMMARY</c>), following <c>summary.ts</c>: a buffer of markdown/HTML that
/// <see cref="Write"/> appends to the file (or overwrites it).
/// </summary>
public sealed class JobSummary(Func<string, string?> environment)
{
    public const string SummaryEnvironmentVariable = "GITHUB_STEP_SUMMARY";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder _buffer = new();

    public string Stringify() => _buffer.ToString();

    public bool IsEmptyBuffer => _buffer.Length == 0;

    public JobSummary EmptyBuffer()
    {
        _buffer.Clear();
        return this;
    }

    /// <summary>Appends the buffer to the summary file (or replaces the file) and empties the buffer.</summary>
    public JobSummary Write(bool overwrite = false)
    {
        var filePath = FilePath();
        if (overwrite)
        {
            File.WriteAllText(filePath, _buffer.ToString(), Utf8NoBom);
        }
        else
        {
            File.AppendAllText(filePath, _buffer.ToString(), Utf8NoBom);
        }

        return EmptyBuffer();
    }

    public JobSummary Clear() => EmptyBuffer().Write(overwrite: true);

    public JobSummary AddRaw(string text, bool addEol = false)
    {
        _buffer.Append(text);
        return addEol ? AddEol() : this;
    }

    public JobSummary AddEol() => AddRaw(Environment.NewLine);

    public JobSummary AddCodeBlock(string code, string? lang = null) =>
        AddRaw(Wrap("pre", Wrap("code", code), string.IsNullOrEmpty(lang) ? [] : [new("lang", lang)])).AddEol();

    public JobSummary AddList(IEnumerable<string> items, bool ordered = false) =>
        AddRaw(Wrap(ordered ? "ol" : "ul", string.Concat(items.Select(item => Wrap("li", item))))).AddEol();

    public JobSummary AddTable(IEnumerable<IEnumerable<SummaryTableCell>> rows)
    {
        var body = string.Concat(rows.Select(row => Wrap("tr", string.Concat(row.Select(cell =>
        {
            var attributes = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(cell.Colspan))
            {
                attributes.Add(new("colspan", cell.Colspan));
            }

            if (!string.IsNullOrEmpty(cell.Rowspan))
            {
                attributes.Add(new("rowspan", cell.Rowspan));
            }

            return Wrap(cell.Header ? "th" : "td", cell.Data, attributes);
        })))));
        return AddRaw(Wrap("table", body)).AddEol();
    }

    public JobSummary AddDetails(string label, string content) =>
        AddRaw(Wrap("details", Wrap("summary", label) + content)).AddEol();

    public JobSummary AddImage(string src, string alt, string? width = null, string? height = null)
    {
        var attributes = new List<KeyValuePair<string, string>> { new("src", src), new("alt", alt) };
        if (!string.IsNullOrEmpty(width))
        {
            attributes.Add(new("width", width));
        }

        if (!string.IsNullOrEmpty(height))
        {
            attributes.Add(new("height", height));
        }

        return AddRaw(Wrap("img", null, attributes)).AddEol();
    }

    public JobSummary AddHeading(string text, int level = 1)
    {
        var tag = level is >= 1 and <= 6 ? $"h{level}" : "h1";
        return AddRaw(Wrap(tag, text)).AddEol();
    }

    public JobSummary AddSeparator() => AddRaw(Wrap("hr", null)).AddEol();

    public JobSummary AddBreak() => AddRaw(Wrap("br", null)).AddEol();

    public JobSummary AddQuote(string text, string? cite = null) =>
        AddRaw(Wrap("blockquote", text, string.IsNullOrEmpty(cite) ? [] : [new("cite", cite)])).AddEol();

    public JobSummary AddLink(string text, string href) => AddRaw(Wrap("a", text, [new("href", href)])).AddEol();

    private string FilePath()
    {
        var path = environment(SummaryEnvironmentVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException(
                $"Unable to find environment variable for ${SummaryEnvironmentVariable}. Check if your runtime environment supports job summaries.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Unable to access summary file: '{path}'. Check if the file has correct read/write permissions.");
        }

        return path;
    }

    // summary.ts's wrap(): attributes unescaped and in order; no closing tag when there is no content.
    private static string Wrap(string tag, string? content, IReadOnlyList<KeyValuePair<string, string>>? attributes = null)
    {
        var attributeText = attributes is null ? string.Empty : string.Concat(attributes.Select(a => $" {a.Key}=\"{a.Value}\""));
        return string.IsNullOrEmpty(content) ? $"<{tag}{attributeText}>" : $"<{tag}{attributeText}>{content}</{tag}>";
    }
}
