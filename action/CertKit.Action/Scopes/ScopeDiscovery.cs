using CertKit.Action.Git;
using CertKit.Action.Policies;
using CertKit.Action.Versioning;

namespace CertKit.Action.Scopes;

/// <summary>
/// The Adobe Sign OAuth scopes an app requests at a commit: the <c>scopes:</c> list of the <c>certkit.yml</c> at the
/// repository root when it declares one, else the scope string literals of the C# files (tests, bin and obj left out),
/// within the policy's paths.
/// </summary>
public sealed class ScopeDiscovery
{
    private readonly GitRepository repository;
    private readonly PathFilter scope;

    public ScopeDiscovery(GitRepository repository, PathFilter scope)
    {
        this.repository = repository;
        this.scope = scope;
    }

    public ScopeSet Discover(string commit, string refName)
    {
        var declared = repository.TryReadFile(commit, PolicyFile.DefaultFileName);
        if (declared is not null)
        {
            var file = PolicyFile.Parse(declared, $"{PolicyFile.DefaultFileName} at {refName}");
            if (file.Scopes is not null)
            {
                return new ScopeSet(file.Scopes.Select(AdobeScope.Normalize).Distinct().Order(StringComparer.Ordinal).ToList(), $"{PolicyFile.DefaultFileName} scopes at {refName}");
            }
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        var files = 0;
        foreach (var path in repository.FilesContaining(commit, CSharpScopeScanner.GitGrepFilter, "*.cs"))
        {
            if (!scope.Matches(path) || ProjectVersionSource.IsUnderIgnoredFolder(path) || IsTestFile(path))
            {
                continue;
            }

            var source = repository.TryReadFile(commit, path);
            if (source is null)
            {
                continue;
            }

            var scopes = CSharpScopeScanner.Scan(source);
            if (scopes.Count > 0)
            {
                files++;
                found.UnionWith(scopes);
            }
        }

        // Only files holding a candidate literal were read; the count of all C# files says whether "none" means none were there.
        var csharpFiles = repository.ListFiles(commit).Count(path =>
            path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && scope.Matches(path) && !ProjectVersionSource.IsUnderIgnoredFolder(path) && !IsTestFile(path));
        var origin = csharpFiles == 0
            ? $"no C# file at {refName}"
            : files == 0
                ? $"the {csharpFiles} C# file(s) at {refName}, none with a scope string literal"
                : $"scope string literals in {files} of {csharpFiles} C# file(s) at {refName}";
        return new ScopeSet(found.ToList(), origin);
    }

    /// <summary>
    /// The scopes an opened folder requests, read from the same places as at a commit: the folder's <c>certkit.yml</c>
    /// <c>scopes:</c>, else the scope string literals of its C# files (tests and fixtures left out).
    /// </summary>
    internal static ScopeSet Discover(CertKit.Action.Workspace.RepositoryWorkspace workspace)
    {
        var declared = Path.Combine(workspace.Directory, PolicyFile.DefaultFileName);
        if (File.Exists(declared) && PolicyFile.Load(declared).Scopes is { } listed)
        {
            return new ScopeSet(listed.Select(AdobeScope.Normalize).Distinct().Order(StringComparer.Ordinal).ToList(), $"{PolicyFile.DefaultFileName} scopes");
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        var csharpFiles = 0;
        var files = 0;
        foreach (var file in workspace.Files)
        {
            if (!file.IsCSharp || file.Kind is CertKit.Analyzers.Detection.FileKind.Test or CertKit.Analyzers.Detection.FileKind.Fixture)
            {
                continue;
            }

            csharpFiles++;
            if (workspace.ReadText(file.RelativePath) is { } source && CSharpScopeScanner.Scan(source) is { Count: > 0 } scopes)
            {
                files++;
                found.UnionWith(scopes);
            }
        }

        var origin = csharpFiles == 0
            ? "no C# file"
            : files == 0
                ? $"the {csharpFiles} C# file(s), none with a scope string literal"
                : $"scope string literals in {files} of {csharpFiles} C# file(s)";
        return new ScopeSet(found.ToList(), origin);
    }

    private static bool IsTestFile(string path) => CertKit.Analyzers.Detection.FileClassifier.Classify(path).Kind is CertKit.Analyzers.Detection.FileKind.Test or CertKit.Analyzers.Detection.FileKind.Fixture;
}
