using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>Finds a way to reach someone in a piece of text: an e-mail address, a web or issues link.</summary>
internal static partial class ContactDetails
{
    // Where a link goes when it is a support channel rather than documentation.
    private static readonly string[] ChannelMarks = ["/issues", "/discussions", "support", "slack", "forum", "community", "discord", "gitter", "contact", "helpdesk"];

    public static string? Find(string text)
    {
        var match = Contact().Match(text);
        return match.Success ? Clean(match.Value) : null;
    }

    /// <summary>
    /// A support channel in a paragraph outside any support section: an e-mail address or a link to issues, discussions, a
    /// forum or a support portal; or any link when the paragraph itself speaks of support or contact.
    /// </summary>
    public static string? FindChannel(string paragraph)
    {
        // A badge (an image link) states a fact about the project, not where to ask.
        paragraph = Image().Replace(paragraph, string.Empty);
        string? first = null;
        foreach (Match match in Contact().Matches(paragraph))
        {
            var value = Clean(match.Value);
            first ??= value;
            if (value.Contains('@', StringComparison.Ordinal) && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                || ChannelMarks.Any(mark => value.Contains(mark, StringComparison.OrdinalIgnoreCase)))
            {
                return value;
            }
        }

        return first is not null && (MarkdownSections.StartsAWord(paragraph, "support") || MarkdownSections.StartsAWord(paragraph, "contact")) ? first : null;
    }

    private static string Clean(string value) => value.TrimEnd('.', ',', ')', '>', '*', '_');

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|https?://[^\s)>\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();
}
