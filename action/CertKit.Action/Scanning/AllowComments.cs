using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// The inline escape hatch of every secret scanner: a <c>certkit:allow</c> comment on the flagged line or on the line
/// above (a comment line) suppresses the finding (<c># certkit:allow test fixture</c>, <c>// certkit:allow</c>). Whatever follows the marker
/// on its line is kept as the justification.
/// </summary>
internal static class AllowComments
{
    /// <summary>The suppression for a finding on <paramref name="line"/> (0-based), or null when no marker allows it.</summary>
    public static FindingSuppression? Find(SourceText text, int line)
    {
        for (var candidate = line; candidate >= line - 1 && candidate >= 0; candidate--)
        {
            if (candidate >= text.Lines.Count)
            {
                continue;
            }

            var content = text.Lines[candidate].ToString();
            var marker = content.IndexOf(FindingSuppression.AllowComment, StringComparison.OrdinalIgnoreCase);

            // On the line above, only a comment line counts: a trailing marker allows its own line, not the next.
            if (marker >= 0 && (candidate == line || IsCommentOnly(content, marker)))
            {
                var reason = content[(marker + FindingSuppression.AllowComment.Length)..].Trim().TrimEnd('*', '/', '-', '>', '#').Trim().TrimStart(':').Trim();
                return new FindingSuppression(SuppressionKind.InSource, reason.Length == 0 ? FindingSuppression.AllowComment : $"{FindingSuppression.AllowComment}: {reason}");
            }
        }

        return null;
    }

    private static bool IsCommentOnly(string content, int marker)
    {
        for (var i = 0; i < marker; i++)
        {
            if (!char.IsWhiteSpace(content[i]) && content[i] is not ('#' or '/' or '*' or ';' or '-' or '<' or '!' or '\''))
            {
                return false;
            }
        }

        return true;
    }
}
