using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>
/// One repository file as every command sees it: where it is, its language and kind (and why), and the C# project that
/// owns it (the project in the deepest folder above it), if any.
/// </summary>
internal sealed record WorkspaceFile(string FullPath, string RelativePath, FileLanguage Language, FileKind Kind, string KindReason, string? Project)
{
    public bool IsCSharp => Language == FileLanguage.CSharp;

    public bool IsProjectFile => FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Code or configuration the integration ships (not tests, fixtures, vendored, generated or documentation).</summary>
    public bool IsShipped => Kind is FileKind.Source or FileKind.Configuration;
}
