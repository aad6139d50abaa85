using System.Runtime.CompilerServices;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

using CertKit.Action.Workspace;

namespace CertKit.Action.Evidence.Api;

/// <summary>
/// The public API of a folder (a commit's files): every shipped (non-test) C# project loaded the way the scan loads it
/// (<see cref="MsBuildProjectLoader"/>), or, when a project cannot be loaded, compiled from its source files alone against
/// the framework (a note says which, and why).
/// </summary>
internal static class ApiSurfaceReader
{
    /// <summary>The public API of both sides, read with one MSBuild workspace (its build host starts once).</summary>
    /// <param name="needed">Whether a project (path relative to the folder) can have changed; the others are not read at all.</param>
    public static Task<(ApiSurface AtBase, ApiSurface AtHead)> ReadAsync(string baseFolder, string baseLabel, string headFolder, string headLabel, Func<string, bool> needed, CancellationToken cancellationToken) =>
        ReadAsync(RepositoryWorkspace.OpenSnapshot(baseFolder), baseLabel, RepositoryWorkspace.OpenSnapshot(headFolder), headLabel, needed, cancellationToken);

    /// <summary>The public API of both sides' workspaces (the evidence opens each commit's once and shares it).</summary>
    public static async Task<(ApiSurface AtBase, ApiSurface AtHead)> ReadAsync(RepositoryWorkspace atBase, string baseLabel, RepositoryWorkspace atHead, string headLabel, Func<string, bool> needed, CancellationToken cancellationToken)
    {
        var sides = new[] { Side.Find(atBase, baseLabel, needed), Side.Find(atHead, headLabel, needed) };
        var projects = sides.SelectMany(s => s.Projects).ToList();
        var fallbacks = new List<(string Project, string Problem)>();
        if (projects.Count > 0)
        {
            var registration = MsBuildRegistration.EnsureRegistered();
            if (registration is null)
            {
                await Task.WhenAll(sides.Select(side => SnapshotRestore.RestoreAsync(side.Root, side.Projects, cancellationToken))).ConfigureAwait(false);
                fallbacks.AddRange(await LoadWithMsBuildAsync(sides, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                fallbacks.AddRange(projects.Select(p => (p, registration)));
            }
        }

        foreach (var (project, problem) in fallbacks)
        {
            var side = sides.First(s => s.Owns(project));
            side.Notes.Add($"{Relative(side.Root, project)} at {side.Label} could not be loaded ({problem}); its public API was read from its source files alone");
            CompileFromSource(project, side.SourcesByProject.GetValueOrDefault(project, []), side.Symbols, side.RelativePath, cancellationToken);
        }

        return (new ApiSurface(sides[0].Symbols, sides[0].Notes), new ApiSurface(sides[1].Symbols, sides[1].Notes));
    }

    private static string Relative(string root, string fullPath) => Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    /// <summary>One commit's folder: its shipped projects, their source files, and the surface read so far.</summary>
    private sealed class Side
    {
        private Side(string root, string label)
        {
            Root = root;
            Label = label;
        }

        public string Root { get; }

        public string Label { get; }

        public List<string> Projects { get; } = new();

        public Dictionary<string, List<string>> SourcesByProject { get; private set; } = new(StringComparer.Ordinal);

        public Dictionary<string, ApiSymbol> Symbols { get; } = new(StringComparer.Ordinal);

        public List<string> Notes { get; } = new();

        public static Side Find(RepositoryWorkspace workspace, string label, Func<string, bool> needed)
        {
            var side = new Side(workspace.Directory, label);
            var allProjects = workspace.ProjectPaths.Where(File.Exists).ToList();
            side.Projects.AddRange(allProjects.Where(p => needed(Relative(side.Root, p)) && !workspace.TestProjects.Contains(p)));
            side.SourcesByProject = workspace.Files
                .Where(f => f.IsCSharp && File.Exists(f.FullPath))
                .GroupBy(f => f.Project ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.FullPath).ToList(), StringComparer.Ordinal);
            return side;
        }

        public bool Owns(string path) => path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>The reported path of a declaration, or null for files outside this side's source (generated files under obj/).</summary>
        public string? RelativePath(string path)
        {
            var full = Path.GetFullPath(path);
            if (!Owns(full))
            {
                return null;
            }

            var relative = Relative(Root, full);
            return relative.Split('/').Any(segment => segment is "obj" or "bin" or "node_modules") ? null : relative;
        }
    }

    // Kept out of line so MSBuildWorkspace's types load only after MSBuildLocator has registered the SDK.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<List<(string Project, string Problem)>> LoadWithMsBuildAsync(Side[] sides, CancellationToken cancellationToken)
    {
        var failed = new List<(string, string)>();
        // Legacy .NET Framework projects get their reference assemblies as the scan's do (else nothing binds and no API is seen).
        using var loader = await MsBuildProjectLoader.CreateForAsync([.. sides.SelectMany(s => s.Projects)], cancellationToken).ConfigureAwait(false);
        foreach (var (side, projectPath) in sides.SelectMany(s => s.Projects.Select(p => (s, p))))
        {
            var loaded = await loader.OpenAsync(projectPath, cancellationToken).ConfigureAwait(false);
            var compilation = loaded.Project is null ? null : await loaded.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                failed.Add((projectPath, loaded.Problem ?? "the workspace produced no compilation"));
                continue;
            }

            ApiSurfaceCollector.Collect(compilation, side.RelativePath, side.Symbols);
        }

        return failed;
    }

    private static void CompileFromSource(string project, List<string> sources, Dictionary<string, ApiSymbol> symbols, Func<string, string?> relative, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>();
        foreach (var source in sources)
        {
            using var stream = File.OpenRead(source);
            trees.Add(AdHocCompilation.Parse(SourceText.From(stream), source, cancellationToken));
        }

        var compilation = AdHocCompilation.Create(Path.GetFileNameWithoutExtension(project), trees, [], ownFramework: false, cancellationToken);
        ApiSurfaceCollector.Collect(compilation, relative, symbols);
    }
}
