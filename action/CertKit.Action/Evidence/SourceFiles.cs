using CertKit.Action.Scanning;

namespace CertKit.Action.Evidence;

/// <summary>
/// The files the evidence readers look at: in a git work tree what git lists (so .gitignore is respected), elsewhere (a
/// commit's extracted snapshot) a walk that never follows links; dependency and build-output folders are always left out.
/// </summary>
internal static class SourceFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "node_modules", "bin", "obj", ".git" };

    internal sealed record File(string FullPath, string RelativePath);

    /// <param name="folder">The folder to list (absolute).</param>
    /// <param name="root">What reported paths are relative to.</param>
    /// <param name="gitListing">Paths relative to <paramref name="folder"/> from git, or null to walk.</param>
    public static List<File> List(string folder, string root, IReadOnlyList<string>? gitListing, Func<string, bool> wanted)
    {
        var files = new List<File>();
        if (gitListing is not null)
        {
            foreach (var path in gitListing)
            {
                var normalized = path.Replace('\\', '/');
                if (wanted(normalized) && !normalized.Split('/').SkipLast(1).Any(SkippedFolders.Contains))
                {
                    var full = Path.GetFullPath(Path.Combine(folder, normalized));
                    if (System.IO.File.Exists(full))
                    {
                        files.Add(new File(full, Relative(root, full)));
                    }
                }
            }
        }
        else
        {
            Walk(new DirectoryInfo(folder), root, wanted, files);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    public static string Relative(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static void Walk(DirectoryInfo directory, string root, Func<string, bool> wanted, List<File> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is DirectoryInfo child)
            {
                if (!SkippedFolders.Contains(child.Name))
                {
                    Walk(child, root, wanted, files);
                }
            }
            else if (wanted(entry.Name))
            {
                files.Add(new File(entry.FullName, Relative(root, entry.FullName)));
            }
        }
    }
}
