namespace CertKit.Action.Git;

/// <summary>
/// The read-only git operations the decision needs, on commits rather than the working tree,
/// so that base and head are read the same way. Every failure becomes a <see cref="CertKitException"/>
/// that says what is missing and, for a shallow clone, how to fetch it.
/// </summary>
public sealed class GitRepository
{
    internal const string ShallowCloneAdvice =
        "the clone is shallow (actions/checkout fetches one commit and no tags by default): check out with fetch-depth: 0";

    private readonly GitCommandRunner git;
    private bool? isShallow;

    private GitRepository(string path, GitCommandRunner git)
    {
        Path = path;
        this.git = git;
    }

    /// <summary>The repository folder as given (a work tree).</summary>
    public string Path { get; }

    /// <summary>Opens a repository, failing clearly when the folder is missing or not a git work tree.</summary>
    public static GitRepository Open(string path, TimeSpan? timeout = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        PathChecks.RequireFolder(path, "repository folder");

        var git = new GitCommandRunner(fullPath, timeout);
        var probe = git.Run("rev-parse", "--is-inside-work-tree");
        if (!probe.Succeeded || probe.StandardOutput.Trim() != "true")
        {
            var detail = probe.Succeeded ? "not inside a work tree" : probe.FirstErrorLine;
            throw new CertKitException($"'{path}' is not a git repository ({detail}); pass --repo DIR");
        }

        return new GitRepository(fullPath, git);
    }

    public bool IsShallow
    {
        get
        {
            isShallow ??= git.Run("rev-parse", "--is-shallow-repository").StandardOutput.Trim() == "true";
            return isShallow.Value;
        }
    }

    /// <summary>The full commit id a ref names, or null when there is no such ref or commit.</summary>
    public string? TryResolveCommit(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.StartsWith('-'))
        {
            return null;
        }

        var result = git.Run("rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The commit a ref names; a missing ref is a user error that names the ref (and the shallow-clone fix when it applies).</summary>
    public string ResolveCommit(string reference, string role)
    {
        var commit = TryResolveCommit(reference);
        if (commit is not null)
        {
            return commit;
        }

        var message = $"{role} ref '{reference}' was not found in {Path}";
        if (!git.Run("rev-parse", "--verify", "--quiet", "HEAD").Succeeded && Checked("for-each-ref", "--count=1").Length == 0)
        {
            message += ": the repository has no commits yet";
        }
        else if (IsShallow)
        {
            message += $": {ShallowCloneAdvice}";
        }
        else if (role == "base")
        {
            message += " (fetch the base branch, e.g. git fetch origin " + reference + ")";
        }

        throw new CertKitException(message);
    }

    /// <summary>The tags that point at a commit.</summary>
    public IReadOnlyList<string> TagsPointingAt(string commit) => Lines(Checked("tag", "--list", "--points-at", commit));

    /// <summary>The tags whose commits are reachable from a commit (its history, itself included).</summary>
    public IReadOnlyList<string> TagsReachableFrom(string commit) => Lines(Checked("tag", "--list", "--merged", commit));

    /// <summary>The commit a tag points at (peeling annotated tags).</summary>
    public string? TryTagCommit(string tag) => TryResolveCommit("refs/tags/" + tag);

    /// <summary>Every file path in a commit's tree.</summary>
    public IReadOnlyList<string> ListFiles(string commit)
    {
        var output = Checked("ls-tree", "-r", "-z", "--name-only", "--full-tree", commit);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A file's text at a commit, or null when the file is not there.</summary>
    public string? TryReadFile(string commit, string path)
    {
        var result = git.Run("cat-file", "blob", $"{commit}:{path}");
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>
    /// The files changed on <paramref name="head"/> since it left <paramref name="baseCommit"/>
    /// (from their merge base, like a pull request's diff), both sides of a rename included.
    /// </summary>
    public IReadOnlyList<string> ChangedFiles(string baseCommit, string head)
    {
        var mergeBase = git.Run("merge-base", baseCommit, head);
        if (!mergeBase.Succeeded)
        {
            var message = $"commits {Short(baseCommit)} and {Short(head)} have no common history";
            throw new CertKitException(IsShallow ? $"{message}: {ShallowCloneAdvice}" : message);
        }

        var output = Checked("diff", "--name-only", "-z", "--no-renames", mergeBase.StandardOutput.Trim(), head);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Paths under a commit whose content matches an extended regular expression (git grep, one process).</summary>
    public IReadOnlyList<string> FilesContaining(string commit, string extendedRegex, string pathSpec)
    {
        var result = git.Run("grep", "-l", "-I", "-E", "-e", extendedRegex, commit, "--", pathSpec);
        // git grep exits 1 when nothing matched.
        if (result.ExitCode == 1 && result.StandardError.Length == 0)
        {
            return [];
        }

        if (!result.Succeeded)
        {
            throw new CertKitException($"git grep failed in {Path}: {result.FirstErrorLine}");
        }

        var prefix = commit + ":";
        return Lines(result.StandardOutput)
            .Select(line => line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : line)
            .ToList();
    }

    internal static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private string Checked(params string[] arguments)
    {
        var result = git.Run(arguments);
        if (!result.Succeeded)
        {
            throw new CertKitException($"git {arguments[0]} failed in {Path}: {result.FirstErrorLine}");
        }

        return result.StandardOutput;
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
