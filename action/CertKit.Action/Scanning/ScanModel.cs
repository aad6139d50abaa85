using Microsoft.CodeAnalysis;

namespace CertKit.Action.Scanning;

/// <summary>How serious a finding is, in SARIF's words (Roslyn's Info is SARIF's note).</summary>
internal enum FindingLevel
{
    Note,
    Warning,
    Error,
}

/// <summary>The lowest finding level that makes <c>certkit scan</c> exit with 1.</summary>
internal enum FailOnLevel
{
    None,
    Warning,
    Error,
}

/// <summary>One diagnostic of a CertKit rule, at a repository-relative path (forward slashes), 1-based line and column.</summary>
internal sealed record Finding(
    string RuleId,
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    FindingLevel Level,
    string LineText)
{
    /// <summary>The project treats warnings as errors (<c>TreatWarningsAsErrors</c>), so its build fails on this warning.</summary>
    public bool WarningAsError { get; init; }

    /// <summary>Why the finding is not reported although the rule fired (null: it is reported).</summary>
    public FindingSuppression? Suppression { get; init; }

    /// <summary>The line-independent fingerprint (<see cref="Sarif.FindingFingerprints"/>), set once the scan is complete.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Against a baseline: <see cref="BaselineState.New"/> or <see cref="BaselineState.Unchanged"/>; null without one.</summary>
    public BaselineState? Baseline { get; init; }
}

/// <summary>Where a suppression is written, in SARIF's words.</summary>
internal enum SuppressionKind
{
    /// <summary>In the analysed file: <c>#pragma warning disable</c>, <c>[SuppressMessage]</c>, a <c>certkit:allow</c> comment.</summary>
    InSource,

    /// <summary>Outside it: <c>.editorconfig</c> severity <c>none</c>, a baseline file.</summary>
    External,
}

/// <summary>A suppressed finding's kind and the reason shown beside it.</summary>
internal sealed record FindingSuppression(SuppressionKind Kind, string Justification)
{
    public const string AllowComment = "certkit:allow";

    /// <summary>Suppressed by an inline <c>certkit:allow</c> comment on the line or the line above.</summary>
    public bool IsAllowComment => Justification.StartsWith(AllowComment, StringComparison.Ordinal);
}

/// <summary>A finding compared with a baseline (SARIF's <c>baselineState</c>).</summary>
internal enum BaselineState
{
    New,
    Unchanged,
}

/// <summary>A file the scan did not analyse, and why.</summary>
internal sealed record SkippedFile(string Path, string Reason);

/// <summary>A file that was analysed with a caveat (read as Latin-1, …).</summary>
internal sealed record FileNote(string Path, string Note);

/// <summary>How a C# project (or the files outside any project) was analysed.</summary>
/// <param name="FromCache">Whether the design-time result came from <c>--cache-dir</c> (no restore, no design-time build).</param>
/// <param name="FallbackReferences">For a fallback: how many packages (from <paramref name="FallbackPackagesFrom"/>) the ad-hoc compilation used.</param>
/// <param name="FallbackPackagesFrom">Where a fallback's packages came from: obj/project.assets.json, or a legacy project's packages.config.</param>
internal sealed record ProjectRecord(string Path, ProjectLoadMode Mode, string? Reason, int SourceFiles, int AdditionalFiles, bool FromCache = false, int FallbackReferences = 0, string FallbackPackagesFrom = "obj/project.assets.json")
{
    /// <summary>How well the compilation resolved its types; null when nothing was compiled.</summary>
    public CompilationHealth? Health { get; init; }

    /// <summary>
    /// Whether the findings and health came from <c>--cache-dir</c>: the analysis of an earlier scan whose inputs (sources,
    /// references, options, configuration, this certkit build) were the same, so the project was not compiled or analysed again.
    /// </summary>
    public bool AnalysisFromCache { get; init; }

    /// <summary>Whether the compilation resolved too little for symbol-based rules to see anything (<see cref="CompilationHealth.Degraded"/>).</summary>
    public bool Degraded => Health?.Degraded == true;
}

internal enum ProjectLoadMode
{
    /// <summary>Opened with MSBuildWorkspace: real references, the project's .editorconfig.</summary>
    MSBuild,

    /// <summary>Could not be loaded: its .cs files compiled ad hoc against the framework reference assemblies.</summary>
    Fallback,

    /// <summary>Files under no project: .cs files and other text files analysed in one ad-hoc compilation.</summary>
    NoProject,
}

/// <summary>Everything one scan found and did, for the text, JSON and SARIF reports.</summary>
internal sealed record ScanReport(
    string SourceRoot,
    string ScannedDirectory,
    IReadOnlyList<DiagnosticDescriptor> Rules,
    IReadOnlyList<Finding> Findings,
    int FilesAnalyzed,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<FileNote> Notes,
    IReadOnlyList<ProjectRecord> Projects,
    IReadOnlyList<string> AnalyzerFailures,
    string? BaseRef,
    ScanTimings? Timings = null)
{
    /// <summary>The one view of the repository the scan read (files and their kinds); null for reports read back from JSON.</summary>
    public Workspace.RepositoryWorkspace? Workspace { get; init; }

    /// <summary>What the scan read and did not (per language, kind, project), and its gaps; null for reports read back from JSON.</summary>
    public Workspace.Coverage? Coverage { get; init; }

    /// <summary>Findings suppressed in source or by configuration: kept for SARIF, never reported or failing.</summary>
    public IReadOnlyList<Finding> Suppressed { get; init; } = [];

    /// <summary>Findings already in the baseline (<see cref="BaselineFile"/>): kept for SARIF, never reported or failing.</summary>
    public IReadOnlyList<Finding> InBaseline { get; init; } = [];

    /// <summary>The baseline the findings were compared with, as given on the command line; null without one.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>How many findings an inline <c>certkit:allow</c> comment suppressed.</summary>
    public int AllowedInline => Suppressed.Count(f => f.Suppression!.IsAllowComment);
}
