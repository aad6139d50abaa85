using System.Text;

namespace CertKit.Action.Runtime;

/// <summary>The runner's file commands (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>, …), as <c>file-command.ts</c>.</summary>
public static class FileCommand
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary><c>issueFileCommand</c>: appends the message and a newline to the file named by <c>GITHUB_{command}</c>.</summary>
    public static void Issue(Func<string, string?> environment, string command, string message)
    {
        var filePath = environment($"GITHUB_{command}");
        if (string.IsNullOrEmpty(filePath))
        {
            throw new InvalidOperationException($"Unable to find environment variable for file command {command}");
        }

        if (!File.Exists(filePath))
        {
            throw new InvalidOperationException($"Missing file at path: {filePath}");
        }

        File.AppendAllText(filePath, message + Environment.NewLine, Utf8NoBom);
    }

    /// <summary>
    /// <c>prepareKeyValueMessage</c>: <c>name&lt;&lt;ghadelimiter_&lt;uuid&gt;</c>, the value, the delimiter; refuses a
    /// name or value that contains the delimiter.
    /// </summary>
    public static string PrepareKeyValueMessage(string key, string? value, Func<Guid>? newGuid = null)
    {
        var delimiter = $"ghadelimiter_{(newGuid ?? Guid.NewGuid)():D}";
        var convertedValue = value ?? string.Empty;
        if (key.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected input: name should not contain the delimiter \"{delimiter}\"");
        }

        if (convertedValue.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected input: value should not contain the delimiter \"{delimiter}\"");
        }

        var eol = Environment.NewLine;
        return $"{key}<<{delimiter}{eol}{convertedValue}{eol}{delimiter}";
    }
}
