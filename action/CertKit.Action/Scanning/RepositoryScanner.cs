using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using CertKit.Action.Sarif;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CertKit.Action.Workspace;
using CertKit.Analyzers.Detection;

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

    private static int projectAnalyses;

    /// <summary>How many C# projects this process has loaded and analysed (tests prove each fact is computed once).</summary>
    public static int ProjectAnalyses => Volatile.Read(ref projectAnalyses);

    private static int referenceAssembliesCompiled;

    /// <summary>How many projects this process compiled from source only for the reference assembly others bind against (tests prove the cache spares it).</summary>
    public static int ReferenceAssembliesCompiled => Volatile.Read(ref referenceAssembliesCompiled);

    private sealed record ScannedFile(string FullPath, string RelativePath, SourceText Text, KindTreatment Treatment)
    {
        /// <summary>Whether a finding of <paramref name="ruleId"/> in this file is reported (its kind's treatment).</summary>
        public bool Reports(string ruleId) => Treatment switch
        {
            KindTreatment.All => true,
            KindTreatment.Secrets => RuleLanguages.IsContentBased(ruleId),
            _ => false,
        };

        public bool IsCSharp => FullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

        public bool IsProject => FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Collector
    {
        public List<Finding> Findings { get; } = new();

        public HashSet<(string, string, int, int, int, int)> Seen { get; } = new();

        public List<string> AnalyzerFailures { get; } = new();

        public List<ProjectRecord> Projects { get; } = new();

        /// <summary>In a pull request, the C# files compiled as declarations only (outside its scope), which are read but not analysed.</summary>
        public int OutOfScope { get; set; }

        /// <summary>Files a project step decided not to analyse (a legacy project's .cs files it does not compile).</summary>
        public List<SkippedFile> Skipped { get; } = new();
    }

    public Task<ScanReport> ScanAsync(ScanSettings settings, CancellationToken cancellationToken) =>
        ScanAsync(settings, new ScanTimings(), cancellationToken);

    /// <summary>Scans as <paramref name="settings"/> say, adding where the time goes to <paramref name="timings"/>.</summary>
    public async Task<ScanReport> ScanAsync(ScanSettings settings, ScanTimings timings, CancellationToken cancellationToken)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Directory));
        if (!Directory.Exists(directory))
        {
            PathChecks.RequireFolder(settings.Directory, "the folder to scan");
        }

        RepositoryWorkspace workspace;
        using (timings.Measure(ScanPhase.TextFiles))
        {
            workspace = await RepositoryWorkspace.OpenAsync(directory, new WorkspaceOptions(settings.Include, settings.Exclude, settings.Treatments), cancellationToken).ConfigureAwait(false);
        }

        return await ScanAsync(workspace, settings, timings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scans the files of an opened <paramref name="workspace"/> (its globs and kinds, not the settings', decide what is listed).</summary>
    public async Task<ScanReport> ScanAsync(RepositoryWorkspace workspace, ScanSettings settings, ScanTimings timings, CancellationToken cancellationToken)
    {
        var directory = workspace.Directory;
        var filesPhase = timings.Measure(ScanPhase.TextFiles);
        var topLevel = workspace.IsGitWorkTree ? workspace.SourceRoot : null;
        var sourceRoot = workspace.SourceRoot;
        ChangedLines? changed = null;
        if (settings.BaseRef is not null)
        {
            if (topLevel is null)
            {
                throw new CertKitException($"--base needs a git repository, and '{settings.Directory}' is not in one");
            }

            changed = await ChangedLines.ReadAsync(topLevel, settings.BaseRef, cancellationToken).ConfigureAwait(false);
        }

        var projectPaths = workspace.ProjectPaths.ToList();
        var cache = settings.CacheDirectory is null ? null : new DesignTimeCache(settings.CacheDirectory);

        // A pull request: which projects (and text files) its changes touch. The rest is never read.
        var repositoryFiles = new HashSet<string>(workspace.Files.Select(f => f.FullPath), StringComparer.Ordinal);
        var cached = cache is null ? new Dictionary<string, (string Key, DesignTimeCache.Entry? Entry)>() : ReadCache(cache, projectPaths, repositoryFiles);
        ChangeScope? scope = null;
        if (changed is not null)
        {
            // A shared source linked into a project is known from the project file, or from the project's cached design-time result.
            var changedFullPaths = changed.Files.Concat(changed.DeletedFiles).Select(p => Path.GetFullPath(Path.Combine(sourceRoot, p))).ToList();
            scope = ChangeScope.Compute(
                changedFullPaths,
                projectPaths,
                path => OwningProject(path, projectPaths),
                project => cached.GetValueOrDefault(project).Entry?.Closure.FirstOrDefault()?.Documents.Select(d => d.Path));
        }

        var skipped = new List<SkippedFile>(workspace.Skipped);
        var notes = new List<FileNote>();
        var files = new Dictionary<string, ScannedFile>(StringComparer.Ordinal);
        var changedRelative = changed is null ? null : new HashSet<string>(changed.Files, StringComparer.Ordinal);
        var notAnalysedByKind = new Dictionary<string, (FileKind Kind, string Reason, int Count)>(StringComparer.Ordinal);
        foreach (var candidate in workspace.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scope is not null && !InScope(candidate, scope, changedRelative!, projectPaths))
            {
                continue;
            }

            var treatment = workspace.TreatmentOf(candidate);
            if (treatment == KindTreatment.Skip)
            {
                // Vendored and generated files are not the integration's code: listed once per folder or file, never
                // analysed. C# among them is still compiled where its project needs it to bind (its findings are dropped).
                CountSkipped(candidate, notAnalysedByKind);
                if (!candidate.IsCSharp)
                {
                    continue;
                }
            }

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

            files[candidate.FullPath] = new ScannedFile(candidate.FullPath, candidate.RelativePath, outcome.Text, treatment);
        }

        skipped.AddRange(notAnalysedByKind.Select(entry => new SkippedFile(
            entry.Key,
            $"{entry.Value.Reason}{(entry.Value.Count > 1 ? $", {entry.Value.Count} files" : string.Empty)}: not analysed (--files {FileTreatments.Name(entry.Value.Kind)}=all to analyse)")));

        var globalConfig = ScanGlobalConfig(workspace.Treatments, sourceRoot);
        var editorConfig = EditorConfigOptions.Create(EditorConfigOptions.FindFor(files.Keys), globalConfig);
        var collector = new Collector();

        // Each file belongs to the project in the deepest folder above it; files under no project go to one ad-hoc compilation.
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

        var analysed = projectPaths.Where(p => files.ContainsKey(p) && (scope is null || scope.Of(p) != ProjectChange.None)).ToList();
        var change = changed is null
            ? null
            : new PullRequestChange(
                new HashSet<string>(changed.Files.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Select(p => Path.GetFullPath(Path.Combine(sourceRoot, p))), StringComparer.Ordinal),
                changed);
        var compiled = settings.CacheDirectory is null ? null : new CompiledProjectCache(settings.CacheDirectory);
        var context = new ScanContext(files, owned, editorConfig, collector, timings, cache, cached, scope, change, repositoryFiles, globalConfig, compiled);
        filesPhase.Dispose();

        if (analysed.Count > 0)
        {
            await AnalyzeProjectsAsync(analysed, context, cancellationToken).ConfigureAwait(false);
        }

        unowned.AddRange(context.Adopted);
        if (unowned.Count > 0 && (scope is null || scope.FilesUnderNoProject || context.Adopted.Count > 0))
        {
            var csharp = unowned.Where(f => f.IsCSharp).ToList();
            var others = unowned.Where(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip).ToList();
            var health = await AnalyzeAdHocAsync("certkit-scan-no-project", csharp, others, [], context, context.NarrowingFor(null), null, cancellationToken).ConfigureAwait(false);
            collector.Projects.Add(new ProjectRecord("(files under no project)", ProjectLoadMode.NoProject, null, csharp.Count(f => f.Treatment != KindTreatment.Skip), others.Count) { Health = health });
        }

        Interlocked.Add(ref projectAnalyses, collector.Projects.Count(p => p.Mode != ProjectLoadMode.NoProject));
        var all = collector.Findings
            .Where(f => changed is null || changed.Contains(f.Path, f.Line))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        skipped.AddRange(collector.Skipped);
        var fingerprints = FindingFingerprints.Compute(all);
        all = all.Select((f, i) => f with { Fingerprint = fingerprints[i] }).ToList();
        var findings = all.Where(f => f.Suppression is null).ToList();

        var report = new ScanReport(
            sourceRoot,
            FileDiscovery.RelativeTo(sourceRoot, directory),
            _rules,
            findings,
            files.Values.Count(f => f.Treatment != KindTreatment.Skip) - collector.OutOfScope,
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            notes,
            collector.Projects,
            collector.AnalyzerFailures.Distinct(StringComparer.Ordinal).ToList(),
            settings.BaseRef,
            timings)
        {
            Suppressed = all.Where(f => f.Suppression is not null).ToList(),
            Workspace = workspace,
        };
        return report with { Coverage = Coverage.Of(workspace, _rules.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).ToList(), report) };
    }

    /// <summary>One skipped line per vendored or generated folder (<c>packages/</c>), or per file when its kind came from its name or header.</summary>
    private static void CountSkipped(WorkspaceFile file, Dictionary<string, (FileKind Kind, string Reason, int Count)> byEntry)
    {
        var entry = FolderNamedIn(file) ?? file.RelativePath;
        byEntry[entry] = byEntry.TryGetValue(entry, out var seen)
            ? seen with { Count = seen.Count + 1 }
            : (file.Kind, $"{FileTreatments.Name(file.Kind)} ({file.KindReason})", 1);
    }

    /// <summary>The folder a kind's reason names ("folder vendor/", "NuGet packages/ folder"), as a path prefix of the file, or null.</summary>
    private static string? FolderNamedIn(WorkspaceFile file)
    {
        var reason = file.KindReason;
        var slash = reason.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var start = reason.LastIndexOf(' ', slash) + 1;
        var named = reason[start..slash].Split('/')[^1];
        var segments = file.RelativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals(named, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join('/', segments, 0, i + 1) + "/";
            }
        }

        return null;
    }

    /// <summary>
    /// Options the scan adds to every compilation: the repository's folder (the rules judge a file's kind by its path
    /// inside it, never by the folders above the checkout), and with <c>--files test=all</c> every rule reads test projects.
    /// </summary>
    private static string ScanGlobalConfig(FileTreatments treatments, string sourceRoot) =>
        "is_global = true\n"
        + $"{CertKit.Analyzers.Infrastructure.CertKitOptions.RepositoryRootKey} = {Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar)}\n"
        + (treatments.Test == KindTreatment.All ? "certkit.analyze_test_projects = true\n" : string.Empty);

    /// <summary>Each project's cache key, and its cached design-time result when the key matches.</summary>
    private static Dictionary<string, (string Key, DesignTimeCache.Entry? Entry)> ReadCache(DesignTimeCache cache, IReadOnlyList<string> projectPaths, IReadOnlySet<string> repositoryFiles)
    {
        // The SDK is part of the key: without one nothing is loaded with MSBuild, and nothing is cached.
        var result = new Dictionary<string, (string, DesignTimeCache.Entry?)>(StringComparer.Ordinal);
        if (MsBuildRegistration.EnsureRegistered() is not null)
        {
            return result;
        }

        var buildInputs = DesignTimeCache.BuildInputsHash(repositoryFiles, MsBuildRegistration.Sdk ?? "unknown");
        foreach (var projectPath in projectPaths)
        {
            var folder = Path.GetDirectoryName(projectPath)! + Path.DirectorySeparatorChar;
            var key = DesignTimeCache.KeyFor(projectPath, buildInputs, repositoryFiles.Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Select(f => f[folder.Length..]));
            result[projectPath] = (key, cache.TryGet(projectPath, key));
        }

        return result;
    }

    /// <summary>A pull request's change: its C# files (full paths) and its changed lines (repository-relative paths).</summary>
    private sealed record PullRequestChange(IReadOnlySet<string> CSharpFiles, ChangedLines Lines);

    /// <summary>What the per-project steps share.</summary>
    private sealed record ScanContext(
        Dictionary<string, ScannedFile> Files,
        Dictionary<string, List<ScannedFile>> Owned,
        EditorConfigOptions EditorConfig,
        Collector Collector,
        ScanTimings Timings,
        DesignTimeCache? Cache,
        IReadOnlyDictionary<string, (string Key, DesignTimeCache.Entry? Entry)> Cached,
        ChangeScope? Scope,
        PullRequestChange? Change,
        IReadOnlySet<string> RepositoryFiles,
        string? GlobalConfig,
        CompiledProjectCache? Compiled)
    {
        /// <summary>
        /// In a pull request, the changed C# files a compilation's analysis narrows to (see <see cref="ChangedCodeScope"/>):
        /// for a project changed in its code, and for the files under no project (<paramref name="projectPath"/> null).
        /// A project whose build changed is analysed in full; a full scan narrows nothing.
        /// </summary>
        public PullRequestChange? NarrowingFor(string? projectPath) =>
            Scope is not null && (projectPath is null || Scope.Of(projectPath) == ProjectChange.Full) ? Change : null;

        /// <summary>Text files of projects whose every C# file is excluded: analysed with the files under no project, so the project is never compiled.</summary>
        public List<ScannedFile> Adopted { get; } = [];
    }

    /// <summary>Whether a pull request's scan reads this file: files of projects it analyses in full, changed text files, files under no project when those are analysed.</summary>
    private static bool InScope(WorkspaceFile candidate, ChangeScope scope, HashSet<string> changedRelative, IReadOnlyList<string> projectPaths)
    {
        var owner = OwningProject(candidate.FullPath, projectPaths);
        if (owner is null)
        {
            return scope.FilesUnderNoProject;
        }

        return scope.Of(owner) switch
        {
            ProjectChange.None => false,
            ProjectChange.TextFiles => candidate.FullPath == owner || changedRelative.Contains(candidate.RelativePath),
            _ => true,
        };
    }

    /// <summary>The project in the deepest folder above <paramref name="filePath"/>, or null (all paths absolute).</summary>
    internal static string? OwningProject(string filePath, IReadOnlyList<string> projectPaths)
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

    private async Task AnalyzeProjectsAsync(List<string> projectPaths, ScanContext context, CancellationToken cancellationToken)
    {
        string? registrationProblem;
        using (context.Timings.Measure(ScanPhase.Load))
        {
            registrationProblem = MsBuildRegistration.EnsureRegistered();
        }

        if (registrationProblem is not null)
        {
            foreach (var projectPath in projectPaths)
            {
                await FallBackAsync(projectPath, registrationProblem, context, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await AnalyzeWithMsBuildAsync(projectPaths, context, cancellationToken).ConfigureAwait(false);
    }

    // Kept out of line so MSBuildWorkspace's types load only after MSBuildLocator has registered the SDK.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task AnalyzeWithMsBuildAsync(List<string> projectPaths, ScanContext context, CancellationToken cancellationToken)
    {
        // Restore and the design-time builds write obj/ folders (of referenced projects too); those that were not there before go when the projects are analysed.
        using var userTree = UserTreeGuard.Watch(context.RepositoryFiles);
        var timings = context.Timings;
        var designs = new Dictionary<string, DesignTimeProject>(StringComparer.Ordinal);
        var primaries = new Dictionary<string, DesignTimeProject>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string?>(StringComparer.Ordinal);
        var fromCache = new HashSet<string>(StringComparer.Ordinal);

        // 1. Design-time results from the cache, where the key matches (a project MSBuild could not load under this key is not asked again).
        foreach (var projectPath in projectPaths)
        {
            if (context.Cached.GetValueOrDefault(projectPath).Entry is { Problem: { } remembered })
            {
                problems[projectPath] = remembered + " (remembered from an earlier scan in --cache-dir)";
            }
            else if (context.Cached.GetValueOrDefault(projectPath).Entry is { } entry && entry.Closure.FirstOrDefault(p => p.Name == entry.Primary) is { } primary)
            {
                primaries[projectPath] = primary;
                fromCache.Add(projectPath);
                foreach (var design in entry.Closure)
                {
                    designs.TryAdd(design.Name, design);
                }
            }
        }

        // 2. The others: one restore for all of them (remembered failures too: their fallback reads the restored packages),
        //    then MSBuild's design-time builds.
        var toRestore = projectPaths.Where(p => !primaries.ContainsKey(p)).ToList();
        var toLoad = toRestore.Where(p => !problems.ContainsKey(p)).ToList();
        if (toRestore.Count > 0)
        {
            using (timings.Measure(ScanPhase.Restore))
            {
                await MsBuildProjectLoader.RestoreAllAsync(toRestore, Path.Combine(Path.GetTempPath(), "certkit-scan"), cancellationToken).ConfigureAwait(false);
            }
        }

        if (toLoad.Count > 0)
        {
            using var loader = await MsBuildProjectLoader.CreateForAsync(toLoad, cancellationToken).ConfigureAwait(false);
            foreach (var projectPath in toLoad)
            {
                using var _ = timings.Measure(ScanPhase.Load, context.Files[projectPath].RelativePath);
                var loaded = await loader.LoadDesignTimeAsync(projectPath, context.RepositoryFiles.Contains, cancellationToken).ConfigureAwait(false);
                if (loaded.Primary is null)
                {
                    problems[projectPath] = loaded.Problem;
                    if (context.Cache is not null && context.Scope is null)
                    {
                        context.Cache.Store(projectPath, DesignTimeCache.Entry.Failure(context.Cached[projectPath].Key, loaded.Problem ?? "could not be loaded"));
                    }

                    continue;
                }

                primaries[projectPath] = loaded.Primary;
                foreach (var design in loaded.Closure)
                {
                    designs.TryAdd(design.Name, design);
                }

                if (context.Cache is not null && context.Scope is null)
                {
                    // Texts of repository files are never cached (they are read from the work tree), so only full scans store: a
                    // pull request's scan reads fewer files, and would cache texts of files it did not read.
                    context.Cache.Store(projectPath, DesignTimeCache.Entry.Loaded(context.Cached[projectPath].Key, loaded.Primary.Name, loaded.Closure));
                }
            }
        }

        // 3. Compile and analyse in dependency order; a referenced project is compiled first and handed on as a reference assembly.
        //    With --cache-dir, a project whose inputs did not change is neither compiled nor analysed again (CompiledProjectCache).
        var build = new ProjectBuild(new ProjectCompiler(), context.Compiled is null ? null : new ProjectInputKeys(designs, _analyzers.Select(a => a.GetType())));
        var needed = NeededByOthers(primaries.Values, designs);
        foreach (var projectPath in projectPaths)
        {
            if (!primaries.TryGetValue(projectPath, out var primary))
            {
                await FallBackAsync(projectPath, problems.GetValueOrDefault(projectPath), context, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await CompileReferencesAsync(primary, designs, build, context, new HashSet<string>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
            await AnalyzeProjectAsync(projectPath, primary, needed.Contains(primary.Name), fromCache.Contains(projectPath), build, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Names of the projects some other project references (they need a reference assembly once compiled).</summary>
    private static HashSet<string> NeededByOthers(IEnumerable<DesignTimeProject> primaries, Dictionary<string, DesignTimeProject> designs)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<DesignTimeProject>(primaries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!seen.Add(project.Name))
            {
                continue;
            }

            foreach (var reference in project.ProjectReferences)
            {
                needed.Add(reference.Name);
                if (designs.TryGetValue(reference.Name, out var referenced))
                {
                    pending.Push(referenced);
                }
            }
        }

        return needed;
    }

    /// <summary>The compiler of one scan's MSBuild projects, and the keys of their inputs when compiled results are cached.</summary>
    private sealed record ProjectBuild(ProjectCompiler Compiler, ProjectInputKeys? Keys);

    /// <summary>Compiles, depth first, every project <paramref name="project"/> references that has no reference assembly yet.</summary>
    private async Task CompileReferencesAsync(
        DesignTimeProject project,
        Dictionary<string, DesignTimeProject> designs,
        ProjectBuild build,
        ScanContext context,
        HashSet<string> visiting,
        CancellationToken cancellationToken)
    {
        if (!visiting.Add(project.Name))
        {
            return; // a reference cycle: MSBuild would refuse it; compile what can be compiled
        }

        foreach (var reference in project.ProjectReferences)
        {
            if (build.Compiler.HasProjectImage(reference.Name) || !designs.TryGetValue(reference.Name, out var referenced))
            {
                continue;
            }

            await CompileReferencesAsync(referenced, designs, build, context, visiting, cancellationToken).ConfigureAwait(false);
            if (!build.Compiler.HasProjectImage(reference.Name))
            {
                await AddImageAsync(referenced, build, context, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="design"/>'s reference assembly available to the projects referencing it: the cached one when
    /// its inputs did not change, otherwise compiled from its sources (and cached).
    /// </summary>
    private static async Task AddImageAsync(DesignTimeProject design, ProjectBuild build, ScanContext context, CancellationToken cancellationToken)
    {
        using var _ = context.Timings.Measure(ScanPhase.Compilation, RelativeOrName(design, context));
        var stored = build.Keys?.ImageKey(design) is { } key ? context.Compiled!.TryGetImage(design.FilePath, design.Name, key) : null;
        if (stored is { Length: > 0 })
        {
            build.Compiler.AddProjectImage(design.Name, ProjectCompiler.FromImage(stored));
            return;
        }

        Interlocked.Increment(ref referenceAssembliesCompiled);
        var project = build.Compiler.CreateProject(design, TextOf(context), [], []);
        if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } compilation)
        {
            if (stored is not null)
            {
                // Known not to emit under these inputs: the referencing projects bind against the compilation itself.
                build.Compiler.AddProjectImage(design.Name, compilation.ToMetadataReference());
            }
            else
            {
                AddImage(design, compilation, compiledForReferenceOnly: true, build, context, cancellationToken);
            }
        }

        project.Solution.Workspace.Dispose();
    }

    /// <summary>Emits <paramref name="compilation"/>'s reference assembly for the projects referencing it, and caches it under its inputs' key.</summary>
    private static void AddImage(DesignTimeProject design, Compilation compilation, bool compiledForReferenceOnly, ProjectBuild build, ScanContext context, CancellationToken cancellationToken)
    {
        var (reference, image) = ProjectCompiler.ImageOf(compilation, compiledForReferenceOnly, cancellationToken);
        build.Compiler.AddProjectImage(design.Name, reference);
        if (build.Keys?.ImageKey(design) is { } key)
        {
            if (image is null)
            {
                context.Compiled!.StoreNoImage(design.FilePath, design.Name, key);
            }
            else
            {
                context.Compiled!.StoreImage(design.FilePath, design.Name, key, image);
            }
        }
    }

    /// <summary>A project file's folder ("src/App/"), or "./" at the root.</summary>
    private static string FolderOf(string relativeProjectPath) =>
        Path.GetDirectoryName(relativeProjectPath) is { Length: > 0 } folder ? folder.Replace('\\', '/') + "/" : "./";

    private static string RelativeOrName(DesignTimeProject project, ScanContext context) =>
        context.Files.TryGetValue(project.FilePath, out var file) ? file.RelativePath : project.Name;

    private static Func<string, SourceText?> TextOf(ScanContext context) =>
        path => context.Files.TryGetValue(path, out var file) ? file.Text : null;

    private async Task AnalyzeProjectAsync(
        string projectPath,
        DesignTimeProject design,
        bool referencedByOthers,
        bool fromCache,
        ProjectBuild build,
        ScanContext context,
        CancellationToken cancellationToken)
    {
        var relativePath = context.Files[projectPath].RelativePath;
        var textFilesOnly = context.Scope?.Of(projectPath) == ProjectChange.TextFiles;
        bool IsAnalysed(string path) => context.Files.TryGetValue(path, out var file) && file.Treatment != KindTreatment.Skip;
        if (!textFilesOnly && !design.Documents.Any(d => IsAnalysed(d.Path)))
        {
            // Every C# file of the project is excluded (or vendored): what a user excludes costs nothing. Its analysed text
            // files (the project file, configuration) join the files under no project; the project is never compiled for
            // analysis, and compiled (declarations only) just when another project references it.
            var text = context.Owned.GetValueOrDefault(projectPath, []).Where(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip).ToList();
            lock (context.Adopted)
            {
                context.Adopted.AddRange(text);
            }

            await ImageOnlyAsync(projectPath, design, referencedByOthers, build, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (textFilesOnly)
        {
            // Only text files changed: the analyzers see them in the project's context (its options, its references), but
            // none of its C# is compiled beyond the first file (which stands for the project's editorconfig section).
            var firstRepositoryDocument = design.Documents.FirstOrDefault(d => d.Text is null);
            design = design with
            {
                Documents = design.Documents.Where(d => d.Text is not null || ReferenceEquals(d, firstRepositoryDocument)).ToList(),
                AdditionalDocuments = design.AdditionalDocuments.Where(d => d.Text is not null || context.Files.ContainsKey(d.Path)).ToList(),
            };
        }

        // What the analyzers get beside the project's own files: its folder's other text files, and the .editorconfig files
        // MSBuild finds in CoreCompile (which a design-time build skips), added as the compiler would.
        var present = new HashSet<string>(design.AdditionalDocuments.Select(d => d.Path), StringComparer.Ordinal);
        var additions = context.Owned.GetValueOrDefault(projectPath, [])
            .Where(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip && !present.Contains(f.FullPath))
            .Select(f => (f.FullPath, f.Text))
            .ToList();
        var configured = new HashSet<string>(design.AnalyzerConfigDocuments.Select(d => d.Path), StringComparer.Ordinal);
        var sourcePaths = design.Documents.Select(d => d.Path).Concat(design.AdditionalDocuments.Select(d => d.Path)).Concat(additions.Select(a => a.FullPath)).Append(projectPath);
        var configs = new List<(string, SourceText)>();
        if (context.GlobalConfig is not null)
        {
            configs.Add((EditorConfigOptions.GlobalConfigPath, SourceText.From(context.GlobalConfig)));
        }

        foreach (var configFile in EditorConfigOptions.FindFor(sourcePaths))
        {
            if (configured.Add(configFile) && EditorConfigOptions.TryRead(configFile) is { } configText)
            {
                configs.Add((configFile, configText));
            }
        }

        // Only a whole project's analysis is cached and reused: a pull request's is narrowed to its changes.
        var narrowTo = context.NarrowingFor(projectPath);
        var analysisKey = build.Keys is not null && narrowTo is null && !textFilesOnly
            ? build.Keys.AnalysisKey(design, additions, configs, path => context.Files.TryGetValue(path, out var file) ? file.Treatment.ToString() : null)
            : null;
        if (analysisKey is not null && context.Compiled!.TryGetAnalysis(design.FilePath, design.Name, analysisKey) is { } stored)
        {
            using (context.Timings.Measure(ScanPhase.Analyzers, relativePath))
            {
                Collect(new CompilationAnalysis(stored.Health, stored.Findings, stored.AnalyzerFailures), context.Collector, FolderOf(relativePath));
            }

            if (referencedByOthers && !build.Compiler.HasProjectImage(design.Name))
            {
                await AddImageAsync(design, build, context, cancellationToken).ConfigureAwait(false);
            }

            context.Collector.Projects.Add(new ProjectRecord(relativePath, ProjectLoadMode.MSBuild, null, stored.SourceFiles, stored.AdditionalFiles, fromCache) { Health = stored.Health, AnalysisFromCache = true });
            return;
        }

        Project project;
        Compilation? compilation;
        using (context.Timings.Measure(ScanPhase.Compilation, relativePath))
        {
            project = build.Compiler.CreateProject(design, TextOf(context), additions, configs);
            compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        }

        if (compilation is null)
        {
            await FallBackAsync(projectPath, "the workspace produced no compilation", context, cancellationToken).ConfigureAwait(false);
            return;
        }

        CompilationAnalysis analysis;
        using (context.Timings.Measure(ScanPhase.Analyzers, relativePath))
        {
            analysis = await RunAnalyzersAsync(compilation, project.AnalyzerOptions, context.Files, context.EditorConfig, narrowTo, cancellationToken).ConfigureAwait(false);
            Collect(analysis, context.Collector, FolderOf(relativePath));
        }

        if (referencedByOthers && !textFilesOnly && !build.Compiler.HasProjectImage(design.Name))
        {
            using var _ = context.Timings.Measure(ScanPhase.Compilation, relativePath);
            AddImage(design, compilation, compiledForReferenceOnly: false, build, context, cancellationToken);
        }

        // Nothing holds this project's compilation past here: its workspace goes, and the next project starts from scratch.
        project.Solution.Workspace.Dispose();
        var sourceFiles = project.Documents.Count(d => d.FilePath is not null && context.Files.ContainsKey(d.FilePath));
        var additionalFiles = project.AdditionalDocuments.Count();
        if (analysisKey is not null)
        {
            context.Compiled!.StoreAnalysis(design.FilePath, design.Name, new CompiledProjectCache.Analysis(analysisKey, analysis.Findings, analysis.Health, analysis.Failures, sourceFiles, additionalFiles));
        }

        context.Collector.Projects.Add(new ProjectRecord(relativePath, ProjectLoadMode.MSBuild, null, sourceFiles, additionalFiles, fromCache) { Health = analysis.Health });
    }

    /// <summary>A project none of whose files is analysed: listed as such, compiled (declarations only) only for the projects that reference it.</summary>
    private static async Task ImageOnlyAsync(string projectPath, DesignTimeProject design, bool referencedByOthers, ProjectBuild build, ScanContext context, CancellationToken cancellationToken)
    {
        var relativePath = context.Files[projectPath].RelativePath;
        if (referencedByOthers && !build.Compiler.HasProjectImage(design.Name))
        {
            await AddImageAsync(design, build, context, cancellationToken).ConfigureAwait(false);
        }

        var text = context.Owned.GetValueOrDefault(projectPath, []).Count(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip);
        context.Collector.Projects.Add(new ProjectRecord(relativePath, ProjectLoadMode.MSBuild, ExcludedTrees.EveryFileExcluded, 0, text));
    }

    private async Task FallBackAsync(string projectPath, string? problem, ScanContext context, CancellationToken cancellationToken)
    {
        if (LegacyProject.Read(projectPath) is { } legacy)
        {
            await FallBackLegacyAsync(legacy, problem, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var own = context.Owned.GetValueOrDefault(projectPath, []);
        var csharp = own.Where(f => f.IsCSharp).ToList();
        var others = own.Where(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip).ToList();

        // The project's packages and shared frameworks, as far as its last restore knows them.
        var (packageAssemblies, packages) = AssetsFileReferences.Read(projectPath);
        var relativePath = context.Files[projectPath].RelativePath;
        var health = await AnalyzeAdHocAsync(Path.GetFileNameWithoutExtension(projectPath), csharp, others, packageAssemblies, context, context.NarrowingFor(projectPath), relativePath, cancellationToken, projectProperties: ProjectFileProperties.Read(projectPath)).ConfigureAwait(false);
        context.Collector.Projects.Add(new ProjectRecord(relativePath, ProjectLoadMode.Fallback, problem ?? "could not be loaded", csharp.Count(f => f.Treatment != KindTreatment.Skip), others.Count, FallbackReferences: packages) { Health = health });
    }

    /// <summary>
    /// A legacy .NET Framework project MSBuild could not load: its <c>&lt;Compile&gt;</c> items compiled against its
    /// framework's reference assemblies (the served package), its framework references, hint paths and packages.config
    /// packages. Its other .cs files are not compiled by it, and are reported as skipped.
    /// </summary>
    private async Task FallBackLegacyAsync(LegacyProject legacy, string? problem, ScanContext context, CancellationToken cancellationToken)
    {
        var projectPath = legacy.Path;
        var relativePath = context.Files[projectPath].RelativePath;
        var own = context.Owned.GetValueOrDefault(projectPath, []);
        var compiled = new HashSet<string>(legacy.CompileFiles, StringComparer.Ordinal);
        var csharp = legacy.CompileFiles.Select(p => context.Files.GetValueOrDefault(p)).OfType<ScannedFile>().Where(f => f.IsCSharp).ToList();
        var others = own.Where(f => !f.IsCSharp && f.Treatment != KindTreatment.Skip).ToList();
        foreach (var notCompiled in own.Where(f => f.IsCSharp && f.Treatment != KindTreatment.Skip && !compiled.Contains(f.FullPath)))
        {
            context.Collector.Skipped.Add(new SkippedFile(notCompiled.RelativePath, $"not compiled by {relativePath} (no <Compile> item names it)"));
        }

        var located = await NetFrameworkReferenceAssemblies.LocateAsync(legacy.TargetFrameworkVersion, cancellationToken).ConfigureAwait(false);
        var references = legacy.ReferencePaths(located.Directory);
        var reason = located.Directory is null
            ? (problem == located.Problem ? problem : Join(problem, located.Problem!)) + "; compiled against the running .NET instead"
            : Join(problem, $"compiled ad hoc against the .NET Framework {legacy.TargetFrameworkVersion} reference assemblies");
        var health = await AnalyzeAdHocAsync(Path.GetFileNameWithoutExtension(projectPath), csharp, others, references, context, context.NarrowingFor(projectPath), relativePath, cancellationToken, ownFramework: located.Directory is not null).ConfigureAwait(false);
        context.Collector.Projects.Add(new ProjectRecord(relativePath, ProjectLoadMode.Fallback, reason, csharp.Count(f => f.Treatment != KindTreatment.Skip), others.Count, FallbackReferences: legacy.Packages.Count, FallbackPackagesFrom: "packages.config") { Health = health });
    }

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;

    /// <param name="ownFramework">Whether <paramref name="extraReferences"/> hold the framework (.NET Framework reference assemblies): then neither the running .NET's assemblies nor SDK-style implicit usings are added.</param>
    /// <param name="projectProperties">The project file's build properties a build would make visible (<see cref="ProjectFileProperties"/>).</param>
    private async Task<CompilationHealth> AnalyzeAdHocAsync(
        string assemblyName,
        List<ScannedFile> csharp,
        List<ScannedFile> others,
        IReadOnlyList<string> extraReferences,
        ScanContext context,
        PullRequestChange? narrowTo,
        string? timingName,
        CancellationToken cancellationToken,
        bool ownFramework = false,
        ImmutableDictionary<string, string>? projectProperties = null)
    {
        CSharpCompilation compilation;
        using (context.Timings.Measure(ScanPhase.Compilation, timingName))
        {
            var trees = csharp.Select(f => AdHocCompilation.Parse(f.Text, f.FullPath, cancellationToken));
            compilation = AdHocCompilation.Create(assemblyName, trees, extraReferences, ownFramework, cancellationToken);
        }

        var additionalTexts = others.Select(f => (AdditionalText)new ScannedText(f.FullPath, f.Text)).ToImmutableArray();
        using (context.Timings.Measure(ScanPhase.Analyzers, timingName))
        {
            var options = ProjectFileProperties.Add(new AnalyzerOptions(additionalTexts, context.EditorConfig), projectProperties ?? ImmutableDictionary<string, string>.Empty);
            var analysis = await RunAnalyzersAsync(compilation, options, context.Files, context.EditorConfig, narrowTo, cancellationToken).ConfigureAwait(false);
            Collect(analysis, context.Collector, timingName is null ? "(files under no project)" : FolderOf(timingName));
            return analysis.Health;
        }
    }

    /// <summary>What the analyzers reported on one compilation, and how well it resolved.</summary>
    /// <param name="OutOfScope">In a pull request, the listed C# files outside its scope (compiled as declarations only, not analysed).</param>
    private sealed record CompilationAnalysis(CompilationHealth Health, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Failures, int OutOfScope = 0);

    /// <summary>
    /// Adds one compilation's findings and failures to the scan's (a file in two compilations, as target frameworks or a
    /// linked file, is reported once), and the files a pull request left out of its scope, as one skipped line for
    /// <paramref name="scopeName"/> (the project's folder, or the files under no project).
    /// </summary>
    private static void Collect(CompilationAnalysis analysis, Collector collector, string scopeName)
    {
        collector.AnalyzerFailures.AddRange(analysis.Failures);
        if (analysis.OutOfScope > 0)
        {
            collector.OutOfScope += analysis.OutOfScope;
            collector.Skipped.Add(new SkippedFile(scopeName, $"{analysis.OutOfScope} C# file{(analysis.OutOfScope == 1 ? string.Empty : "s")} outside the pull request's scope: compiled as declarations only, not analysed (a full scan analyses them)"));
        }

        foreach (var finding in analysis.Findings)
        {
            if (collector.Seen.Add((finding.RuleId, finding.Path, finding.Line, finding.Column, finding.EndLine, finding.EndColumn)))
            {
                collector.Findings.Add(finding);
            }
        }
    }

    /// <summary>Runs the analyzers; returns their findings and how well the compilation resolved (compiler diagnostics come from the same pass).</summary>
    /// <param name="narrowTo">In a pull request, its change: only the changed C# files and what a flow into their changed lines needs are analysed.</param>
    private async Task<CompilationAnalysis> RunAnalyzersAsync(
        Compilation compilation,
        AnalyzerOptions options,
        Dictionary<string, ScannedFile> files,
        EditorConfigOptions editorConfig,
        PullRequestChange? narrowTo,
        CancellationToken cancellationToken)
    {
        bool IsListed(string path) => files.TryGetValue(path, out var file) && file.Treatment != KindTreatment.Skip;
        bool IsChangedLine(string path, int line) => files.TryGetValue(path, out var file) && narrowTo!.Lines.Contains(file.RelativePath, line);
        var inScope = narrowTo is null ? null : ChangedCodeScope.Select(compilation, narrowTo.CSharpFiles, IsChangedLine, IsListed, cancellationToken);
        bool IsRepositoryFile(string path) => IsListed(path) && (inScope is null || inScope.Contains(path));

        // Excluded, vendored and generated files, and in a pull request those out of its scope, stay in the compilation
        // as declarations (the rest binds against them) and are marked generated, which every CertKit analyzer skips,
        // callbacks included: the analyzers never see them, and the compiler binds none of their bodies.
        (compilation, options) = ExcludedTrees.ReduceToDeclarationsAndMarkGenerated(compilation, options, IsRepositoryFile, cancellationToken);
        if (_analyzers.IsEmpty)
        {
            return new CompilationAnalysis(CompilationHealth.Measure(compilation, compilation.GetDiagnostics(cancellationToken), IsRepositoryFile), [], []);
        }

        var failures = new List<string>();
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string, int, int, int, int)>();

        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (failures)
                {
                    failures.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true); // kept in SARIF as suppressed, so code scanning does not reopen them
        // The analyzer driver binds every body anyway; asking for all diagnostics adds the compiler's from the same pass.
        var all = await compilation.WithAnalyzers(_analyzers, analyzerOptions).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var compilerDiagnostics = new List<Diagnostic>();
        var diagnostics = new List<Diagnostic>();
        foreach (var diagnostic in all)
        {
            (diagnostic.Id.StartsWith("CS", StringComparison.Ordinal) ? compilerDiagnostics : diagnostics).Add(diagnostic);
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == AnalyzerExceptionId)
            {
                failures.Add(diagnostic.GetMessage(CultureInfo.InvariantCulture));
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

            if (!file.Reports(diagnostic.Id))
            {
                continue; // a kind the rule does not read: tests and fixtures get secrets by content only, vendored nothing
            }

            // The rule's configured severity, not the build's: TreatWarningsAsErrors turns every warning into an error
            // for the build, which is reported beside the finding (WarningAsError), not as its level.
            var warningAsError = IsPromotedByTreatWarningsAsErrors(diagnostic, compilation.Options);
            var reported = diagnostic.Severity switch
            {
                _ when warningAsError => FindingLevel.Warning,
                DiagnosticSeverity.Error => FindingLevel.Error,
                DiagnosticSeverity.Warning => FindingLevel.Warning,
                _ => FindingLevel.Note,
            };
            var level = editorConfig.ConfiguredLevel(file.FullPath, diagnostic.Id, reported);

            var start = span.StartLinePosition;
            var end = span.EndLinePosition;
            if (!seen.Add((diagnostic.Id, file.RelativePath, start.Line, start.Character, end.Line, end.Character)))
            {
                continue; // the same place twice in one compilation
            }

            var lineText = start.Line < file.Text.Lines.Count ? file.Text.Lines[start.Line].ToString() : string.Empty;
            var suppression = diagnostic.IsSuppressed
                ? new FindingSuppression(SuppressionKind.InSource, "#pragma warning disable or [SuppressMessage]")
                : level is null
                    ? new FindingSuppression(SuppressionKind.External, "severity none in .editorconfig")
                    : AllowComments.Find(file.Text, start.Line);
            findings.Add(new Finding(
                diagnostic.Id,
                file.RelativePath,
                start.Line + 1,
                start.Character + 1,
                end.Line + 1,
                end.Character + 1,
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                level ?? reported,
                lineText)
            {
                Suppression = suppression,
                WarningAsError = warningAsError && (level ?? reported) == FindingLevel.Warning,
            });
        }

        var outOfScope = inScope is null ? 0 : compilation.SyntaxTrees.Count(tree => IsListed(tree.FilePath) && tree.FilePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !inScope.Contains(tree.FilePath));
        return new CompilationAnalysis(CompilationHealth.Measure(compilation, compilerDiagnostics, IsRepositoryFile), findings, failures, outOfScope);
    }

    /// <summary>
    /// A warning that is an error only because the project treats warnings as errors (<c>TreatWarningsAsErrors</c>, i.e.
    /// the compilation's general option), not because the rule was configured as an error for it (<c>WarningsAsErrors</c>
    /// naming it, or an .editorconfig severity, which <see cref="EditorConfigOptions"/> applies).
    /// </summary>
    private static bool IsPromotedByTreatWarningsAsErrors(Diagnostic diagnostic, CompilationOptions options) =>
        diagnostic.IsWarningAsError
        && options.GeneralDiagnosticOption == ReportDiagnostic.Error
        && !(options.SpecificDiagnosticOptions.TryGetValue(diagnostic.Id, out var specific) && specific == ReportDiagnostic.Error);

    /// <summary>A scanned non-C# file handed to the analyzers as an AdditionalText.</summary>
    private sealed class ScannedText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
