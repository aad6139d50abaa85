using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertKit.Action.Scanning;

/// <summary>
/// Design-time results on disk (<c>--cache-dir</c>), one file per project, keyed by a hash of everything the design-time
/// build reads that a commit can change: the project file, every build file of the repository (<c>*.props</c>,
/// <c>*.targets</c>, <c>global.json</c>, <c>NuGet.config</c>), the list of files in the project's folder (the SDK's
/// globs), the SDK and this certkit build. A second scan of the same commit skips restore and design-time builds for
/// every project whose key matches and whose references are still on disk. A project MSBuild could not load is
/// remembered too, for a day (an SDK or feed may come back): a later scan under the same key restores it, for the
/// fallback's package references, but does not ask MSBuild again.
/// </summary>
internal sealed class DesignTimeCache
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _folder;

    public DesignTimeCache(string folder)
    {
        _folder = Path.Combine(Path.GetFullPath(folder), "design-time");
    }

    /// <summary>How long a project MSBuild could not load is remembered.</summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// What one cache file holds: the key it was stored under and the project's design-time closure, or why MSBuild could
    /// not load it (<paramref name="Problem"/>, with an empty closure) and when.
    /// </summary>
    /// <param name="MissingWhenStored">
    /// Referenced files that did not exist when the result was stored (an analyzer project's output that the design-time
    /// build names but never builds): their absence later is no change.
    /// </param>
    internal sealed record Entry(string Key, string Primary, IReadOnlyList<DesignTimeProject> Closure, string? Problem = null, DateTimeOffset? FailedAt = null, IReadOnlyList<string>? MissingWhenStored = null)
    {
        public static Entry Failure(string key, string problem) => new(key, string.Empty, [], problem, DateTimeOffset.UtcNow);

        /// <summary>A loaded project's result, noting which of the files it reads are absent now.</summary>
        public static Entry Loaded(string key, string primary, IReadOnlyList<DesignTimeProject> closure) =>
            new(key, primary, closure, MissingWhenStored: closure.SelectMany(p => p.FilesOnDisk()).Where(path => !File.Exists(path)).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The cached closure of <paramref name="projectPath"/> when stored under <paramref name="key"/> and still usable.</summary>
    public Entry? TryGet(string projectPath, string key)
    {
        var file = FileFor(projectPath);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllBytes(file), Json);
            if (entry is null || entry.Key != key)
            {
                return null;
            }

            if (entry.Problem is not null)
            {
                return entry.FailedAt is { } failedAt && DateTimeOffset.UtcNow - failedAt < FailureLifetime ? entry : null;
            }

            if (entry.Closure.Count == 0)
            {
                return null;
            }

            // Packages cleaned from the NuGet cache, an SDK removed: the design-time result no longer describes this machine.
            var missingBefore = new HashSet<string>(entry.MissingWhenStored ?? [], StringComparer.Ordinal);
            return entry.Closure.SelectMany(p => p.FilesOnDisk()).All(path => missingBefore.Contains(path) || File.Exists(path)) ? entry : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores the closure; a cache that cannot be written only costs the next run time, so failures are ignored.</summary>
    public void Store(string projectPath, Entry entry) =>
        CacheFiles.WriteAtomically(FileFor(projectPath), JsonSerializer.SerializeToUtf8Bytes(entry, Json));

    /// <summary>The key of one project: <paramref name="buildInputsHash"/> (the repository's build files), its project file and its folder's listing.</summary>
    public static string KeyFor(string projectPath, string buildInputsHash, IEnumerable<string> filesInProjectFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CacheFiles.AppendField(hash, "certkit-design-time/" + FormatVersion);
        CacheFiles.AppendField(hash, buildInputsHash);
        CacheFiles.AppendField(hash, projectPath);
        hash.AppendData(File.ReadAllBytes(projectPath));
        foreach (var file in filesInProjectFolder.Order(StringComparer.Ordinal))
        {
            CacheFiles.AppendField(hash, file);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A hash of the build files every project may import, the SDK in use and this certkit build.</summary>
    public static string BuildInputsHash(IEnumerable<string> repositoryFiles, string sdk)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CacheFiles.AppendField(hash, sdk);
        CacheFiles.AppendField(hash, typeof(DesignTimeCache).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var file in repositoryFiles.Where(IsBuildFile).Order(StringComparer.Ordinal))
        {
            CacheFiles.AppendField(hash, file);
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                CacheFiles.AppendField(hash, "unreadable");
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Files MSBuild may import into any project: they widen a pull request's scan and key every cached result.</summary>
    public static bool IsBuildFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
            || name.Equals("global.json", StringComparison.OrdinalIgnoreCase)
            || name.Equals("NuGet.config", StringComparison.OrdinalIgnoreCase);
    }

    private string FileFor(string projectPath) =>
        Path.Combine(_folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(projectPath)))[..32] + ".json");
}
