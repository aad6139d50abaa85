namespace CertKit.Action.Scanning;

/// <summary>
/// Keeps certkit's restores and design-time builds from changing the user's work tree, which would leave a scan's
/// checkout dirty and slip into the next commit:
/// <list type="bullet">
/// <item>output: it notes which project folders have no <c>obj/</c> yet, and which files an existing <c>obj/</c> holds; on
/// disposal it removes the <c>obj/</c> folders that appeared meanwhile, and the files (and folders) that appeared in
/// existing ones (restore's assets file, design-time intermediates). What was there before (the user's own build,
/// committed output) stays;</item>
/// <item>NuGet lock files: a project with <c>RestorePackagesWithLockFile</c> gets its <c>packages.lock.json</c>
/// rewritten by any restore that resolves differently (an SDK or a feed missing here); their bytes are kept and written
/// back, where they changed, on disposal.</item>
/// </list>
/// </summary>
internal sealed class UserTreeGuard : IDisposable
{
    private readonly List<string> _absentOutput = new();
    private readonly Dictionary<string, HashSet<string>> _existingOutput = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _lockFiles = new(StringComparer.Ordinal);

    private UserTreeGuard()
    {
    }

    /// <summary>Starts guarding the <c>obj/</c> folders of the project files and the lock files among <paramref name="repositoryFiles"/> (full paths).</summary>
    public static UserTreeGuard Watch(IEnumerable<string> repositoryFiles)
    {
        var guard = new UserTreeGuard();
        var outputFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in repositoryFiles)
        {
            if (file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                outputFolders.Add(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "obj"));
            }
            else if (Path.GetFileName(file).Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase))
            {
                BestEffort(() => guard._lockFiles[file] = File.ReadAllBytes(file));
            }
        }

        foreach (var folder in outputFolders)
        {
            if (!Directory.Exists(folder))
            {
                guard._absentOutput.Add(folder);
            }
            else
            {
                guard._existingOutput[folder] = new HashSet<string>(Entries(folder), StringComparer.Ordinal);
            }
        }

        return guard;
    }

    public void Dispose()
    {
        foreach (var folder in _absentOutput)
        {
            BestEffort(() =>
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            });
        }

        foreach (var (folder, before) in _existingOutput)
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

        foreach (var (file, bytes) in _lockFiles)
        {
            BestEffort(() =>
            {
                if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))
                {
                    File.WriteAllBytes(file, bytes);
                }
            });
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

    private static void BestEffort(System.Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still in use stays; it is build output, never the user's work.
        }
    }
}
