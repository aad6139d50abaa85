using CertKit.Action.Processes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace CertKit.Action.Scanning;

/// <summary>
/// Opens C# projects with MSBuildWorkspace, restoring them first when they have never been restored. Only create it after
/// <see cref="MsBuildRegistration.EnsureRegistered"/> succeeded.
/// </summary>
internal sealed class MsBuildProjectLoader : IDisposable
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

    private readonly MSBuildWorkspace _workspace;
    private readonly List<WorkspaceDiagnostic> _failures = new();
    private readonly IReadOnlyDictionary<string, string> _frameworkProblems;

    private MsBuildProjectLoader(MSBuildWorkspace workspace, IReadOnlyDictionary<string, string>? frameworkProblems = null)
    {
        _workspace = workspace;
        _frameworkProblems = frameworkProblems ?? new Dictionary<string, string>();
        // Restore warnings (NU1603 …) and unresolved items arrive here; they are not fatal, the project still loads.
        _workspace.WorkspaceFailed += (_, e) =>
        {
            lock (_failures)
            {
                _failures.Add(e.Diagnostic);
            }
        };
    }

    public static MsBuildProjectLoader Create() => new(MSBuildWorkspace.Create());

    /// <summary>
    /// A loader for <paramref name="projectPaths"/>: legacy .NET Framework projects among them find their framework's
    /// reference assemblies (restored on demand from the served package) through MSBuild's
    /// <c>TargetFrameworkFallbackSearchPaths</c>, as they would find an installed targeting pack on Windows. A legacy
    /// project whose reference assemblies cannot be had is not loaded (its compilation would bind nothing): it falls
    /// back, with that reason.
    /// </summary>
    public static async Task<MsBuildProjectLoader> CreateForAsync(IReadOnlyList<string> projectPaths, CancellationToken cancellationToken)
    {
        var searchRoots = new List<string>();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var projectPath in projectPaths)
        {
            if (LegacyProject.Read(projectPath) is not { } legacy)
            {
                continue;
            }

            var located = await NetFrameworkReferenceAssemblies.LocateAsync(legacy.TargetFrameworkVersion, cancellationToken).ConfigureAwait(false);
            if (located.SearchRoot is { } root)
            {
                searchRoots.Add(root);
            }
            else
            {
                problems[projectPath] = located.Problem!;
            }
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (searchRoots.Count > 0)
        {
            properties["TargetFrameworkFallbackSearchPaths"] = string.Join(';', searchRoots.Distinct(StringComparer.Ordinal));
        }

        return new MsBuildProjectLoader(MSBuildWorkspace.Create(properties), problems);
    }

    internal sealed record Loaded(Project? Project, string? Problem);

    /// <summary>A project's design-time result (<see cref="Primary"/>) and those of the projects it references (all in <see cref="Closure"/>), or why it could not be loaded.</summary>
    internal sealed record DesignTimeLoad(DesignTimeProject? Primary, IReadOnlyList<DesignTimeProject> Closure, string? Problem);

    private readonly Dictionary<ProjectId, DesignTimeProject> _designTime = new();

    /// <summary>The loaded project, or null with the reason it could not be loaded.</summary>
    public async Task<Loaded> OpenAsync(string projectPath, CancellationToken cancellationToken)
    {
        if (_frameworkProblems.TryGetValue(projectPath, out var frameworkProblem))
        {
            return new Loaded(null, frameworkProblem);
        }

        var restoreProblem = await RestoreIfNeededAsync(projectPath, cancellationToken).ConfigureAwait(false);
        Project project;
        try
        {
            project = _workspace.CurrentSolution.Projects.FirstOrDefault(p => string.Equals(p.FilePath, projectPath, StringComparison.Ordinal))
                ?? await _workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Loaded(null, Join(restoreProblem, exception.Message));
        }

        if (project.Language != LanguageNames.CSharp)
        {
            return new Loaded(null, "not a C# project");
        }

        // A design-time build that failed (no SDK for the target framework, broken restore) leaves a project without references.
        if (!project.MetadataReferences.Any())
        {
            return new Loaded(null, Join(restoreProblem, FailureFor(projectPath) ?? "the design-time build produced no references"));
        }

        return new Loaded(project, null);
    }

    /// <summary>
    /// The design-time result of <paramref name="projectPath"/> (the target framework MSBuildWorkspace opens first) and of
    /// every project it references, transitively; or the reason it could not be loaded. Files that
    /// <paramref name="isRepositoryFile"/> rejects (obj/ output) are kept with their text.
    /// </summary>
    public async Task<DesignTimeLoad> LoadDesignTimeAsync(string projectPath, Func<string, bool> isRepositoryFile, CancellationToken cancellationToken)
    {
        var loaded = await OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
        if (loaded.Project is null)
        {
            return new DesignTimeLoad(null, [], loaded.Problem);
        }

        var closure = new List<DesignTimeProject>();
        var seen = new HashSet<ProjectId>();
        var pending = new Stack<Project>();
        pending.Push(loaded.Project);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!seen.Add(project.Id) || project.Language != LanguageNames.CSharp)
            {
                continue;
            }

            closure.Add(_designTime.TryGetValue(project.Id, out var known) ? known : _designTime[project.Id] = DesignTimeProject.FromWorkspace(project, isRepositoryFile));
            foreach (var reference in project.ProjectReferences)
            {
                if (project.Solution.GetProject(reference.ProjectId) is { } referenced)
                {
                    pending.Push(referenced);
                }
            }
        }

        return new DesignTimeLoad(closure[0], closure, null);
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// Restores every project of <paramref name="projectPaths"/> that has no <c>obj/project.assets.json</c> in ONE
    /// <c>dotnet restore</c> (of a generated solution file), rather than one per project. Null, or what failed.
    /// </summary>
    public static async Task<string?> RestoreAllAsync(IReadOnlyList<string> projectPaths, string scratchFolder, CancellationToken cancellationToken)
    {
        // A project file that is not even XML would fail the whole batch: it restores (and fails) on its own when it is opened.
        var unrestored = projectPaths.Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json")) && IsXml(p)).ToList();
        if (unrestored.Count == 0)
        {
            return null;
        }

        if (unrestored.Count == 1)
        {
            return await RestoreAsync(unrestored[0], Path.GetDirectoryName(unrestored[0])!, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(scratchFolder);
        var solution = Path.Combine(scratchFolder, $"certkit-restore-{Environment.ProcessId}.slnx");
        var document = new System.Xml.Linq.XElement(
            "Solution",
            unrestored.Select(p => new System.Xml.Linq.XElement("Project", new System.Xml.Linq.XAttribute("Path", p))));
        await File.WriteAllTextAsync(solution, document.ToString(), cancellationToken).ConfigureAwait(false);
        try
        {
            return await RestoreAsync(solution, scratchFolder, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(solution);
        }
    }

    private string? FailureFor(string projectPath)
    {
        lock (_failures)
        {
            var failure = _failures.LastOrDefault(f => f.Kind == WorkspaceDiagnosticKind.Failure && f.Message.Contains(Path.GetFileName(projectPath), StringComparison.Ordinal))
                ?? _failures.LastOrDefault(f => f.Kind == WorkspaceDiagnosticKind.Failure);
            return failure?.Message;
        }
    }

    private static async Task<string?> RestoreIfNeededAsync(string projectPath, CancellationToken cancellationToken)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            return null;
        }

        return await RestoreAsync(projectPath, Path.GetDirectoryName(projectPath)!, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> RestoreAsync(string target, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync("dotnet", ["restore", target, "--verbosity", "quiet"], workingDirectory, RestoreTimeout, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return null;
            }

            var output = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return "dotnet restore failed: " + (output.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? output.FirstOrDefault() ?? $"exit code {result.ExitCode}");
        }
        catch (CertKitException exception)
        {
            return exception.Message;
        }
    }

    private static bool IsXml(string path)
    {
        try
        {
            System.Xml.Linq.XDocument.Load(path);
            return true;
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;
}
