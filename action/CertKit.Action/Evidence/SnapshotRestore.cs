using System.Security;
using System.Text;
using CertKit.Action.Processes;

namespace CertKit.Action.Evidence;

/// <summary>
/// Restores every project of a commit's snapshot in one <c>dotnet restore</c> of a temporary .slnx at the snapshot's root
/// (NuGet restores a solution's projects in parallel, one process starts instead of one per project, and the repository's
/// NuGet.config still applies), so that the scan's project loader finds them restored. A failed restore is not an error
/// here: the loader retries per project and reports why it could not.
/// </summary>
internal static class SnapshotRestore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task RestoreAsync(string root, IReadOnlyList<string> projects, CancellationToken cancellationToken)
    {
        var pending = projects.Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json"))).ToList();
        if (pending.Count < 2)
        {
            return; // one project: the loader's own restore is the same work
        }

        var folder = root;
        var solution = Path.Combine(folder, "certkit-evidence-" + Guid.NewGuid().ToString("N")[..8] + ".slnx");
        try
        {
            var text = new StringBuilder("<Solution>\n");
            foreach (var project in pending)
            {
                text.Append("  <Project Path=\"").Append(SecurityElement.Escape(Path.GetRelativePath(folder, project).Replace('\\', '/'))).Append("\" />\n");
            }

            await File.WriteAllTextAsync(solution, text.Append("</Solution>\n").ToString(), cancellationToken).ConfigureAwait(false);
            await ProcessRunner.RunAsync("dotnet", ["restore", solution, "--verbosity", "quiet"], folder, Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (CertKitException)
        {
            // the loader restores (and reports) project by project
        }
        finally
        {
            File.Delete(solution);
        }
    }
}
