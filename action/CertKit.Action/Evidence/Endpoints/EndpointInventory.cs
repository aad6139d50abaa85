using CertKit.Action.Scanning;
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

        var topLevel = await Scanning.Git.FindTopLevelAsync(folder, cancellationToken).ConfigureAwait(false);
        var root = topLevel ?? folder;
        var listing = topLevel is null ? null : await Scanning.Git.ListFilesAsync(folder, cancellationToken).ConfigureAwait(false);
        var files = new List<SourceFile>();
        foreach (var candidate in SourceFiles.List(folder, root, listing, _ => true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TextFileReader.Read(candidate.FullPath, TextFileReader.DefaultMaxFileSize).Text is { } text)
            {
                files.Add(new SourceFile(candidate.FullPath, candidate.RelativePath, text));
            }
        }

        return EndpointReport.From(root, Extract(files, cancellationToken));
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
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var relative = new Dictionary<SyntaxTree, string>();
        var trees = new List<SyntaxTree>(sources.Count + 1);
        foreach (var source in sources)
        {
            var tree = CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.FullPath, cancellationToken);
            trees.Add(tree);
            relative[tree] = source.RelativePath;
        }

        trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings.Text), parseOptions, "certkit-implicit-usings.g.cs", cancellationToken));
        var compilation = CSharpCompilation.Create(
            project.Length == 0 ? "certkit-endpoints" : Path.GetFileNameWithoutExtension(project),
            trees,
            EvidenceReferences.Get(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return CSharpEndpointExtractor.Extract(compilation, tree => relative.GetValueOrDefault(tree), cancellationToken);
    }

    private static bool IsScriptTest(string relativePath) =>
        relativePath.Contains(".test.", StringComparison.OrdinalIgnoreCase) || relativePath.Contains(".spec.", StringComparison.OrdinalIgnoreCase)
        || relativePath.Contains("__tests__/", StringComparison.Ordinal) || relativePath.Contains("__mocks__/", StringComparison.Ordinal);
}
