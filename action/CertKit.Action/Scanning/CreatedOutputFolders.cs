namespace CertKit.Action.Scanning;

/// <summary>
/// Keeps certkit's restores and design-time builds from leaving output in the user's tree: it notes which project
/// folders have no <c>obj/</c> yet, and which files an existing <c>obj/</c> holds; on disposal it removes the
/// <c>obj/</c> folders that appeared meanwhile, and the files (and folders) that appeared in existing ones (restore's
/// assets file, design-time intermediates). What was there before (the user's own build, committed output) stays.
/// </summary>
internal sealed class CreatedOutputFolders : IDisposable
{
    private readonly List<string> _absent = new();
    private readonly Dictionary<string, HashSet<string>> _existing = new(StringComparer.Ordinal);

    private CreatedOutputFolders()
    {
    }

    /// <summary>Starts watching the <c>obj/</c> folders of <paramref name="projectPaths"/> (full paths of project files).</summary>
    public static CreatedOutputFolders Watch(IEnumerable<string> projectPaths)
    {
        var watch = new CreatedOutputFolders();
        foreach (var folder in projectPaths.Select(p => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(p))!, "obj")).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                watch._absent.Add(folder);
            }
            else
            {
                watch._existing[folder] = new HashSet<string>(Entries(folder), StringComparer.Ordinal);
            }
        }

        return watch;
    }

    public void Dispose()
    {
        foreach (var folder in _absent)
        {
            BestEffort(() =>
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            });
        }

        foreach (var (folder, before) in _existing)
        {
            // Deepest first, so a new folder is empty by the time it is removed.
            foreach (var entry in Entries(folder).Where(e => !before.Contains(e)).OrderByDescending(e => e.Length))
            {
                BestEffort(() =>
                {
                    if (File.Exists(entry))
                    {
                        File.Delete(entry);
                    }
                    else if (Directory.Exists(entry) && !Directory.EnumerateFileSystemEntries(entry).Any())
                    {
                        Directory.Delete(entry);
                    }
                });
            }
        }
    }

    private static IEnumerable<string> Entries(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void BestEffort(System.Action remove)
    {
        try
        {
            remove();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still in use stays; it is build output, never the user's work.
        }
    }
}
