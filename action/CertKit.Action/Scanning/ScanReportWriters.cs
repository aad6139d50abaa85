using System.Text.Json;

namespace CertKit.Action.Scanning;

/// <summary>The readable report a person sees in a terminal or a CI log.</summary>
internal static class TextReport
{
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
                    ProjectLoadMode.MSBuild => "loaded with MSBuild",
                    ProjectLoadMode.Fallback => $"NOT loaded ({project.Reason}): compiled ad hoc against the framework references",
                    _ => "ad-hoc compilation",
                };
                output.WriteLine($"  {project.Path}: {how}; {project.SourceFiles} C# files, {project.AdditionalFiles} other files");
            }
        }

        output.WriteLine();
        output.WriteLine($"Findings ({report.Findings.Count}):");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  {finding.Path}:{finding.Line}:{finding.Column}: {JsonReport.SeverityOf(finding.Level)} {finding.RuleId}: {finding.Message}");
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

    public static void Write(ScanReport report, TextWriter output)
    {
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
            }),
            analyzerFailures = report.AnalyzerFailures,
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
