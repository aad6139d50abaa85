using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using CertKit.Action.Sarif;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// Runs the CertKit analyzers over a whole folder: C# as the syntax trees of its real project compilations (MSBuildWorkspace,
/// or an ad-hoc compilation when a project cannot be loaded), every other text file as an AdditionalText of the project it
/// lives in, or of an ad-hoc compilation when it lives in none. The analyzers decide what to flag; this class only feeds
/// them and collects what they report.
/// </summary>
internal sealed class RepositoryScanner
{
    private const string AnalyzerExceptionId = "AD0001";

    // What an SDK-style project with ImplicitUsings compiles with, so ad-hoc compilations bind like the real one.
    private const string ImplicitUsings =
        "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n" +
        "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\n" +
        "global using global::System.Threading.Tasks;\n";

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly IReadOnlyList<DiagnosticDescriptor> _rules;
    private readonly HashSet<string> _ruleIds;

    public RepositoryScanner()
        : this(ImmutableArray<DiagnosticAnalyzer>.Empty)
    {
    }

    /// <param name="extraAnalyzers">Analyzers run beside CertKit's own (a test seam: the shipped command passes none).</param>
    internal RepositoryScanner(ImmutableArray<DiagnosticAnalyzer> extraAnalyzers)
    {
        _analyzers = AnalyzerCatalog.LoadCertKitAnalyzers().AddRange(extraAnalyzers);
        _rules = AnalyzerCatalog.Descriptors(_analyzers);
        _ruleIds = new HashSet<string>(_rules.Select(r => r.Id), StringComparer.Ordinal);
    }

    public IReadOnlyList<DiagnosticDescriptor> Rules => _rules;

    private sealed record ScannedFile(string FullPath, string RelativePath, SourceText Text)
    {
        public bool IsCSharp => FullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

        public bool IsProject => FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Collector
    {
        public List<Finding> Findings { get; } = new();

        public HashSet<(string, string, int, int, int, int)> Seen { get; } = new();

        public List<string> AnalyzerFailures { get; } = new();

        public List<ProjectRecord> Projects { get; } = new();
    }

    public async Task<ScanReport> ScanAsync(ScanSettings settings, CancellationToken cancellationToken)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Directory));
        if (!Directory.Exists(directory))
        {
            throw new CertKitException($"the folder '{settings.Directory}' does not exist");
        }

        var topLevel = await Git.FindTopLevelAsync(directory, cancellationToken).ConfigureAwait(false);
        var sourceRoot = topLevel ?? directory;
        ChangedLines? changed = null;
        if (settings.BaseRef is not null)
        {
            if (topLevel is null)
            {
                throw new CertKitException($"--base needs a git repository, and '{settings.Directory}' is not in one");
            }

            changed = await ChangedLines.ReadAsync(topLevel, settings.BaseRef, cancellationToken).ConfigureAwait(false);
        }

        var listing = topLevel is null ? null : await Git.ListFilesAsync(directory, cancellationToken).ConfigureAwait(false);
        var discovery = FileDiscovery.Discover(directory, sourceRoot, listing, settings.Include ?? [], settings.Exclude ?? []);

        var skipped = new List<SkippedFile>(discovery.Skipped);
        var notes = new List<FileNote>();
        var files = new Dictionary<string, ScannedFile>(StringComparer.Ordinal);
        foreach (var candidate in discovery.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = TextFileReader.Read(candidate.FullPath, settings.MaxFileSize);
            if (outcome.Text is null)
            {
                skipped.Add(new SkippedFile(candidate.RelativePath, outcome.SkipReason!));
                continue;
            }

            if (outcome.Note is not null)
            {
                notes.Add(new FileNote(candidate.RelativePath, outcome.Note));
            }

            files[candidate.FullPath] = new ScannedFile(candidate.FullPath, candidate.RelativePath, outcome.Text);
        }

        var editorConfig = EditorConfigOptions.Create(EditorConfigOptions.FindFor(files.Keys));
        var collector = new Collector();

        // Each file belongs to the project in the deepest folder above it; files under no project go to one ad-hoc compilation.
        var projectPaths = files.Values.Where(f => f.IsProject).Select(f => f.FullPath).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var owned = new Dictionary<string, List<ScannedFile>>(StringComparer.Ordinal);
        var unowned = new List<ScannedFile>();
        foreach (var file in files.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var owner = OwningProject(file.FullPath, projectPaths);
            if (owner is null)
            {
                unowned.Add(file);
            }
            else
            {
                (owned.TryGetValue(owner, out var list) ? list : owned[owner] = new List<ScannedFile>()).Add(file);
            }
        }

        if (projectPaths.Count > 0)
        {
            await AnalyzeProjectsAsync(projectPaths, owned, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
        }

        if (unowned.Count > 0)
        {
            var csharp = unowned.Where(f => f.IsCSharp).ToList();
            var others = unowned.Where(f => !f.IsCSharp).ToList();
            await AnalyzeAdHocAsync("certkit-scan-no-project", csharp, others, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
            collector.Projects.Add(new ProjectRecord("(files under no project)", ProjectLoadMode.NoProject, null, csharp.Count, others.Count));
        }

        var all = collector.Findings
            .Where(f => changed is null || changed.Contains(f.Path, f.Line))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var fingerprints = FindingFingerprints.Compute(all);
        all = all.Select((f, i) => f with { Fingerprint = fingerprints[i] }).ToList();
        var findings = all.Where(f => f.Suppression is null).ToList();

        return new ScanReport(
            sourceRoot,
            FileDiscovery.RelativeTo(sourceRoot, directory),
            _rules,
            findings,
            files.Count,
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            notes,
            collector.Projects,
            collector.AnalyzerFailures.Distinct(StringComparer.Ordinal).ToList(),
            settings.BaseRef)
        {
            Suppressed = all.Where(f => f.Suppression is not null).ToList(),
        };
    }

    private static string? OwningProject(string filePath, IReadOnlyList<string> projectPaths)
    {
        string? owner = null;
        var ownerDepth = -1;
        foreach (var project in projectPaths)
        {
            var folder = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            if (filePath.StartsWith(folder, StringComparison.Ordinal) && folder.Length > ownerDepth)
            {
                owner = project;
                ownerDepth = folder.Length;
            }
        }

        return owner;
    }

    private async Task AnalyzeProjectsAsync(
        List<string> projectPaths,
        Dictionary<string, List<ScannedFile>> owned,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        Collector collector,
        CancellationToken cancellationToken)
    {
        var registrationProblem = MsBuildRegistration.EnsureRegistered();
        if (registrationProblem is not null)
        {
            foreach (var projectPath in projectPaths)
            {
                await FallBackAsync(projectPath, registrationProblem, owned, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await AnalyzeWithMsBuildAsync(projectPaths, owned, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
    }

    // Kept out of line so MSBuildWorkspace's types load only after MSBuildLocator has registered the SDK.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task AnalyzeWithMsBuildAsync(
        List<string> projectPaths,
        Dictionary<string, List<ScannedFile>> owned,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        Collector collector,
        CancellationToken cancellationToken)
    {
        using var loader = MsBuildProjectLoader.Create();
        foreach (var projectPath in projectPaths)
        {
            var loaded = await loader.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
            if (loaded.Project is null)
            {
                await FallBackAsync(projectPath, loaded.Problem, owned, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var project = loaded.Project;
            var present = new HashSet<string>(project.AdditionalDocuments.Select(d => d.FilePath ?? string.Empty), StringComparer.Ordinal);
            var additions = ImmutableArray.CreateBuilder<DocumentInfo>();
            foreach (var file in owned.GetValueOrDefault(projectPath, []))
            {
                if (!file.IsCSharp && !present.Contains(file.FullPath))
                {
                    additions.Add(DocumentInfo.Create(
                        DocumentId.CreateNewId(project.Id),
                        Path.GetFileName(file.FullPath),
                        loader: TextLoader.From(TextAndVersion.Create(file.Text, VersionStamp.Default, file.FullPath)),
                        filePath: file.FullPath));
                }
            }

            var solution = project.Solution.AddAdditionalDocuments(additions.ToImmutable());

            // MSBuild finds .editorconfig files in CoreCompile, which a design-time build skips: add them as the compiler would.
            var configured = new HashSet<string>(project.AnalyzerConfigDocuments.Select(d => d.FilePath ?? string.Empty), StringComparer.Ordinal);
            var sourcePaths = project.Documents.Select(d => d.FilePath).Concat(solution.GetProject(project.Id)!.AdditionalDocuments.Select(d => d.FilePath)).Append(projectPath);
            foreach (var configFile in EditorConfigOptions.FindFor(sourcePaths.OfType<string>()))
            {
                if (configured.Add(configFile) && EditorConfigOptions.TryRead(configFile) is { } configText)
                {
                    solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(project.Id), ".editorconfig", configText, filePath: configFile);
                }
            }

            project = solution.GetProject(project.Id)!;
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                await FallBackAsync(projectPath, "the workspace produced no compilation", owned, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RunAnalyzersAsync(compilation, project.AnalyzerOptions, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
            collector.Projects.Add(new ProjectRecord(
                files[projectPath].RelativePath,
                ProjectLoadMode.MSBuild,
                null,
                project.Documents.Count(d => d.FilePath is not null && files.ContainsKey(d.FilePath)),
                project.AdditionalDocuments.Count()));
        }
    }

    private async Task FallBackAsync(
        string projectPath,
        string? problem,
        Dictionary<string, List<ScannedFile>> owned,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        Collector collector,
        CancellationToken cancellationToken)
    {
        var own = owned.GetValueOrDefault(projectPath, []);
        var csharp = own.Where(f => f.IsCSharp).ToList();
        var others = own.Where(f => !f.IsCSharp).ToList();
        await AnalyzeAdHocAsync(Path.GetFileNameWithoutExtension(projectPath), csharp, others, files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
        collector.Projects.Add(new ProjectRecord(files[projectPath].RelativePath, ProjectLoadMode.Fallback, problem ?? "could not be loaded", csharp.Count, others.Count));
    }

    private async Task AnalyzeAdHocAsync(
        string assemblyName,
        List<ScannedFile> csharp,
        List<ScannedFile> others,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        Collector collector,
        CancellationToken cancellationToken)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = csharp.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.FullPath, cancellationToken)).ToList();
        if (trees.Count > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings), parseOptions, "certkit-implicit-usings.g.cs", cancellationToken));
        }

        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            FrameworkReferences.Get(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var additionalTexts = others.Select(f => (AdditionalText)new ScannedText(f.FullPath, f.Text)).ToImmutableArray();
        await RunAnalyzersAsync(compilation, new AnalyzerOptions(additionalTexts, editorConfig), files, editorConfig, collector, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAnalyzersAsync(
        Compilation compilation,
        AnalyzerOptions options,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        Collector collector,
        CancellationToken cancellationToken)
    {
        if (_analyzers.IsEmpty)
        {
            return;
        }

        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (collector)
                {
                    collector.AnalyzerFailures.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true); // kept in SARIF as suppressed, so code scanning does not reopen them
        var diagnostics = await compilation.WithAnalyzers(_analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == AnalyzerExceptionId)
            {
                collector.AnalyzerFailures.Add(diagnostic.GetMessage(CultureInfo.InvariantCulture));
                continue;
            }

            if (!_ruleIds.Contains(diagnostic.Id) || diagnostic.Severity == DiagnosticSeverity.Hidden)
            {
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path) || !files.TryGetValue(Path.GetFullPath(span.Path), out var file))
            {
                continue; // generated files, files outside the scanned folder, files excluded by --include/--exclude
            }

            var reported = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingLevel.Error,
                DiagnosticSeverity.Warning => FindingLevel.Warning,
                _ => FindingLevel.Note,
            };
            var level = editorConfig.ConfiguredLevel(file.FullPath, diagnostic.Id, reported);

            var start = span.StartLinePosition;
            var end = span.EndLinePosition;
            if (!collector.Seen.Add((diagnostic.Id, file.RelativePath, start.Line, start.Character, end.Line, end.Character)))
            {
                continue; // the same file in two compilations (target frameworks, linked files)
            }

            var lineText = start.Line < file.Text.Lines.Count ? file.Text.Lines[start.Line].ToString() : string.Empty;
            var suppression = diagnostic.IsSuppressed
                ? new FindingSuppression(SuppressionKind.InSource, "#pragma warning disable or [SuppressMessage]")
                : level is null
                    ? new FindingSuppression(SuppressionKind.External, "severity none in .editorconfig")
                    : AllowComments.Find(file.Text, start.Line);
            collector.Findings.Add(new Finding(
                diagnostic.Id,
                file.RelativePath,
                start.Line + 1,
                start.Character + 1,
                end.Line + 1,
                end.Character + 1,
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                level ?? reported,
                lineText) { Suppression = suppression });
        }
    }

    /// <summary>A scanned non-C# file handed to the analyzers as an AdditionalText.</summary>
    private sealed class ScannedText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
