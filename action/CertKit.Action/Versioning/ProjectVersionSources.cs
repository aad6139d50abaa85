using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CertKit.Action.Git;

namespace CertKit.Action.Versioning;

/// <summary>A version declared in one file of a commit.</summary>
public sealed record FileVersion(string Path, string Text);

/// <summary>
/// One kind of project file that declares a version. Sources read files at a commit (through git, not the
/// working tree) so that base and head are read the same way.
/// </summary>
public abstract class ProjectVersionSource
{
    /// <summary>The sources in discovery order.</summary>
    public static readonly IReadOnlyList<ProjectVersionSource> All =
        [new DirectoryBuildPropsVersionSource(), new CsprojVersionSource(), new AssemblyInfoVersionSource(), new PackageJsonVersionSource(), new PowerShellManifestVersionSource()];

    public abstract VersionSourceKind Kind { get; }

    /// <summary>What the source reads, for messages ("Directory.Build.props").</summary>
    public abstract string Description { get; }

    /// <summary>Whether a path (already inside the policy's paths) is a file of this kind that may declare the version.</summary>
    public abstract bool IsCandidate(string path);

    /// <summary>The version text a file declares, or null when it declares none.</summary>
    public abstract string? ReadVersion(string path, string content);

    /// <summary>
    /// The version the files of this kind declare at a commit, or null when none does. When several files
    /// declare different versions the version is ambiguous, which is a user error: only the nearest to the
    /// root count for Directory.Build.props (inner ones usually import it).
    /// </summary>
    public DiscoveredVersion? Discover(GitRepository repository, string commit, string refName, IReadOnlyList<string> files, PathFilter scope)
    {
        var declared = new List<FileVersion>();
        foreach (var path in files)
        {
            if (!scope.Matches(path) || IsUnderIgnoredFolder(path) || !IsCandidate(path))
            {
                continue;
            }

            var content = repository.TryReadFile(commit, path);
            if (content is null)
            {
                continue;
            }

            var version = ReadVersion(path, content);
            if (version is not null)
            {
                declared.Add(new FileVersion(path, version));
            }
        }

        if (declared.Count == 0)
        {
            return null;
        }

        declared = Narrow(declared);
        var distinct = declared.Select(file => file.Text).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            var list = string.Join(", ", declared.Select(file => $"{file.Path} {file.Text}"));
            throw new CertKitException(
                $"{Description} files at {refName} declare different versions ({list}); pass --version, tag the release, or narrow the policy's paths");
        }

        var first = declared[0];
        var origin = declared.Count == 1 ? first.Path : $"{first.Path} and {declared.Count - 1} more";
        return new DiscoveredVersion(
            VersionText.Parse(first.Text, $"version in {first.Path} at {refName}"),
            Kind,
            $"{origin} at {refName}",
            commit);
    }

    /// <summary>Lets a source keep only the files that decide (default: all of them).</summary>
    protected virtual List<FileVersion> Narrow(List<FileVersion> declared) => declared;

    internal static bool IsUnderIgnoredFolder(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment is "node_modules" or "bin" or "obj" or "test" or "tests")
            {
                return true;
            }
        }

        return false;
    }

    internal static string FileName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }
}

/// <summary>MSBuild files: <c>Version</c>, else <c>VersionPrefix</c> with <c>VersionSuffix</c>.</summary>
public abstract class MsBuildVersionSource : ProjectVersionSource
{
    public override string? ReadVersion(string path, string content)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(content);
        }
        catch (XmlException exception)
        {
            throw new CertKitException($"{path} is not valid XML (line {exception.LineNumber}): {exception.Message}");
        }

        var version = Property(document, "Version");
        var prefix = Property(document, "VersionPrefix");
        var suffix = Property(document, "VersionSuffix");
        if (version is not null && !version.Contains("$(", StringComparison.Ordinal))
        {
            return version;
        }

        if (prefix is not null)
        {
            if (prefix.Contains("$(", StringComparison.Ordinal) || (suffix?.Contains("$(", StringComparison.Ordinal) ?? false))
            {
                throw new CertKitException($"the version in {path} is computed by MSBuild ({prefix}); pass --version or tag the release");
            }

            return string.IsNullOrEmpty(suffix) ? prefix : $"{prefix}-{suffix}";
        }

        if (version is not null)
        {
            throw new CertKitException($"the version in {path} is computed by MSBuild ({version}); pass --version or tag the release");
        }

        return null;
    }

    /// <summary>The last unconditional value of a property (MSBuild's last-one-wins), ignoring XML namespaces.</summary>
    private static string? Property(XDocument document, string name)
    {
        string? value = null;
        foreach (var element in document.Descendants())
        {
            if (element.Name.LocalName != name
                || element.Parent?.Name.LocalName != "PropertyGroup"
                || element.Attribute("Condition") is not null
                || element.Parent.Attribute("Condition") is not null)
            {
                continue;
            }

            var text = element.Value.Trim();
            if (text.Length > 0)
            {
                value = text;
            }
        }

        return value;
    }
}

public sealed class DirectoryBuildPropsVersionSource : MsBuildVersionSource
{
    public override VersionSourceKind Kind => VersionSourceKind.DirectoryBuildProps;

    public override string Description => "Directory.Build.props";

    public override bool IsCandidate(string path) => FileName(path) == "Directory.Build.props";

    protected override List<FileVersion> Narrow(List<FileVersion> declared)
    {
        var shallowest = declared.Min(file => file.Path.Count(c => c == '/'));
        return declared.Where(file => file.Path.Count(c => c == '/') == shallowest).ToList();
    }
}

public sealed class CsprojVersionSource : MsBuildVersionSource
{
    public override VersionSourceKind Kind => VersionSourceKind.ProjectFile;

    public override string Description => "*.csproj";

    public override bool IsCandidate(string path)
    {
        var name = FileName(path);
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".Tests.csproj", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".Test.csproj", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PackageJsonVersionSource : ProjectVersionSource
{
    public override VersionSourceKind Kind => VersionSourceKind.PackageJson;

    public override string Description => "package.json";

    public override bool IsCandidate(string path) => FileName(path) == "package.json";

    public override string? ReadVersion(string path, string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == JsonValueKind.String)
            {
                return version.GetString();
            }

            return null;
        }
        catch (JsonException exception)
        {
            throw new CertKitException($"{path} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}");
        }
    }
}

/// <summary>
/// <c>AssemblyInfo.cs</c> of .NET Framework projects (and SDK-style ones with <c>GenerateAssemblyInfo</c> off):
/// <c>[assembly: AssemblyInformationalVersion("1.2.3")]</c>, the product version, over <c>[assembly: AssemblyVersion("1.2.0.0")]</c>.
/// A wildcard version (<c>1.0.*</c>) is computed at build time and declares nothing.
/// </summary>
public sealed partial class AssemblyInfoVersionSource : ProjectVersionSource
{
    public override VersionSourceKind Kind => VersionSourceKind.AssemblyInfo;

    public override string Description => "AssemblyInfo.cs";

    // A test project's AssemblyInfo.cs (Foo.Tests/Properties/AssemblyInfo.cs) keeps its template's 1.0.0.0: not the product's version.
    public override bool IsCandidate(string path) =>
        FileName(path).EndsWith("AssemblyInfo.cs", StringComparison.OrdinalIgnoreCase)
        && !path.Split('/').Any(segment => segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".Test", StringComparison.OrdinalIgnoreCase));

    public override string? ReadVersion(string path, string content)
    {
        string? assemblyVersion = null;
        foreach (Match match in AssemblyAttribute().Matches(content))
        {
            var value = match.Groups["value"].Value.Trim();
            if (value.Length == 0 || value.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            if (match.Groups["name"].Value == "AssemblyInformationalVersion")
            {
                return value;
            }

            assemblyVersion ??= value;
        }

        return assemblyVersion;
    }

    // Not in a // comment: the line starts (after blanks) with the attribute list.
    [GeneratedRegex(@"^[ \t]*\[[ \t]*assembly[ \t]*:[ \t]*(?:System\.Reflection\.)?(?<name>AssemblyInformationalVersion|AssemblyVersion)(?:Attribute)?[ \t]*\([ \t]*""(?<value>[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex AssemblyAttribute();
}

/// <summary>A PowerShell module manifest (<c>*.psd1</c>): <c>ModuleVersion = '1.2.3'</c>, with <c>Prerelease</c> of <c>PrivateData.PSData</c> when set.</summary>
public sealed partial class PowerShellManifestVersionSource : ProjectVersionSource
{
    public override VersionSourceKind Kind => VersionSourceKind.PowerShellManifest;

    public override string Description => "*.psd1";

    public override bool IsCandidate(string path) => FileName(path).EndsWith(".psd1", StringComparison.OrdinalIgnoreCase);

    public override string? ReadVersion(string path, string content)
    {
        var version = ModuleVersion().Match(content);
        if (!version.Success)
        {
            return null;
        }

        var prerelease = Prerelease().Match(content);
        var label = prerelease.Success ? prerelease.Groups["value"].Value.Trim().TrimStart('-') : string.Empty;
        return label.Length == 0 ? version.Groups["value"].Value.Trim() : $"{version.Groups["value"].Value.Trim()}-{label}";
    }

    [GeneratedRegex(@"^[ \t]*ModuleVersion[ \t]*=[ \t]*['""](?<value>[^'""]+)['""]", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ModuleVersion();

    [GeneratedRegex(@"^[ \t]*Prerelease[ \t]*=[ \t]*['""](?<value>[^'""]*)['""]", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Prerelease();
}
