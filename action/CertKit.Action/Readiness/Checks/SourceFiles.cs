using CertKit.Analyzers.Detection;

namespace CertKit.Action.Readiness.Checks;

/// <summary>The application's code and configuration files (tests and documentation left out), line by line, for the text checks.</summary>
internal static class SourceFiles
{
    /// <summary>
    /// The shipped code and configuration: the workspace's kinds (no tests, fixtures, vendored or generated files,
    /// documentation), and of the files in no programming language only those the scan reads as configuration (JSON, YAML,
    /// XML, key-value files; not lock files or binaries).
    /// </summary>
    public static IEnumerable<string> Code(CheckContext context) =>
        context.Files.Where(file => context.FileAt(file) is { IsShipped: true } shipped
            && (shipped.Language != FileLanguage.None || TextScanner.KindOf(file) != TextFileKind.Unsupported));

    /// <summary>Each line of each code and configuration file with its 1-based number.</summary>
    public static IEnumerable<(string Path, int Line, string Text)> Lines(CheckContext context)
    {
        foreach (var file in Code(context))
        {
            if (context.ReadText(file) is not { } text)
            {
                continue;
            }

            var number = 0;
            foreach (var line in text.Split('\n'))
            {
                number++;
                yield return (file, number, line);
            }
        }
    }
}
