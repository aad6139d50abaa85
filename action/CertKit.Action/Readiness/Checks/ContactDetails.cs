using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>Finds a way to reach someone in a piece of text: an e-mail address, a web or issues link.</summary>
internal static partial class ContactDetails
{
    public static string? Find(string text)
    {
        var match = Contact().Match(text);
        return match.Success ? match.Value.TrimEnd('.', ',', ')', '>') : null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|https?://[^\s)>\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex Contact();
}
