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

    private MsBuildProjectLoader(MSBuildWorkspace workspace)
    {
        _workspace = workspace;
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

    internal sealed record Loaded(Project? Project, string? Problem);

    /// <summary>The loaded project, or null with the reason it could not be loaded.</summary>
    public async Task<Loaded> OpenAsync(string projectPath, CancellationToken cancellationToken)
    {
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

    public void Dispose() => _workspace.Dispose();

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

        try
        {
            var result = await ProcessRunner.RunAsync("dotnet", ["restore", projectPath, "--verbosity", "quiet"], Path.GetDirectoryName(projectPath)!, RestoreTimeout, cancellationToken).ConfigureAwait(false);
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

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;
}
