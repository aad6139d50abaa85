using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>
/// JS/TS in a data-named folder of the source tree (<c>src/mocks/</c>, <c>src/fixtures/</c>) that no shipped script
/// imports (and no package.json or connect.yaml runs) is test data the tests load, not code the application runs: a
/// fixture. Decided by the specifiers and commands that name the folder, per folder name, so one shipped mention keeps
/// them all source.
/// </summary>
internal static class TestOnlyScriptFolders
{
    public static void Apply(List<WorkspaceFile> files)
    {
        var candidates = new List<(int Index, string Folder)>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (IsScript(file) && file.Kind == FileKind.Source && FileClassifier.FixtureFolderOf(file.RelativePath) is { } folder)
            {
                candidates.Add((i, folder));
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var candidateIndices = new HashSet<int>(candidates.Select(candidate => candidate.Index));
        var unresolved = new HashSet<string>(candidates.Select(candidate => candidate.Folder), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < files.Count && unresolved.Count > 0; i++)
        {
            var file = files[i];
            if (!(IsScript(file) && file.Kind == FileKind.Source || IsRunner(file)) || candidateIndices.Contains(i) || ReadOrNull(file.FullPath) is not { } text)
            {
                continue;
            }

            unresolved.RemoveWhere(folder => IsImported(text, folder));
        }

        foreach (var (index, folder) in candidates)
        {
            if (unresolved.Contains(folder))
            {
                files[index] = files[index] with { Kind = FileKind.Fixture, KindReason = $"folder {folder}/, which no shipped script imports" };
            }
        }
    }

    private static bool IsScript(WorkspaceFile file) => file.Language is FileLanguage.JavaScript or FileLanguage.TypeScript;

    // What runs a script without importing it: package.json (main, scripts: "node build/seeds/run.js") and connect.yaml
    // (scripts.postDeploy).
    private static bool IsRunner(WorkspaceFile file)
    {
        var name = Path.GetFileName(file.RelativePath);
        return file.Kind == FileKind.Configuration && (name == "package.json" || name == "connect.yaml" || name == "connect.yml");
    }

    // '../mocks/data', "./mocks", `@/fixtures/x`, "node seeds/run.js": the folder as a path segment of a specifier or command.
    private static bool IsImported(string text, string folder)
    {
        var index = text.IndexOf(folder, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var after = index + folder.Length;
            if (index > 0 && text[index - 1] is '/' or ' ' or '\'' or '"' or '`'
                && after < text.Length && text[after] is '/' or '\'' or '"' or '`')
            {
                return true;
            }

            index = text.IndexOf(folder, after, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // the scan reports the file as unreadable
        }
    }
}
