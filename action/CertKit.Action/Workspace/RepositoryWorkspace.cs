using CertKit.Action.Scanning;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>What to open: globs relative to the folder, and each file kind's treatment.</summary>
internal sealed record WorkspaceOptions(IReadOnlyList<string>? Include = null, IReadOnlyList<string>? Exclude = null, FileTreatments? Treatments = null);

/// <summary>
/// One view of a repository (a folder, or a commit's extracted snapshot), built once and handed to every command: every
/// file listed once with its language and kind (<see cref="FileClassifier"/>, plus what needs the whole tree: C# test
/// projects, a Node app's build folders, generated-code headers), the C# projects, and what was skipped and why.
/// Scan, check, decide's evidence and endpoints read files from here; none of them lists or classifies files itself.
/// </summary>
internal sealed class RepositoryWorkspace
{
    private readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkspaceFile> byRelativePath;

    private RepositoryWorkspace(
        string directory,
        string sourceRoot,
        bool isGitWorkTree,
        IReadOnlyList<WorkspaceFile> files,
        IReadOnlyList<SkippedFile> skipped,
        int excludedByGlobs,
        IReadOnlyList<string> projectPaths,
        IReadOnlySet<string> testProjects,
        FileTreatments treatments)
    {
        Directory = directory;
        SourceRoot = sourceRoot;
        IsGitWorkTree = isGitWorkTree;
        Files = files;
        Skipped = skipped;
        ExcludedByGlobs = excludedByGlobs;
        ProjectPaths = projectPaths;
        TestProjects = testProjects;
        Treatments = treatments;
        byRelativePath = files.ToDictionary(file => file.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>The opened folder, absolute.</summary>
    public string Directory { get; }

    /// <summary>What reported paths are relative to: the git top level, or <see cref="Directory"/> outside git.</summary>
    public string SourceRoot { get; }

    public bool IsGitWorkTree { get; }

    /// <summary>Every file (what git would track, dependency and build folders left out, --include/--exclude applied), sorted by path.</summary>
    public IReadOnlyList<WorkspaceFile> Files { get; }

    /// <summary>Files and folders never listed, and why (node_modules, links, submodules).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    public int ExcludedByGlobs { get; }

    /// <summary>Every .csproj, absolute, sorted.</summary>
    public IReadOnlyList<string> ProjectPaths { get; }

    /// <summary>The .csproj files (absolute) that are test projects.</summary>
    public IReadOnlySet<string> TestProjects { get; }

    public FileTreatments Treatments { get; }

    /// <summary>How many times a folder's workspace was opened in this process (tests prove a command builds one view, not several); commit snapshots are not counted.</summary>
    public static int OpenCount => openCount;

    private static int openCount;

    public static async Task<RepositoryWorkspace> OpenAsync(string folder, WorkspaceOptions? options, CancellationToken cancellationToken)
    {
        options ??= new WorkspaceOptions();
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!System.IO.Directory.Exists(directory))
        {
            PathChecks.RequireFolder(folder, "the repository folder");
        }

        Interlocked.Increment(ref openCount);
        var topLevel = await Scanning.Git.FindTopLevelAsync(directory, cancellationToken).ConfigureAwait(false);
        var listing = topLevel is null ? null : await Scanning.Git.ListFilesAsync(directory, cancellationToken).ConfigureAwait(false);
        return Build(directory, topLevel, listing, options);
    }

    /// <summary>A commit's extracted snapshot (no git): the whole tree, walked.</summary>
    public static RepositoryWorkspace OpenSnapshot(string folder, WorkspaceOptions? options = null) =>
        Build(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), null, null, options ?? new WorkspaceOptions());

    private static RepositoryWorkspace Build(string directory, string? topLevel, IReadOnlyList<string>? listing, WorkspaceOptions options)
    {
        var sourceRoot = topLevel ?? directory;
        var discovery = FileDiscovery.Discover(directory, sourceRoot, listing, options.Include ?? [], options.Exclude ?? []);
        // Every listed file, also a tracked one deleted from the work tree (the scan reports it as unreadable).
        var present = discovery.Files;
        var projectPaths = present.Where(c => c.FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).Select(c => c.FullPath).Order(StringComparer.Ordinal).ToList();
        var testProjects = new HashSet<string>(projectPaths.Where(Workspace.TestProjects.IsTestProject), StringComparer.Ordinal);
        var nodeApps = new HashSet<string>(
            present.Where(c => Path.GetFileName(c.FullPath) == "package.json").Select(c => Path.GetDirectoryName(c.FullPath)! + Path.DirectorySeparatorChar),
            StringComparer.Ordinal);

        var files = new List<WorkspaceFile>(present.Count);
        foreach (var candidate in present)
        {
            var project = RepositoryScanner.OwningProject(candidate.FullPath, projectPaths);
            files.Add(Classify(candidate, project, testProjects, nodeApps));
        }

        TestOnlyScriptFolders.Apply(files);
        MarkLibraryDemos(files);
        MarkAssemblyCompanions(files);

        return new RepositoryWorkspace(directory, sourceRoot, topLevel is not null, files, discovery.Skipped, discovery.ExcludedByGlobs, projectPaths, testProjects, options.Treatments ?? FileTreatments.Default);
    }

    private static WorkspaceFile Classify(FileDiscovery.Candidate candidate, string? project, HashSet<string> testProjects, HashSet<string> nodeApps)
    {
        var underNodeApp = nodeApps.Any(app => candidate.FullPath.StartsWith(app, StringComparison.Ordinal));
        var byPath = FileClassifier.Classify(candidate.RelativePath, underNodeApp);
        var kind = byPath.Kind;
        var reason = byPath.Reason;
        if (kind == FileKind.Test && byPath.Language == FileLanguage.CSharp && reason == "test file name" && project is not null && !testProjects.Contains(project))
        {
            // In C# the project is the unit that ships: a FooTests.cs inside a shipped project ships with it.
            kind = FileKind.Source;
            reason = string.Empty;
        }

        if (kind is FileKind.Source or FileKind.Configuration && project is not null && testProjects.Contains(project))
        {
            kind = FileKind.Test;
            reason = "test project " + Path.GetFileName(project);
        }

        if (kind is FileKind.Source or FileKind.Test && byPath.Language != FileLanguage.None && ReadHead(candidate.FullPath) is { } head)
        {
            if (FileClassifier.LooksGenerated(head))
            {
                kind = FileKind.Generated;
                reason = "generated-code header or minified";
            }
            else if (kind == FileKind.Source && FileClassifier.VendoredReasonOf(byPath.Language, head) is { } banner)
            {
                kind = FileKind.Vendored;
                reason = banner;
            }
        }

        return new WorkspaceFile(candidate.FullPath, candidate.RelativePath, byPath.Language, kind, reason, project);
    }

    /// <summary>
    /// A library's demo script beside the library (<c>widgets/calendar/calendar-demo.js</c> next to a <c>calendar.js</c>
    /// whose banner names it, or in a vendor folder) is the library's, not the site's: vendored with it.
    /// </summary>
    private static void MarkLibraryDemos(List<WorkspaceFile> files)
    {
        var libraryFolders = new HashSet<string>(
            files.Where(file => file.Kind == FileKind.Vendored && file.Language is FileLanguage.JavaScript or FileLanguage.TypeScript).Select(file => FolderOf(file.RelativePath)),
            StringComparer.Ordinal);
        if (libraryFolders.Count == 0)
        {
            return;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.Kind == FileKind.Source && file.Language is FileLanguage.JavaScript or FileLanguage.TypeScript
                && FileClassifier.IsDemoName(file.RelativePath) && libraryFolders.Contains(FolderOf(file.RelativePath)))
            {
                files[i] = file with { Kind = FileKind.Vendored, KindReason = "demo of the library beside it (a vendored script in the same folder)" };
            }
        }
    }

    /// <summary>
    /// The files a build writes beside a compiled assembly (<c>Foo.xml</c> documentation, <c>Foo.dll.config</c>,
    /// <c>Foo.pdb</c>, <c>Foo.deps.json</c>, <c>Foo.runtimeconfig.json</c> next to <c>Foo.dll</c> or <c>Foo.exe</c>): build
    /// output committed with the assembly, whatever the folder is called (a site's <c>binnew/</c>). Its configuration is a
    /// copy of the project's own, whose findings the scan reports there.
    /// </summary>
    private static void MarkAssemblyCompanions(List<WorkspaceFile> files)
    {
        var assemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (file.RelativePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || file.RelativePath.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            {
                assemblies.Add(file.RelativePath);
            }
        }

        if (assemblies.Count == 0)
        {
            return;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.Kind is FileKind.Configuration or FileKind.Source or FileKind.Documentation && AssemblyBeside(file.RelativePath, assemblies) is { } assembly)
            {
                files[i] = file with { Kind = FileKind.Generated, KindReason = "build output beside its assembly " + assembly };
            }
        }
    }

    private static readonly string[] CompanionSuffixes = [".xml", ".pdb", ".deps.json", ".runtimeconfig.json"];

    private static string? AssemblyBeside(string relativePath, HashSet<string> assemblies)
    {
        // Foo.dll.config, Foo.exe.config: the assembly's name is the file's without .config.
        if (relativePath.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        {
            var assembly = relativePath[..^".config".Length];
            return assemblies.Contains(assembly) ? Path.GetFileName(assembly) : null;
        }

        foreach (var suffix in CompanionSuffixes)
        {
            if (relativePath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var stem = relativePath[..^suffix.Length];
                if (assemblies.Contains(stem + ".dll"))
                {
                    return Path.GetFileName(stem) + ".dll";
                }

                if (assemblies.Contains(stem + ".exe"))
                {
                    return Path.GetFileName(stem) + ".exe";
                }
            }
        }

        return null;
    }

    private static string FolderOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath[..slash];
    }

    /// <summary>The start of a code file (enough for a header, a library's banner, or a minified first line), read without reading the whole file; null when unreadable.</summary>
    private static string? ReadHead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var buffer = new byte[8192];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // the scan reports the file as unreadable
        }
    }

    /// <summary>A file by its path relative to <see cref="SourceRoot"/>, or null.</summary>
    public WorkspaceFile? Find(string relativePath) => byRelativePath.GetValueOrDefault(relativePath.Replace('\\', '/'));

    /// <summary>What the rules do with this file.</summary>
    public KindTreatment TreatmentOf(WorkspaceFile file) => Treatments.Of(file.Kind);

    /// <summary>The text of a listed file (cached), or null when it cannot be read as text.</summary>
    public string? ReadText(string relativePath)
    {
        if (texts.TryGetValue(relativePath, out var cached))
        {
            return cached;
        }

        string? text = null;
        var path = Find(relativePath)?.FullPath ?? Path.Combine(SourceRoot, relativePath);
        if (File.Exists(path))
        {
            text = TextFileReader.Read(path, TextFileReader.DefaultMaxFileSize).Text?.ToString();
        }

        texts[relativePath] = text;
        return text;
    }
}
