using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence;

/// <summary>
/// Which projects' public API can have changed between two commits: a project is read only when a file under its folder
/// changed, other than a version-only edit of its project file (the usual release commit), or when a shared build file
/// (<c>*.props</c>, <c>*.targets</c>, <c>global.json</c>) changed beyond its version. The others have the same sources at
/// both commits, so the same surface, and loading them (restore and design-time build, twice) would only cost time.
/// </summary>
internal static partial class ChangedProjects
{
    /// <param name="changedFiles">Paths changed between the commits, relative to the repository root.</param>
    /// <returns>A predicate over project paths relative to the root.</returns>
    public static Func<string, bool> Filter(IReadOnlyList<string> changedFiles, string baseRoot, string headRoot)
    {
        var relevant = changedFiles.Where(path => !IsVersionOnlyChange(path, baseRoot, headRoot)).ToList();
        if (relevant.Any(IsSharedBuildFile))
        {
            return _ => true;
        }

        return project =>
        {
            var folder = project.Contains('/') ? project[..(project.LastIndexOf('/') + 1)] : string.Empty;
            return relevant.Any(path => path.StartsWith(folder, StringComparison.Ordinal));
        };
    }

    private static bool IsSharedBuildFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
            || name.Equals("global.json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsVersionOnlyChange(string path, string baseRoot, string headRoot)
    {
        if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !IsSharedBuildFile(path))
        {
            return false;
        }

        var before = Path.Combine(baseRoot, path);
        var after = Path.Combine(headRoot, path);
        if (!File.Exists(before) || !File.Exists(after) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return VersionElement().Replace(File.ReadAllText(before), string.Empty) == VersionElement().Replace(File.ReadAllText(after), string.Empty);
    }

    [GeneratedRegex(@"<(Version|VersionPrefix|VersionSuffix|PackageVersion|AssemblyVersion|FileVersion|InformationalVersion)>[^<]*</\1>")]
    private static partial Regex VersionElement();
}
