namespace CertKit.Action.Readiness.Checks;

/// <summary>The root README and its sections, as the documentation checks read them.</summary>
internal sealed record ReadmeSections(string Path, IReadOnlyList<MarkdownSection> Sections)
{
    /// <summary>The README's sections, or null when the repository has no README at its root.</summary>
    public static ReadmeSections? Read(CheckContext context) =>
        context.Readme is { } readme && context.ReadText(readme) is { } text ? new ReadmeSections(readme, MarkdownSections.Parse(text)) : null;

    public MarkdownSection? Find(params string[] words) => MarkdownSections.Find(Sections, words);

    public string At(MarkdownSection section) => $"{Path}:{section.Line}";

    public const string Missing = "no README at the root (README.md): the documentation must be packaged with the integration, in Markdown";
}
