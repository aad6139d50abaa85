using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertKit.Action.Scanning;

/// <summary>
/// A non-SDK ("legacy") .NET Framework project file, read as XML without MSBuild: its target framework version, its
/// <c>&lt;Compile&gt;</c> items, its <c>&lt;Reference&gt;</c>s (framework assemblies by name, others by
/// <c>&lt;HintPath&gt;</c>) and the packages of its <c>packages.config</c>. What an ad-hoc compilation needs to compile
/// such a project like its build would, when MSBuild cannot load it.
/// </summary>
internal sealed partial class LegacyProject
{
    private LegacyProject(string path, string targetFrameworkVersion, IReadOnlyList<string> compileFiles, IReadOnlyList<(string Name, string? HintPath)> references, IReadOnlyList<(string Id, string Version)> packages)
    {
        Path = path;
        TargetFrameworkVersion = targetFrameworkVersion;
        CompileFiles = compileFiles;
        References = references;
        Packages = packages;
    }

    public string Path { get; }

    /// <summary>"v4.6.1"; MSBuild's default v4.0 when the project does not say.</summary>
    public string TargetFrameworkVersion { get; }

    /// <summary>Full paths of the C# files its <c>&lt;Compile Include&gt;</c> items name (wildcards expanded).</summary>
    public IReadOnlyList<string> CompileFiles { get; }

    /// <summary>Assembly names and, when given, the hint path (full) of each <c>&lt;Reference&gt;</c>.</summary>
    public IReadOnlyList<(string Name, string? HintPath)> References { get; }

    /// <summary>The packages of its packages.config.</summary>
    public IReadOnlyList<(string Id, string Version)> Packages { get; }

    /// <summary>The legacy project at <paramref name="projectPath"/>, or null when it is SDK-style or not a readable project file.</summary>
    public static LegacyProject? Read(string projectPath)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectPath);
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "Project" || IsSdkStyle(root))
        {
            return null;
        }

        var folder = System.IO.Path.GetDirectoryName(projectPath)!;
        var elements = root.Descendants().ToList();
        var version = elements
            .Where(e => e.Name.LocalName == "TargetFrameworkVersion" && !e.Value.Contains("$(", StringComparison.Ordinal))
            .Select(e => e.Value.Trim())
            .FirstOrDefault(v => NetFrameworkReferenceAssemblies.ShortName(v) is not null) ?? "v4.0";

        var compile = new List<string>();
        foreach (var item in elements.Where(e => e.Name.LocalName == "Compile"))
        {
            compile.AddRange(Expand(folder, (string?)item.Attribute("Include"), (string?)item.Attribute("Exclude")));
        }

        var references = elements
            .Where(e => e.Name.LocalName == "Reference" && e.Attribute("Include") is not null)
            .Select(e => (
                Name: ((string)e.Attribute("Include")!).Split(',')[0].Trim(),
                HintPath: e.Elements().FirstOrDefault(h => h.Name.LocalName == "HintPath") is { } hint ? FullPath(folder, hint.Value.Trim()) : null))
            .ToList();

        return new LegacyProject(projectPath, version, compile.Distinct(StringComparer.Ordinal).ToList(), references, ReadPackagesConfig(System.IO.Path.Combine(folder, "packages.config")));
    }

    /// <summary>
    /// The assemblies the project compiles against: the framework's (mscorlib, System, System.Core, each framework
    /// <c>&lt;Reference&gt;</c>, the Facades) from <paramref name="frameworkDirectory"/> when there is one, hint paths that
    /// exist, and each packages.config package's best <c>lib/</c> folder in a <c>packages/</c> folder above the project.
    /// </summary>
    public IReadOnlyList<string> ReferencePaths(string? frameworkDirectory)
    {
        var paths = new List<string>();
        if (frameworkDirectory is not null)
        {
            foreach (var name in new[] { "mscorlib", "System", "System.Core" }.Concat(References.Where(r => r.HintPath is null || !File.Exists(r.HintPath)).Select(r => r.Name)))
            {
                var file = System.IO.Path.Combine(frameworkDirectory, name + ".dll");
                if (File.Exists(file))
                {
                    paths.Add(file);
                }
            }

            var facades = System.IO.Path.Combine(frameworkDirectory, "Facades");
            if (Directory.Exists(facades))
            {
                paths.AddRange(Directory.EnumerateFiles(facades, "*.dll").Order(StringComparer.Ordinal));
            }
        }

        paths.AddRange(References.Select(r => r.HintPath).OfType<string>().Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p)));
        var packagesFolder = FindPackagesFolder(System.IO.Path.GetDirectoryName(Path)!);
        if (packagesFolder is not null)
        {
            var target = FrameworkNumber(NetFrameworkReferenceAssemblies.ShortName(TargetFrameworkVersion)![3..]);
            foreach (var (id, version) in Packages)
            {
                var lib = System.IO.Path.Combine(packagesFolder, id + "." + version, "lib");
                if (BestLibFolder(lib, target) is { } best)
                {
                    paths.AddRange(Directory.EnumerateFiles(best, "*.dll").Order(StringComparer.Ordinal));
                }
            }
        }

        // One assembly once: a hint path and a package's lib folder usually name the same file.
        return paths.Select(p => System.IO.Path.GetFullPath(p)).Distinct(StringComparer.Ordinal)
            .GroupBy(p => System.IO.Path.GetFileName(p), StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
    }

    private static bool IsSdkStyle(XElement root) =>
        root.Attribute("Sdk") is not null
        || root.Elements().Any(e => e.Name.LocalName == "Sdk" || (e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null));

    private static IEnumerable<string> Expand(string folder, string? include, string? exclude)
    {
        if (string.IsNullOrWhiteSpace(include) || include.Contains("$(", StringComparison.Ordinal) || include.Contains("@(", StringComparison.Ordinal))
        {
            yield break;
        }

        var patterns = Split(include);
        if (!patterns.Any(p => p.Contains('*', StringComparison.Ordinal) || p.Contains('?', StringComparison.Ordinal)))
        {
            foreach (var pattern in patterns)
            {
                yield return FullPath(folder, pattern);
            }

            yield break;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns)
        {
            matcher.AddInclude(pattern.Replace('\\', '/'));
        }

        foreach (var pattern in Split(exclude))
        {
            matcher.AddExclude(pattern.Replace('\\', '/'));
        }

        foreach (var file in matcher.GetResultsInFullPath(folder))
        {
            yield return System.IO.Path.GetFullPath(file);
        }
    }

    private static string[] Split(string? items) =>
        (items ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string FullPath(string folder, string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, relative.Replace('\\', System.IO.Path.DirectorySeparatorChar)));

    private static IReadOnlyList<(string, string)> ReadPackagesConfig(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return XDocument.Load(path).Root?.Elements("package")
                .Where(p => p.Attribute("id") is not null && p.Attribute("version") is not null)
                .Select(p => ((string)p.Attribute("id")!, (string)p.Attribute("version")!))
                .ToList() ?? [];
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The nearest <c>packages/</c> folder at or above <paramref name="folder"/> (where NuGet puts a solution's packages).</summary>
    private static string? FindPackagesFolder(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var candidate = System.IO.Path.Combine(current.FullName, "packages");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(System.IO.Path.Combine(current.FullName, ".git")))
            {
                return null; // not above the repository
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>lib/</c> sub-folder a .NET Framework project of version <paramref name="target"/> (461 for 4.6.1) uses: the
    /// highest <c>netNN</c> not above it, else the highest <c>netstandard</c> up to 2.0, else <c>lib/</c> itself when it holds assemblies.
    /// </summary>
    private static string? BestLibFolder(string lib, int target)
    {
        if (!Directory.Exists(lib))
        {
            return null;
        }

        var folders = Directory.EnumerateDirectories(lib).Select(f => (Folder: f, Name: System.IO.Path.GetFileName(f).ToLowerInvariant())).ToList();
        var framework = folders
            .Select(f => (f.Folder, Match: NetFrameworkFolder().Match(f.Name)))
            .Where(f => f.Match.Success && FrameworkNumber(f.Match.Groups[1].Value) <= target)
            .OrderByDescending(f => FrameworkNumber(f.Match.Groups[1].Value))
            .Select(f => f.Folder)
            .FirstOrDefault();
        if (framework is not null)
        {
            return framework;
        }

        var standard = folders
            .Select(f => (f.Folder, Match: NetStandardFolder().Match(f.Name)))
            .Where(f => f.Match.Success && Version.TryParse(f.Match.Groups[1].Value, out var v) && v <= new Version(2, 0))
            .OrderByDescending(f => Version.Parse(f.Match.Groups[1].Value))
            .Select(f => f.Folder)
            .FirstOrDefault();
        return standard ?? (Directory.EnumerateFiles(lib, "*.dll").Any() ? lib : null);
    }

    /// <summary>"461" → 461, "45" → 450, "4" → 400: the digits of a netNNN folder name as a comparable number.</summary>
    private static int FrameworkNumber(string digits) =>
        int.Parse(digits.PadRight(3, '0')[..3], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^net(\d{1,3})$")]
    private static partial Regex NetFrameworkFolder();

    [GeneratedRegex(@"^netstandard(\d+\.\d+)$")]
    private static partial Regex NetStandardFolder();
}
