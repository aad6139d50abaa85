using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertKit.Action.Processes;

namespace CertKit.Action.Scanning;

/// <summary>
/// The .NET Framework reference assemblies a project targeting <c>v4.x</c> compiles against, from the served package
/// <c>Microsoft.NETFramework.ReferenceAssemblies.net4xx</c> (what the SDK itself adds to SDK-style projects off Windows).
/// Found in the NuGet package cache, or restored into it on demand by restoring a throw-away project in a temporary
/// folder (never in the user's tree); the answer is cached for the process.
/// </summary>
internal static partial class NetFrameworkReferenceAssemblies
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, Lazy<Task<Located>>> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// A framework version's reference assemblies: <see cref="Directory"/> (…/build/.NETFramework/v4.6.1, holding
    /// mscorlib.dll and Facades/) and <see cref="SearchRoot"/> (…/build/, a root MSBuild's
    /// <c>TargetFrameworkFallbackSearchPaths</c> accepts); or null with the <see cref="Problem"/>.
    /// </summary>
    internal sealed record Located(string? Directory, string? Problem)
    {
        public string? SearchRoot => Directory is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Directory)!) + Path.DirectorySeparatorChar;
    }

    /// <summary>"v4.6.1" → "net461"; null for what is not a .NET Framework version.</summary>
    public static string? ShortName(string? targetFrameworkVersion)
    {
        var match = targetFrameworkVersion is null ? null : VersionPattern().Match(targetFrameworkVersion.Trim());
        return match is { Success: true } ? "net" + match.Groups[1].Value + match.Groups[2].Value + match.Groups[3].Value : null;
    }

    /// <summary>The reference assemblies of <paramref name="targetFrameworkVersion"/> ("v4.6.1"), restoring the package when the cache lacks it.</summary>
    public static Task<Located> LocateAsync(string targetFrameworkVersion, CancellationToken cancellationToken)
    {
        var version = "v" + targetFrameworkVersion.Trim().TrimStart('v', 'V');
        if (ShortName(version) is not { } shortName)
        {
            return Task.FromResult(new Located(null, $"'{targetFrameworkVersion}' is not a .NET Framework version"));
        }

        // One look-up (and at most one restore) per version and process; a cancelled one is not remembered.
        var lazy = Known.GetOrAdd(version, _ => new Lazy<Task<Located>>(() => FindOrRestoreAsync(version, shortName, cancellationToken)));
        var task = lazy.Value;
        if (task.IsCanceled)
        {
            Known.TryRemove(version, out _);
        }

        return task;
    }

    private static async Task<Located> FindOrRestoreAsync(string version, string shortName, CancellationToken cancellationToken)
    {
        if (FindInCache(PackageCacheFolder(), version, shortName) is { } cached)
        {
            return new Located(cached, null);
        }

        // A throw-away SDK-style project targeting the version: its restore brings the package (and only that) into the cache.
        var folder = Path.Combine(Path.GetTempPath(), "certkit-netfx-" + shortName + "-" + Environment.ProcessId);
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var project = Path.Combine(folder, "restore.csproj");
            await File.WriteAllTextAsync(
                project,
                $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>{shortName}</TargetFramework></PropertyGroup></Project>",
                cancellationToken).ConfigureAwait(false);
            ProcessResult result;
            try
            {
                result = await ProcessRunner.RunAsync("dotnet", ["restore", project, "--verbosity", "quiet"], folder, RestoreTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (CertKitException exception)
            {
                return new Located(null, Unavailable(shortName, exception.Message));
            }

            if (result.ExitCode != 0)
            {
                var output = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var error = output.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? $"dotnet restore exit code {result.ExitCode}";

                // "/tmp/…/restore.csproj : error NU1101: …": the throw-away project's name means nothing to the user.
                var code = error.IndexOf(": error ", StringComparison.Ordinal);
                return new Located(null, Unavailable(shortName, code < 0 ? error : error[(code + ": error ".Length)..]));
            }

            // The restore says where its package folder is (NUGET_PACKAGES, a NuGet.config's globalPackagesFolder …).
            var restoredInto = PackageFolderOf(Path.Combine(folder, "obj", "project.assets.json")) ?? PackageCacheFolder();
            return FindInCache(restoredInto, version, shortName) is { } restored
                ? new Located(restored, null)
                : new Located(null, Unavailable(shortName, "the restore did not bring it"));
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a temp folder left behind is harmless
            }
        }
    }

    private static string Unavailable(string shortName, string why) =>
        $"the .NET Framework reference assemblies (Microsoft.NETFramework.ReferenceAssemblies.{shortName}) could not be restored: {why}";

    /// <summary>The highest cached version's folder of <paramref name="version"/>'s assemblies, or null.</summary>
    private static string? FindInCache(string packageCache, string version, string shortName)
    {
        var package = Path.Combine(packageCache, "microsoft.netframework.referenceassemblies." + shortName);
        if (!System.IO.Directory.Exists(package))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(package)
            .Select(v => (Version: NuGet.Versioning.NuGetVersion.TryParse(Path.GetFileName(v), out var parsed) ? parsed : null, Folder: Path.Combine(v, "build", ".NETFramework", version)))
            .Where(v => v.Version is not null && File.Exists(Path.Combine(v.Folder, "mscorlib.dll")))
            .OrderByDescending(v => v.Version)
            .Select(v => v.Folder)
            .FirstOrDefault();
    }

    private static string PackageCacheFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string? PackageFolderOf(string assetsFile)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(assetsFile));
            return document.RootElement.TryGetProperty("packageFolders", out var folders) ? folders.EnumerateObject().Select(f => f.Name).FirstOrDefault() : null;
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[vV]?([234])\.(\d)(?:\.(\d))?$")]
    private static partial Regex VersionPattern();
}
