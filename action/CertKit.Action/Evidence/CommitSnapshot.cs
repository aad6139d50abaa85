using System.Formats.Tar;
using CertKit.Action.Git;

namespace CertKit.Action.Evidence;

/// <summary>
/// A commit's files in a temporary folder (<c>git archive</c>, extracted): what the evidence readers look at, so the
/// work tree is never touched. Deleted on dispose.
/// </summary>
internal sealed class CommitSnapshot : IDisposable
{
    private static readonly TimeSpan ArchiveTimeout = TimeSpan.FromMinutes(2);

    private CommitSnapshot(string folder, string label)
    {
        Folder = folder;
        Label = label;
    }

    /// <summary>The root of the extracted tree (the repository's top level at the commit).</summary>
    public string Folder { get; }

    /// <summary>How reasons name the commit ("base main", "head HEAD").</summary>
    public string Label { get; }

    public static CommitSnapshot Extract(string repositoryTopLevel, string commit, string label)
    {
        var folder = Directory.CreateTempSubdirectory("certkit-evidence-").FullName;
        try
        {
            var archive = Path.Combine(folder, ".certkit-snapshot.tar");
            var tree = Path.Combine(folder, "tree");
            var result = new GitCommandRunner(repositoryTopLevel, ArchiveTimeout).Run("archive", "--format=tar", "-o", archive, commit);
            if (!result.Succeeded)
            {
                throw new CertKitException($"could not read {label} ({GitRepository.Short(commit)}): {result.FirstErrorLine}");
            }

            Directory.CreateDirectory(tree);
            TarFile.ExtractToDirectory(archive, tree, overwriteFiles: false);
            File.Delete(archive);
            return new CommitSnapshot(tree, label);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
        }
        catch (IOException)
        {
            // a file still open (an MSBuild node) only leaves a temp folder behind
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
