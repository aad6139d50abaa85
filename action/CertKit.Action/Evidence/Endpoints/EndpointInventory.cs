using CertKit.Action.Scanning;
using CertKit.Action.Workspace;
using CertKit.Analyzers.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The endpoint inventory of a folder ("commit in, facts out"): every outbound HTTP endpoint its shipped code calls and
/// every VCert command line, with each call site. C# is bound in one syntax-only compilation per shipped project (test
/// projects are left out); JS/TS and scripts are read as text. Paths are relative to the folder's git work tree, or to the
/// folder outside git.
/// </summary>
internal static class EndpointInventory
{
    // Prose mentions vcert commands without running them.
    private static readonly HashSet<string> DocumentExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".rst", ".adoc", ".html", ".htm" };

    private sealed record SourceFile(string FullPath, string RelativePath, SourceText Text);

    public static async Task<EndpointReport> ScanAsync(string directory, CancellationToken cancellationToken)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(folder))
        {
            throw new CertKitException($"the folder '{directory}' does not exist");
        }

        return Scan(await RepositoryWorkspace.OpenAsync(folder, null, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>
    /// The inventory of a workspace's shipped code: tests, fixtures, vendored and generated files (bundles, minified
    /// code) are not the integration's calls; shipped code in a language no reader here reads is listed as not read.
    /// </summary>
    public static EndpointReport Scan(RepositoryWorkspace workspace, CancellationToken cancellationToken)
    {
        var files = new List<SourceFile>();
        foreach (var candidate in workspace.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (candidate.Kind is not (FileKind.Source or FileKind.Configuration or FileKind.Documentation) && !candidate.IsProjectFile)
            {
                continue;
            }

            if (TextFileReader.Read(candidate.FullPath, TextFileReader.DefaultMaxFileSize).Text is { } text)
            {
                files.Add(new SourceFile(candidate.FullPath, candidate.RelativePath, text));
            }
        }

        var notRead = workspace.Files
            .Where(file => file.Kind == FileKind.Source && RuleLanguages.IsApplicationLanguage(file.Language) && !Reads(file))
            .GroupBy(file => FileClassifier.DisplayName(file.Language))
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new NotReadLanguage(group.Key, group.Count(), group.First().RelativePath))
            .ToList();
        return EndpointReport.From(workspace.SourceRoot, Extract(files, cancellationToken)) with { NotRead = notRead };
    }

    /// <summary>Whether a reader here reads the file's language: C# (Roslyn), JS/TS, PowerShell, Python (and vcert in any of them).</summary>
    private static bool Reads(WorkspaceFile file)
    {
        var extension = Path.GetExtension(file.FullPath);
        return file.IsCSharp || ScriptEndpointExtractor.Extensions.Contains(extension) || SourceComments.PowerShellExtensions.Contains(extension) || SourceComments.PythonExtensions.Contains(extension);
    }

    private static List<EndpointCall> Extract(List<SourceFile> files, CancellationToken cancellationToken)
    {
        var projects = files.Where(f => f.FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        var projectPaths = projects.Select(p => p.FullPath).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var testProjects = new HashSet<string>(projects.Where(p => ShippedProjects.IsTestProject(p.FullPath, p.Text.ToString())).Select(p => p.FullPath), StringComparer.Ordinal);

        var calls = new List<EndpointCall>();
        var csharpByProject = new Dictionary<string, List<SourceFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var owner = ShippedProjects.OwningProject(file.FullPath, projectPaths);
            if ((owner is not null && testProjects.Contains(owner)) || IsScriptTest(file.RelativePath))
            {
                continue;
            }

            var extension = Path.GetExtension(file.FullPath);
            if (extension.Equals(".cs", StringComparison.OrdinalIgnoreCase))
            {
                var key = owner ?? string.Empty;
                (csharpByProject.TryGetValue(key, out var list) ? list : csharpByProject[key] = new List<SourceFile>()).Add(file);
            }
            else if (ScriptEndpointExtractor.Extensions.Contains(extension))
            {
                calls.AddRange(ScriptEndpointExtractor.Extract(file.RelativePath, file.Text.ToString()));
            }

            if (DocumentExtensions.Contains(extension))
            {
                continue;
            }

            // Code only: a vcert command or a REST call in a comment or a docstring is not one the integration makes.
            var code = SourceComments.Blank(file.Text.ToString(), extension);
            if (SourceComments.PowerShellExtensions.Contains(extension))
            {
                calls.AddRange(PowerShellEndpointExtractor.Extract(file.RelativePath, code));
            }
            else if (SourceComments.PythonExtensions.Contains(extension))
            {
                calls.AddRange(PythonEndpointExtractor.Extract(file.RelativePath, code));
            }

            calls.AddRange(VCertCommandExtractor.Extract(file.RelativePath, code));
        }

        foreach (var (project, sources) in csharpByProject.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            calls.AddRange(ExtractCSharp(project, sources, cancellationToken));
        }

        return calls;
    }

    private static List<EndpointCall> ExtractCSharp(string project, List<SourceFile> sources, CancellationToken cancellationToken)
    {
        var relative = new Dictionary<SyntaxTree, string>();
        var trees = new List<SyntaxTree>(sources.Count);
        foreach (var source in sources)
        {
            var tree = AdHocCompilation.Parse(source.Text, source.FullPath, cancellationToken);
            trees.Add(tree);
            relative[tree] = source.RelativePath;
        }

        var compilation = AdHocCompilation.Create(project.Length == 0 ? "certkit-endpoints" : Path.GetFileNameWithoutExtension(project), trees, [], ownFramework: false, cancellationToken);
        return CSharpEndpointExtractor.Extract(compilation, tree => relative.GetValueOrDefault(tree), cancellationToken);
    }

    private static bool IsScriptTest(string relativePath) =>
        relativePath.Contains(".test.", StringComparison.OrdinalIgnoreCase) || relativePath.Contains(".spec.", StringComparison.OrdinalIgnoreCase)
        || relativePath.Contains("__tests__/", StringComparison.Ordinal) || relativePath.Contains("__mocks__/", StringComparison.Ordinal);
}
