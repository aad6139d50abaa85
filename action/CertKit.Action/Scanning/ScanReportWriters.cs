using System.Text.Json;

namespace CertKit.Action.Scanning;

/// <summary>The readable report a person sees in a terminal or a CI log.</summary>
internal static class TextReport
{
    /// <summary>" and N packages from obj/project.assets.json", when the fallback had any.</summary>
    public static string FallbackPackages(ProjectRecord project) =>
        project.FallbackReferences > 0 ? $" and {project.FallbackReferences} package{(project.FallbackReferences == 1 ? "" : "s")} from {project.FallbackPackagesFrom}" : string.Empty;

    /// <summary>A reason on one line (MSBuild's messages can span several).</summary>
    public static string OneLine(string? text) =>
        string.Join(' ', (text ?? "could not be loaded").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static void Write(ScanReport report, TextWriter output)
    {
        var where = report.ScannedDirectory == "." ? report.SourceRoot : $"{report.SourceRoot} ({report.ScannedDirectory})";
        output.WriteLine($"certkit scan: {where}");
        output.WriteLine($"{report.FilesAnalyzed} files analysed with {report.Rules.Count} rules" + (report.BaseRef is null ? string.Empty : $"; findings only on lines changed since {report.BaseRef}"));

        if (report.Projects.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Projects:");
            foreach (var project in report.Projects)
            {
                var how = project.Mode switch
                {
                    ProjectLoadMode.MSBuild when project.Reason is not null => $"loaded with MSBuild, {project.Reason}",
                    ProjectLoadMode.MSBuild => project.FromCache ? "loaded with MSBuild (design-time result from the cache)" : "loaded with MSBuild",
                    ProjectLoadMode.Fallback => $"NOT loaded, compiled ad hoc against the framework references{FallbackPackages(project)}",
                    _ => "ad-hoc compilation",
                };
                var degraded = project.Degraded ? $"; DEGRADED: {project.Health!.Describe()}" : string.Empty;
                var reused = project.AnalysisFromCache ? "; findings from the cache (its inputs are those of an earlier scan's analysis)" : string.Empty;
                output.WriteLine($"  {project.Path}: {how}; {project.SourceFiles} C# files, {project.AdditionalFiles} other files{reused}{degraded}");
            }
        }

        if (report.Coverage is { } coverage && (coverage.Gaps.Count > 0 || coverage.SummaryLines().Any()))
        {
            // What was not analysed, one line per gap (JSON has the complete coverage).
            output.WriteLine();
            output.WriteLine("Not analysed:");
            foreach (var line in coverage.SummaryLines().Concat(coverage.Gaps.Where(gap => gap.Contains(" degraded: ", StringComparison.Ordinal) is false)).Distinct(StringComparer.Ordinal))
            {
                output.WriteLine($"  {line}");
            }
        }

        var fallbacks = report.Projects.Where(p => p.Mode == ProjectLoadMode.Fallback).ToList();
        if (fallbacks.Count > 0)
        {
            // One line per project, with the reason: findings there may differ from a build's.
            output.WriteLine();
            output.WriteLine($"Projects compiled ad hoc ({fallbacks.Count}):");
            foreach (var project in fallbacks)
            {
                output.WriteLine($"  {project.Path}: {OneLine(project.Reason)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Findings ({report.Findings.Count}):");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  {finding.Path}:{finding.Line}:{finding.Column}: {JsonReport.SeverityOf(finding.Level)} {finding.RuleId}: {finding.Message}" +
                (finding.WarningAsError ? " (an error in the build: TreatWarningsAsErrors)" : string.Empty));
        }

        if (report.Skipped.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Skipped ({report.Skipped.Count}):");
            foreach (var skipped in report.Skipped)
            {
                output.WriteLine($"  {skipped.Path}: {skipped.Reason}");
            }
        }

        if (report.Notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Notes:");
            foreach (var note in report.Notes)
            {
                output.WriteLine($"  {note.Path}: {note.Note}");
            }
        }

        if (report.AnalyzerFailures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Analyzer failures (a CertKit bug; please report it):");
            foreach (var failure in report.AnalyzerFailures)
            {
                output.WriteLine($"  {failure}");
            }
        }

        output.WriteLine();
        var errors = report.Findings.Count(f => f.Level == FindingLevel.Error);
        var warnings = report.Findings.Count(f => f.Level == FindingLevel.Warning);
        var notes = report.Findings.Count(f => f.Level == FindingLevel.Note);
        output.WriteLine($"{report.Findings.Count} findings ({errors} errors, {warnings} warnings, {notes} notes); {report.Skipped.Count} skipped" + Held(report));
    }

    // "; 12 in the baseline; 3 suppressed (2 by certkit:allow)": what the scan found but does not report.
    private static string Held(ScanReport report)
    {
        var text = string.Empty;
        if (report.BaselineFile is not null)
        {
            text += $"; {report.InBaseline.Count} in the baseline";
        }

        if (report.Suppressed.Count > 0)
        {
            text += $"; {report.Suppressed.Count} suppressed ({report.AllowedInline} by certkit:allow)";
        }

        return text;
    }
}

/// <summary>The <c>--timings</c> section of the text report.</summary>
internal static class TimingsReport
{
    public static void Write(ScanTimings timings, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Timings (wall {ScanTimings.Seconds(timings.Wall)} s, peak memory {timings.PeakMemoryBytes / (1024 * 1024)} MB):");
        foreach (var phase in Enum.GetValues<ScanPhase>())
        {
            output.WriteLine($"  {Name(phase),-12} {ScanTimings.Seconds(timings[phase]),8} s");
        }

        output.WriteLine($"  {"other",-12} {ScanTimings.Seconds(timings.Unaccounted),8} s");
        if (timings.Projects.Count > 0)
        {
            output.WriteLine("  per project (load / compilation / analyzers, s):");
            foreach (var project in timings.Projects)
            {
                output.WriteLine($"    {project.Path}: {ScanTimings.Seconds(project.Load)} / {ScanTimings.Seconds(project.Compilation)} / {ScanTimings.Seconds(project.Analyzers)}");
            }
        }
    }

    public static string Name(ScanPhase phase) => phase switch
    {
        ScanPhase.TextFiles => "text files",
        ScanPhase.Restore => "restore",
        ScanPhase.Load => "load",
        ScanPhase.Compilation => "compilation",
        ScanPhase.Analyzers => "analyzers",
        _ => "report",
    };
}

/// <summary>The scan as one JSON object, for scripts and the Action.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string SeverityOf(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };

    public static void Write(ScanReport report, TextWriter output, bool includeTimings = false)
    {
        var timings = includeTimings ? report.Timings : null;
        var document = new
        {
            sourceRoot = report.SourceRoot,
            scannedDirectory = report.ScannedDirectory,
            @base = report.BaseRef,
            filesAnalyzed = report.FilesAnalyzed,
            findings = report.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                path = f.Path,
                line = f.Line,
                column = f.Column,
                endLine = f.EndLine,
                endColumn = f.EndColumn,
                message = f.Message,
                severity = SeverityOf(f.Level),
                warningAsError = f.WarningAsError,
            }),
            baseline = report.BaselineFile is null ? null : new { file = report.BaselineFile, unchanged = report.InBaseline.Count },
            suppressed = report.Suppressed.Select(f => new
            {
                ruleId = f.RuleId,
                path = f.Path,
                line = f.Line,
                column = f.Column,
                kind = f.Suppression!.Kind == SuppressionKind.InSource ? "inSource" : "external",
                justification = f.Suppression.Justification,
            }),
            allowedInline = report.AllowedInline,
            countsByRule = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            skipped = report.Skipped.Select(s => new { path = s.Path, reason = s.Reason }),
            notes = report.Notes.Select(n => new { path = n.Path, note = n.Note }),
            projects = report.Projects.Select(p => new
            {
                path = p.Path,
                mode = p.Mode switch { ProjectLoadMode.MSBuild => "msbuild", ProjectLoadMode.Fallback => "fallback", _ => "no-project" },
                reason = p.Reason,
                sourceFiles = p.SourceFiles,
                additionalFiles = p.AdditionalFiles,
                designTimeCache = p.Mode == ProjectLoadMode.MSBuild ? (p.FromCache ? "hit" : "miss") : null,
                analysisCache = p.Mode == ProjectLoadMode.MSBuild && p.Reason is null ? (p.AnalysisFromCache ? "hit" : "miss") : null,
                fallbackPackages = p.Mode == ProjectLoadMode.Fallback ? p.FallbackReferences : (int?)null,
                degraded = p.Degraded,
                unresolvedNames = p.Health?.UnresolvedNames,
            }),
            analyzerFailures = report.AnalyzerFailures,
            coverage = report.Coverage is null ? null : Workspace.CoverageJson.Of(report.Coverage),
            timings = timings is null ? null : new
            {
                wallSeconds = timings.Wall.TotalSeconds,
                peakMemoryBytes = timings.PeakMemoryBytes,
                phases = Enum.GetValues<ScanPhase>().ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.ToString()), p => timings[p].TotalSeconds),
                otherSeconds = timings.Unaccounted.TotalSeconds,
                projects = timings.Projects.Select(p => new
                {
                    path = p.Path,
                    loadSeconds = p.Load.TotalSeconds,
                    compilationSeconds = p.Compilation.TotalSeconds,
                    analyzersSeconds = p.Analyzers.TotalSeconds,
                }),
            },
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
