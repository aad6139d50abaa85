namespace CertKit.Action.Readiness.Checks;

/// <summary>The root README and its sections, as the documentation checks read them.</summary>
internal sealed record ReadmeSections(string Path, string Text, IReadOnlyList<MarkdownSection> Sections)
{
    /// <summary>The README's sections, or null when the repository has no README at its root.</summary>
    public static ReadmeSections? Read(CheckContext context) =>
        context.Readme is { } readme && context.ReadText(readme) is { } text ? new ReadmeSections(readme, text, MarkdownSections.Parse(text)) : null;

    /// <summary>Every section whose title means one of the words, the most telling word first (see <see cref="MarkdownSections.FindAll"/>).</summary>
    public IReadOnlyList<MarkdownSection> FindAll(IReadOnlyList<string> words, IReadOnlyList<string>? excluded = null) =>
        [.. MarkdownSections.FindAll(Sections, words, excluded)];

    /// <summary>The README's paragraphs, the text before the first heading included.</summary>
    public IReadOnlyList<MarkdownParagraph> Paragraphs => MarkdownSections.Paragraphs(Text);

    public string At(MarkdownSection section) => $"{Path}:{section.Line}";

    public const string Missing = "no README at the root (README.md): the documentation must be packaged with the integration, in Markdown";
}
