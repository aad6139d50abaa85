namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>support-model</c>: the documentation says how users get support: a SUPPORT.md, a Support (or Help, Contact) section
/// in the README that names a channel (an e-mail address or a link), or — where no section does — a README paragraph that
/// sends users to a channel (issues, discussions, a forum, a support address), the text before the first heading included.
/// </summary>
internal sealed class SupportModelCheck : IReadinessCheck
{
    private static readonly string[] SupportWords = ["support", "getting help", "get help", "help", "contact"];

    // Headings that start with a support word but are about something else.
    private static readonly string[] NotSupport = ["supported", "supports", "helper"];
    private static readonly string[] SupportFiles = ["SUPPORT.md", ".github/SUPPORT.md", "docs/SUPPORT.md"];

    public string Id => "support-model";

    public string Requirement => "The support model is clearly defined.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        foreach (var file in SupportFiles.Where(file => context.Files.Contains(file, StringComparer.OrdinalIgnoreCase)))
        {
            if (context.ReadText(file) is { } text && ContactDetails.Find(text) is { } channel)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{file}: support through {channel}"]));
            }
        }

        if (ReadmeSections.Read(context) is not { } readme)
        {
            return Task.FromResult(CheckOutcome.Failed([ReadmeSections.Missing]));
        }

        var sections = readme.FindAll(SupportWords, NotSupport);
        foreach (var section in sections)
        {
            if (ContactDetails.Find(section.Body) is { } found)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{readme.At(section)}: {section.Title}: {found}"]));
            }
        }

        foreach (var paragraph in readme.Paragraphs)
        {
            if (ContactDetails.FindChannel(paragraph.Text) is { } channel)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{readme.Path}:{paragraph.Line}: support through {channel}"]));
            }
        }

        return Task.FromResult(CheckOutcome.Failed([
            sections.Count == 0
                ? $"{readme.Path}: no support section (a heading with Support, Getting help or Contact), no paragraph that names a support channel, and no SUPPORT.md"
                : $"{readme.At(sections[0])}: the {sections[0].Title} section names no channel (an e-mail address or a link to issues, a portal or a forum)",
        ]));
    }
}
