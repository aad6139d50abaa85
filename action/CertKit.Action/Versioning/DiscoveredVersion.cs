using NuGet.Versioning;

namespace CertKit.Action.Versioning;

/// <summary>Where a version was found.</summary>
public enum VersionSourceKind
{
    /// <summary><c>--version</c> / <c>--previous-version</c>.</summary>
    Explicit,

    /// <summary>A release tag on the commit (or the highest lower tag, for the previous version).</summary>
    ReleaseTag,

    /// <summary><c>Version</c> or <c>VersionPrefix</c>+<c>VersionSuffix</c> in <c>Directory.Build.props</c>.</summary>
    DirectoryBuildProps,

    /// <summary><c>Version</c> or <c>VersionPrefix</c>+<c>VersionSuffix</c> in a <c>*.csproj</c>.</summary>
    ProjectFile,

    /// <summary><c>version</c> in <c>package.json</c> (commercetools Connect applications are Node).</summary>
    PackageJson,

    /// <summary><c>AssemblyInformationalVersion</c>, else <c>AssemblyVersion</c>, in an <c>AssemblyInfo.cs</c> (.NET Framework projects).</summary>
    AssemblyInfo,

    /// <summary><c>ModuleVersion</c> in a PowerShell module manifest (<c>*.psd1</c>).</summary>
    PowerShellManifest,
}

/// <summary>A version and where it came from; <see cref="Commit"/> is the commit it describes, when known.</summary>
public sealed record DiscoveredVersion(NuGetVersion Version, VersionSourceKind Source, string Origin, string? Commit);
