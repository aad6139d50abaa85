using CertKit.Action.Evidence.ConnectManifest;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Readiness;

/// <summary>
/// The repository the checks judge, read once and shared: its files (what git would track, dependency and build folders
/// left out), their text, the <c>connect.yaml</c> manifest and the scan's findings, each loaded on first use.
/// </summary>
internal sealed class CheckContext
{
    private readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);
    private readonly Func<CancellationToken, Task<ScanReport>> scan;
    private Task<ScanReport>? scanTask;
    private ConnectManifest? manifest;
    private bool manifestRead;

    private CheckContext(RepositoryWorkspace workspace, IReadOnlyList<string> files, Func<CancellationToken, Task<ScanReport>> scan)
    {
        Workspace = workspace;
        Root = workspace.Directory;
        IsGitWorkTree = workspace.IsGitWorkTree;
        Files = files;
        this.scan = scan;
    }

    /// <summary>The one view of the repository every check (and the scan they share) reads.</summary>
    public RepositoryWorkspace Workspace { get; }

    /// <summary>The repository folder, absolute.</summary>
    public string Root { get; }

    /// <summary>Whether <see cref="Root"/> is inside a git work tree.</summary>
    public bool IsGitWorkTree { get; }

    /// <summary>How the dependencies check reaches advisory data (a seam for tests that serve it locally).</summary>
    public DependencyTools DependencyTools { get; set; } = DependencyTools.Default;

    /// <summary>Every file, relative to <see cref="Root"/> with forward slashes, sorted.</summary>
    public IReadOnlyList<string> Files { get; }


    /// <param name="scan">The scan the checks share, or null to run one over the same workspace when a check first asks.</param>
    public static async Task<CheckContext> OpenAsync(string directory, CancellationToken cancellationToken, Func<CancellationToken, Task<ScanReport>>? scan = null, FileTreatments? treatments = null)
    {
        if (File.Exists(directory))
        {
            throw new CertKitException($"'{directory}' is a file; give the repository's folder");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(root))
        {
            throw new CertKitException($"the folder '{directory}' does not exist");
        }

        var workspace = await RepositoryWorkspace.OpenAsync(root, new WorkspaceOptions(Treatments: treatments), cancellationToken).ConfigureAwait(false);
        return Open(workspace, scan);
    }

    /// <summary>Checks over an opened workspace (the Action shares one with its scan).</summary>
    public static CheckContext Open(RepositoryWorkspace workspace, Func<CancellationToken, Task<ScanReport>>? scan = null)
    {
        // Checks name files relative to the checked folder (the workspace's are relative to the git top level).
        var files = workspace.Files.Where(file => File.Exists(file.FullPath)).Select(file => FileDiscovery.RelativeTo(workspace.Directory, file.FullPath)).ToList();
        scan ??= token => new RepositoryScanner().ScanAsync(workspace, new ScanSettings(workspace.Directory), new ScanTimings(), token);
        return new CheckContext(workspace, files, scan);
    }

    /// <summary>The workspace's file for a path relative to <see cref="Root"/>, or null.</summary>
    public WorkspaceFile? FileAt(string relativePath) =>
        Workspace.Find(FileDiscovery.RelativeTo(Workspace.SourceRoot, Path.Combine(Root, relativePath)));

    /// <summary>The text of a repository file, or null when it does not exist or cannot be read as text.</summary>
    public string? ReadText(string relativePath)
    {
        if (texts.TryGetValue(relativePath, out var cached))
        {
            return cached;
        }

        string? text = null;
        var path = Path.Combine(Root, relativePath);
        if (File.Exists(path))
        {
            var outcome = TextFileReader.Read(path, TextFileReader.DefaultMaxFileSize);
            text = outcome.Text?.ToString();
        }

        texts[relativePath] = text;
        return text;
    }

    /// <summary>Files whose name (not path) matches, in any folder.</summary>
    public IEnumerable<string> FilesNamed(Func<string, bool> name) => Files.Where(file => name(file[(file.LastIndexOf('/') + 1)..]));

    /// <summary>Files under a folder (relative, no trailing slash).</summary>
    public IEnumerable<string> FilesUnder(string folder) => Files.Where(file => file.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>The README at the root (README.md, readme.md, README), or null.</summary>
    public string? Readme => Files.FirstOrDefault(file => !file.Contains('/') && (file.Equals("README.md", StringComparison.OrdinalIgnoreCase) || file.Equals("README", StringComparison.OrdinalIgnoreCase) || file.Equals("README.markdown", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The root <c>connect.yaml</c>, or null when there is none; YAML that does not parse is a <see cref="CertKitException"/>.</summary>
    public ConnectManifest? TryManifest()
    {
        if (!manifestRead)
        {
            manifest = ConnectManifestReader.Read(Root);
            manifestRead = true;
        }

        return manifest;
    }

    /// <summary>The root <c>connect.yaml</c>; its absence is a user error (the repository is not a Connect repository).</summary>
    public ConnectManifest Manifest() =>
        TryManifest() ?? throw new CertKitException($"no {ConnectManifest.FileName} in '{Root}': a commercetools Connect repository must contain a configured {ConnectManifest.FileName} in its root directory");

    /// <summary>The CertKit scan of the repository, run once and shared by every check that reads findings.</summary>
    public Task<ScanReport> ScanAsync(CancellationToken cancellationToken) => scanTask ??= scan(cancellationToken);

    /// <summary>The shared scan when a check ran it (and it completed), else null.</summary>
    public ScanReport? ScanIfRun => scanTask is { IsCompletedSuccessfully: true } task ? task.Result : null;
}
