namespace CertKit.Action;

/// <summary>
/// Checks a path given on the command line before any work starts, with a message that says what the path is: missing,
/// a folder where a file was expected (or the reverse), or a place that cannot be written.
/// </summary>
public static class PathChecks
{
    /// <summary>An existing file; <paramref name="what"/> names it in the message ("policy file").</summary>
    public static void RequireFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CertKitException($"{what} '{path}' is a folder, not a file");
        }

        if (!File.Exists(path))
        {
            throw new CertKitException($"{what} '{path}' does not exist");
        }
    }

    /// <summary>An existing folder; <paramref name="what"/> names it in the message ("the folder to scan").</summary>
    public static void RequireFolder(string path, string what)
    {
        if (File.Exists(path))
        {
            throw new CertKitException($"{what} '{path}' is a file, not a folder");
        }

        if (!Directory.Exists(path))
        {
            throw new CertKitException($"{what} '{path}' does not exist");
        }
    }

    /// <summary>
    /// A file that can be created or replaced: not a folder, under folders that exist or can be created, in a folder this
    /// process may write to. Probes by creating (and deleting) a file beside it, since permissions alone do not say
    /// (root, read-only mounts, ACLs).
    /// </summary>
    public static void RequireWritableFile(string path, string what)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new CertKitException($"{what} '{path}' is a folder, not a file");
        }

        var folder = Path.GetDirectoryName(fullPath);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                throw new CertKitException($"{what} '{path}' cannot be written: '{folder}' is a file, not a folder");
            }

            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            throw new CertKitException($"{what} '{path}' cannot be written: none of its folders exists");
        }

        var probe = Path.Combine(folder, $".certkit-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CertKitException($"{what} '{path}' cannot be written: the folder '{folder}' is not writable ({exception.Message})");
        }

        if (File.Exists(fullPath) && new FileInfo(fullPath).IsReadOnly)
        {
            throw new CertKitException($"{what} '{path}' cannot be written: the file is read-only");
        }
    }
}
