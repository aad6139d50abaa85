using System.Text;

namespace CertKit.Action.Runtime;

/// <summary>
/// Workflow-command formatting, byte for byte as <c>@actions/core</c>'s <c>command.ts</c>:
/// <c>::name key=value,key=value::message</c>.
/// </summary>
public static class CommandText
{
    private const string CommandMarker = "::";

    /// <summary><c>escapeData</c>: <c>%</c>, CR and LF, in that order.</summary>
    public static string EscapeData(string? value) =>
        (value ?? string.Empty)
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary><c>escapeProperty</c>: as <see cref="EscapeData"/>, plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string? value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// <c>Command.toString()</c>: properties in the given order, empty values left out (JavaScript's truthiness:
    /// <c>''</c>, <c>undefined</c> and <c>0</c> are skipped), a missing command becomes <c>missing.command</c>.
    /// </summary>
    public static string Format(string? command, IReadOnlyList<KeyValuePair<string, string?>>? properties, string? message)
    {
        var text = new StringBuilder(CommandMarker).Append(string.IsNullOrEmpty(command) ? "missing.command" : command);
        if (properties is { Count: > 0 })
        {
            text.Append(' ');
            var first = true;
            foreach (var (key, value) in properties)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                text.Append(key).Append('=').Append(EscapeProperty(value));
            }
        }

        return text.Append(CommandMarker).Append(EscapeData(message)).ToString();
    }
}
