namespace CertKit.Action.Scanning;

/// <summary>
/// Keeps certkit's restores and design-time builds from leaving output in the user's tree: it notes which project
/// folders have no <c>obj/</c> yet, and on disposal removes the <c>obj/</c> folders that appeared meanwhile (restore's
/// assets file, design-time intermediates). An <c>obj/</c> that was there before (the user's own build) is left alone.
/// </summary>
internal sealed class CreatedOutputFolders : IDisposable
{
    private readonly List<string> _absent;

    private CreatedOutputFolders(List<string> absent)
    {
        _absent = absent;
    }

    /// <summary>Starts watching the <c>obj/</c> folders of <paramref name="projectPaths"/> (full paths of project files).</summary>
    public static CreatedOutputFolders Watch(IEnumerable<string> projectPaths) =>
        new(projectPaths
            .Select(p => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(p))!, "obj"))
            .Distinct(StringComparer.Ordinal)
            .Where(folder => !Directory.Exists(folder))
            .ToList());

    public void Dispose()
    {
        foreach (var folder in _absent)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: a folder still in use stays; it is build output, never the user's work.
            }
        }
    }
}
