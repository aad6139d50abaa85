using System.Text.Json;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>creator-contact</c>: who made the integration and how to reach them: a README section (Contact, Author, Maintainer,
/// Creator, About) with an e-mail address or link — every such section is read, the first one with a way to reach someone
/// counts — or the <c>author</c> of the root or application package.json with one.
/// </summary>
internal sealed class CreatorContactCheck : IReadinessCheck
{
    // The most telling first: a "Contact" section wins over an "About us" without a link.
    private static readonly string[] CreatorWords = ["contact", "author", "maintainer", "creator", "about"];

    public string Id => "creator-contact";

    public string Requirement => "Creator information and contact details.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        // Every section the words name, the most telling first: "About Mollie" (the product) may come before "📞 Contact" (the people).
        var readme = ReadmeSections.Read(context);
        foreach (var section in readme?.FindAll(CreatorWords) ?? [])
        {
            if (ContactDetails.Find(section.Body) is { } contact)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{readme!.At(section)}: {section.Title}: {contact}"]));
            }
        }

        foreach (var file in context.FilesNamed(name => name == "package.json").Where(file => file.Count(c => c == '/') <= 1))
        {
            if (PackageJson.TryRead(context, file) is { ValueKind: JsonValueKind.Object } package && package.TryGetProperty("author", out var author)
                && ContactDetails.Find(author.ToString()) is { } found)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{file}: author {found}"]));
            }
        }

        return Task.FromResult(CheckOutcome.Failed([
            readme is null
                ? ReadmeSections.Missing
                : $"{readme.Path}: no Author, Maintainer, Creator or Contact section with an e-mail address or link, and no package.json author with one",
        ]));
    }
}
