using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// Turns a <see cref="DesignTimeProject"/> into a Roslyn project of its own (a fresh workspace per project, so nothing
/// keeps its compilation alive once the caller drops it). Referenced projects come in as metadata: the reference
/// assembly emitted from their compilation when they were compiled first (dependency order), so no compilation holds
/// another one. Metadata and analyzer references are shared between projects.
/// </summary>
internal sealed class ProjectCompiler
{
    private readonly ConcurrentDictionary<string, MetadataReference> _metadata = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerReference> _analyzers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MetadataReference> _projectImages = new(StringComparer.Ordinal);
    private readonly AnalyzerLoader _loader = new();

    /// <summary>A project's compilation as metadata for the projects that reference it, once it has been compiled.</summary>
    public void AddProjectImage(string projectName, MetadataReference image) => _projectImages[projectName] = image;

    public bool HasProjectImage(string projectName) => _projectImages.ContainsKey(projectName);

    /// <summary>The project in a workspace of its own, with <paramref name="extraAdditionalFiles"/> and <paramref name="extraConfigFiles"/> added.</summary>
    public Project CreateProject(
        DesignTimeProject design,
        Func<string, SourceText?> repositoryText,
        IEnumerable<(string Path, SourceText Text)> extraAdditionalFiles,
        IEnumerable<(string Path, SourceText Text)> extraConfigFiles)
    {
        var workspace = new AdhocWorkspace();
        var id = ProjectId.CreateNewId(design.Name);
        DocumentInfo Document(DesignTimeFile file) =>
            DocumentInfo.Create(DocumentId.CreateNewId(id), Path.GetFileName(file.Path), loader: DesignTimeOptions.Loader(file, repositoryText), filePath: file.Path);
        DocumentInfo Extra((string Path, SourceText Text) file) =>
            DocumentInfo.Create(DocumentId.CreateNewId(id), Path.GetFileName(file.Path), loader: TextLoader.From(TextAndVersion.Create(file.Text, VersionStamp.Default, file.Path)), filePath: file.Path);

        var references = new List<MetadataReference>();
        foreach (var reference in design.MetadataReferences)
        {
            var shared = _metadata.GetOrAdd(reference.Path, path => MetadataReference.CreateFromFile(path));
            references.Add(reference.Aliases.Count == 0 ? shared : shared.WithAliases(reference.Aliases));
        }

        foreach (var reference in design.ProjectReferences)
        {
            if (_projectImages.TryGetValue(reference.Name, out var image))
            {
                references.Add(reference.Aliases.Count == 0 ? image : image.WithAliases(reference.Aliases));
            }
        }

        var analyzerReferences = design.AnalyzerReferences
            .Where(File.Exists)
            .Select(path => _analyzers.GetOrAdd(path, p => new AnalyzerFileReference(p, _loader)))
            .ToList();

        var info = ProjectInfo.Create(
                id,
                VersionStamp.Default,
                design.Name,
                design.AssemblyName,
                LanguageNames.CSharp,
                filePath: design.FilePath,
                compilationOptions: design.Options.CompilationOptions(),
                parseOptions: design.Options.ParseOptions(),
                documents: design.Documents.Select(Document),
                metadataReferences: references,
                analyzerReferences: analyzerReferences,
                additionalDocuments: design.AdditionalDocuments.Select(Document).Concat(extraAdditionalFiles.Select(Extra)))
            .WithAnalyzerConfigDocuments(design.AnalyzerConfigDocuments.Select(Document).Concat(extraConfigFiles.Select(Extra)));
        return workspace.AddProject(info);
    }

    /// <summary>
    /// The compilation as metadata for the projects that reference it: its reference assembly (with its bytes, which a
    /// cache can keep), or, when that cannot be emitted (errors in declarations), the compilation itself (no bytes).
    /// </summary>
    /// <param name="compiledForReferenceOnly">
    /// The compilation exists only for its reference assembly (nothing is bound yet): it is emitted once, with the
    /// compiler's own severities. Otherwise (an analysed compilation, already bound) its own options are tried first.
    /// </param>
    public static (MetadataReference Reference, byte[]? Image) ImageOf(Compilation compilation, bool compiledForReferenceOnly, CancellationToken cancellationToken)
    {
        if (compiledForReferenceOnly)
        {
            var relaxed = WithCompilerSeverities(compilation);
            return TryEmitReferenceAssembly(relaxed, cancellationToken, out _) is { } image ? (FromImage(image), image) : (relaxed.ToMetadataReference(), null);
        }

        if (TryEmitReferenceAssembly(compilation, cancellationToken, out var diagnostics) is { } own)
        {
            return (FromImage(own), own);
        }

        // A warning the project treats as an error (TreatWarningsAsErrors, an .editorconfig severity) fails the emit yet
        // changes nothing in the assembly: emit again with the compiler's own severities. A real error (a type of an
        // unrestored package) fails that too, so it is not tried.
        if (diagnostics.All(d => d.Severity != DiagnosticSeverity.Error || d.IsWarningAsError)
            && TryEmitReferenceAssembly(WithCompilerSeverities(compilation), cancellationToken, out _) is { } relaxedImage)
        {
            return (FromImage(relaxedImage), relaxedImage);
        }

        return (compilation.ToMetadataReference(), null);
    }

    /// <summary>The compilation with no warning raised to an error (TreatWarningsAsErrors, rule severities): they change nothing in an assembly.</summary>
    private static Compilation WithCompilerSeverities(Compilation compilation) =>
        compilation.WithOptions(compilation.Options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty)
            .WithSyntaxTreeOptionsProvider(null));

    private static byte[]? TryEmitReferenceAssembly(Compilation compilation, CancellationToken cancellationToken, out ImmutableArray<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, options: new EmitOptions(metadataOnly: true), cancellationToken: cancellationToken);
        diagnostics = result.Diagnostics;
        return result.Success ? stream.ToArray() : null;
    }

    /// <summary>A reference assembly's bytes as a metadata reference.</summary>
    public static MetadataReference FromImage(byte[] image) => MetadataReference.CreateFromImage(image);

    /// <summary>
    /// Loads analyzer and generator assemblies: each folder in a context of its own (two packages may ship the same
    /// assembly name), Roslyn and the framework from the default context (the host's).
    /// </summary>
    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, FolderContext> _contexts = new(StringComparer.Ordinal);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) =>
            _contexts.GetOrAdd(Path.GetDirectoryName(fullPath)!, folder => new FolderContext(folder)).LoadFromAssemblyPath(fullPath);

        private sealed class FolderContext(string folder) : AssemblyLoadContext("certkit-analyzers:" + folder)
        {
            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (Default.Assemblies.Any(a => string.Equals(a.GetName().Name, assemblyName.Name, StringComparison.Ordinal)))
                {
                    return null; // shared with the host: Roslyn, System.*
                }

                var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
