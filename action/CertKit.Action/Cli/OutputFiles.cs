namespace CertKit.Action.Cli;

/// <summary>
/// The one convention for a command's file outputs (<c>--sarif</c>, <c>--markdown</c>, <c>--write-baseline</c>): the path
/// is checked before the work starts; missing folders are created; the file is written whole or not at all; stdout still
/// carries the command's report (text, or the JSON document with <c>--json</c>), and in text mode ends with one
/// "<c>&lt;format&gt; written to FILE</c>" line per file. A file that cannot be written is one line naming the user's path.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Fails early, before minutes of work, when <paramref name="path"/> cannot be written.</summary>
    public static void Require(string path, string what) => PathChecks.RequireWritableFile(path, what);

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> through a temporary file beside it, creating its folders.</summary>
    public static void Write(string path, string text, string what) => Write(path, new System.Text.UTF8Encoding(false).GetBytes(text), what);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> through a temporary file beside it, creating its folders.</summary>
    public static void Write(string path, byte[] content, string what)
    {
        Require(path, what);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.certkit-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var reason = exception.Message.Replace(temporary, path, StringComparison.Ordinal).Replace(full, path, StringComparison.Ordinal);
            throw new CertKitException($"{what} '{path}' cannot be written: {reason}");
        }
    }

    /// <summary>The closing line of a text report, saying where a file of <paramref name="format"/> ("SARIF", "Markdown") went.</summary>
    public static string WrittenLine(string format, string path) => $"{format} written to {path}";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // nothing more to do: the message already says the write failed
        }
    }
}
