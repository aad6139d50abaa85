namespace CertKit.Action.Scanning;

/// <summary>
/// Keeps certkit's restore from rewriting the user's NuGet lock files: a project with
/// <c>RestorePackagesWithLockFile</c> gets its <c>packages.lock.json</c> rewritten by any restore that resolves
/// differently (an SDK or a feed missing here), which would leave a scan's work tree dirty and slip into the next commit.
/// The lock files' bytes are kept before the restore and written back, where they changed, on disposal.
/// </summary>
internal sealed class KeptLockFiles : IDisposable
{
    private readonly Dictionary<string, byte[]> _kept;

    private KeptLockFiles(Dictionary<string, byte[]> kept)
    {
        _kept = kept;
    }

    /// <summary>Keeps every <c>packages.lock.json</c> among <paramref name="repositoryFiles"/> (full paths).</summary>
    public static KeptLockFiles Keep(IEnumerable<string> repositoryFiles)
    {
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in repositoryFiles)
        {
            if (Path.GetFileName(file).Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    kept[file] = File.ReadAllBytes(file);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        return new KeptLockFiles(kept);
    }

    public void Dispose()
    {
        foreach (var (file, bytes) in _kept)
        {
            try
            {
                if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))
                {
                    File.WriteAllBytes(file, bytes);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
