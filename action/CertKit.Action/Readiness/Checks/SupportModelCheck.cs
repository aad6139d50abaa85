namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>support-model</c>: the documentation says how users get support: a Support (or Help, Contact) section in the README,
/// or a SUPPORT.md, that names a channel (an e-mail address or a link).
/// </summary>
internal sealed class SupportModelCheck : IReadinessCheck
{
    private static readonly string[] SupportWords = ["support", "getting help", "get help", "contact"];
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

        var section = readme.Find(SupportWords);
        if (section is null)
        {
            return Task.FromResult(CheckOutcome.Failed([$"{readme.Path}: no support section (a heading with Support, Getting help or Contact) and no SUPPORT.md"]));
        }

        return Task.FromResult(ContactDetails.Find(section.Body) is { } found
            ? CheckOutcome.Passed([$"{readme.At(section)}: {section.Title}: {found}"])
            : CheckOutcome.Failed([$"{readme.At(section)}: the {section.Title} section names no channel (an e-mail address or a link to issues, a portal or a forum)"]));
    }
}
