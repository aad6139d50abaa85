using Microsoft.Extensions.FileSystemGlobbing;

namespace CertKit.Action.Scanning;

/// <summary>
/// Lists the files a scan looks at: in a git work tree what git would track (<c>git ls-files</c>, so .gitignore is
/// respected), elsewhere a walk of the tree. Dependency and build-output folders are always left out, symbolic links to
/// folders are never followed (no loops), and --include/--exclude globs apply to paths relative to the scanned folder.
/// </summary>
internal static class FileDiscovery
{
    /// <summary>Folders never scanned: installed dependencies, build output, git's own store.</summary>
    public static readonly IReadOnlySet<string> AlwaysSkippedFolders =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "node_modules", "bin", "obj", ".git" };

    internal sealed record Candidate(string FullPath, string RelativePath);

    internal sealed record Result(IReadOnlyList<Candidate> Files, IReadOnlyList<SkippedFile> Skipped, int ExcludedByGlobs);

    /// <param name="directory">The scanned folder (absolute).</param>
    /// <param name="sourceRoot">The folder reported paths are relative to (the git top level, or the scanned folder).</param>
    /// <param name="gitListing">Paths relative to <paramref name="directory"/> from git, or null to walk the tree.</param>
    public static Result Discover(string directory, string sourceRoot, IReadOnlyList<string>? gitListing, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        if (include.Count == 0)
        {
            matcher.AddInclude("**/*");
        }
        else
        {
            matcher.AddIncludePatterns(include);
        }

        matcher.AddExcludePatterns(exclude);

        var skipped = new List<SkippedFile>();
        var skippedFolders = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<Candidate>();
        var excluded = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Consider(string relativeToDirectory)
        {
            var normalized = relativeToDirectory.Replace('\\', '/');
            if (!seen.Add(normalized))
            {
                return;
            }

            var fullPath = Path.GetFullPath(Path.Combine(directory, normalized));
            var reported = RelativeTo(sourceRoot, fullPath);
            var folder = SkippedFolderOf(normalized);
            if (folder is not null)
            {
                var reportedFolder = RelativeTo(sourceRoot, Path.Combine(directory, folder)) + "/";
                if (skippedFolders.Add(reportedFolder))
                {
                    skipped.Add(new SkippedFile(reportedFolder, "dependency, build output or git folder (always skipped)"));
                }

                return;
            }

            if (!matcher.Match(normalized).HasMatches)
            {
                excluded++;
                return;
            }

            var linkProblem = SymbolicLinkProblem(fullPath);
            if (linkProblem is not null)
            {
                skipped.Add(new SkippedFile(reported, linkProblem));
                return;
            }

            if (Directory.Exists(fullPath))
            {
                // A submodule or nested repository: git lists it as one entry.
                skipped.Add(new SkippedFile(reported + "/", "nested git repository or submodule (not scanned)"));
                return;
            }

            files.Add(new Candidate(fullPath, reported));
        }

        if (gitListing is not null)
        {
            foreach (var path in gitListing)
            {
                Consider(path);
            }
        }
        else
        {
            Walk(directory, directory, Consider, skipped, sourceRoot, skippedFolders);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new Result(files, skipped, excluded);
    }

    public static string RelativeTo(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static string? SkippedFolderOf(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (AlwaysSkippedFolders.Contains(segments[i]))
            {
                return string.Join('/', segments, 0, i + 1);
            }
        }

        return null;
    }

    /// <summary>Why a path that is a symbolic link is not scanned, or null when it is not a link or points at a readable file.</summary>
    private static string? SymbolicLinkProblem(string fullPath)
    {
        FileSystemInfo info = Directory.Exists(fullPath) ? new DirectoryInfo(fullPath) : new FileInfo(fullPath);
        if (info.LinkTarget is null)
        {
            return null;
        }

        FileSystemInfo? target;
        try
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            // ELOOP: the chain of links never reaches a file.
            return "symbolic link loop (not followed)";
        }

        if (target is null || !target.Exists)
        {
            return "broken symbolic link";
        }

        if (target is DirectoryInfo || Directory.Exists(target.FullName))
        {
            return "symbolic link to a folder (not followed)";
        }

        return null;
    }

    private static void Walk(string directory, string current, Action<string> consider, List<SkippedFile> skipped, string sourceRoot, HashSet<string> skippedFolders)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(current).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(RelativeTo(sourceRoot, current) + "/", "unreadable folder: " + exception.Message));
            return;
        }

        foreach (var entry in entries)
        {
            var relative = Path.GetRelativePath(directory, entry.FullName).Replace('\\', '/');
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                if (AlwaysSkippedFolders.Contains(entry.Name))
                {
                    var reportedFolder = RelativeTo(sourceRoot, entry.FullName) + "/";
                    if (skippedFolders.Add(reportedFolder))
                    {
                        skipped.Add(new SkippedFile(reportedFolder, "dependency, build output or git folder (always skipped)"));
                    }

                    continue;
                }

                Walk(directory, entry.FullName, consider, skipped, sourceRoot, skippedFolders);
            }
            else
            {
                // Files, and symbolic links of any kind: links to folders are reported, never entered.
                consider(relative);
            }
        }
    }
}
