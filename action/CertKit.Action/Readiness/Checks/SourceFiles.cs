namespace CertKit.Action.Readiness.Checks;

/// <summary>The application's code and configuration files (tests and documentation left out), line by line, for the text checks.</summary>
internal static class SourceFiles
{
    private static readonly string[] Extensions =
        [".cs", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".json", ".yaml", ".yml", ".config", ".xml", ".env", ".properties", ".ini", ".toml", ".py", ".java", ".kt", ".go", ".rb", ".php"];

    private static readonly string[] TestFolders = ["test", "tests", "__tests__", "spec", "specs"];

    public static IEnumerable<string> Code(CheckContext context) => context.Files.Where(IsCodeOrConfiguration);

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

    public static bool IsTest(string path)
    {
        var segments = path.Split('/');
        var name = segments[^1];
        return segments[..^1].Any(segment => TestFolders.Contains(segment, StringComparer.OrdinalIgnoreCase)
                || segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".Test", StringComparison.OrdinalIgnoreCase))
            || name.Contains(".test.", StringComparison.OrdinalIgnoreCase) || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Tests.cs", StringComparison.Ordinal);
    }

    private static bool IsCodeOrConfiguration(string path) =>
        !IsTest(path)
        && !path.EndsWith("package-lock.json", StringComparison.Ordinal)
        && (Extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) || path[(path.LastIndexOf('/') + 1)..].StartsWith(".env", StringComparison.Ordinal));
}
