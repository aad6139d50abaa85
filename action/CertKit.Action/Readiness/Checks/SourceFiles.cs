namespace CertKit.Action.Readiness.Checks;

/// <summary>The application's code and configuration files (tests and documentation left out), line by line, for the text checks.</summary>
internal static class SourceFiles
{
    private static readonly string[] Extensions =
        [".cs", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".json", ".yaml", ".yml", ".config", ".xml", ".env", ".properties", ".ini", ".toml", ".py", ".java", ".kt", ".go", ".rb", ".php"];

    /// <summary>The shipped code and configuration (the workspace's kinds: no tests, fixtures, vendored or generated files, documentation).</summary>
    public static IEnumerable<string> Code(CheckContext context) => context.Files.Where(file => IsCodeOrConfiguration(file) && context.FileAt(file) is { IsShipped: true });

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

    private static bool IsCodeOrConfiguration(string path) =>
        !path.EndsWith("package-lock.json", StringComparison.Ordinal)
        && (Extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) || path[(path.LastIndexOf('/') + 1)..].StartsWith(".env", StringComparison.Ordinal));
}
