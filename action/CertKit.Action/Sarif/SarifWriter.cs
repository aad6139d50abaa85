using System.Text;
using System.Text.Json;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Sarif;

/// <summary>
/// Writes a scan as SARIF 2.1.0 for GitHub code scanning (<c>github/codeql-action/upload-sarif</c>): one run, the rules
/// from the analyzers' descriptors, results at repository-relative URIs under <c>%SRCROOT%</c>, line-independent
/// partial fingerprints, and the skipped files and project fallbacks as tool execution notifications.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";
    public const string AutomationId = "certkit/scan/";
    public const string InformationUri = "https://github.com/certkit/certkit";

    public static void Write(ScanReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        WriteTool(json, report.Rules);

        json.WriteStartObject("automationDetails");
        json.WriteString("id", AutomationId);
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootId);
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(report.SourceRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        WriteInvocation(json, report);
        WriteResults(json, report);

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Write(ScanReport report, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>A repository-relative path as a relative URI reference (segments percent-encoded).</summary>
    public static string ToUri(string relativePath) => string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    public static string LevelOf(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };

    private static string LevelOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var version = typeof(SarifWriter).Assembly.GetName().Version ?? new Version(0, 0, 0);
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "CertKit");
        json.WriteString("informationUri", InformationUri);
        json.WriteString("semanticVersion", $"{version.Major}.{version.Minor}.{version.Build}");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            WriteText(json, "shortDescription", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var description = rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
            WriteText(json, "fullDescription", description.Length > 0 ? description : rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Uri.TryCreate(rule.HelpLinkUri, UriKind.Absolute, out _))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteString("level", LevelOf(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.AnalyzerFailures.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var skipped in report.Skipped)
        {
            WriteNotification(json, "note", $"Skipped: {skipped.Reason}", skipped.Path.TrimEnd('/'));
        }

        foreach (var note in report.Notes)
        {
            WriteNotification(json, "note", note.Note, note.Path);
        }

        foreach (var project in report.Projects.Where(p => p.Mode == ProjectLoadMode.Fallback))
        {
            WriteNotification(json, "warning", $"Project could not be loaded ({project.Reason}); its C# files were compiled ad hoc against the framework references.", project.Path);
        }

        // Coverage: what was not analysed, so code scanning's view never reads as complete when it was not.
        foreach (var project in report.Projects.Where(p => p.Degraded))
        {
            WriteNotification(json, "warning", $"Project compilation degraded ({project.Health!.Describe()}): symbol-based rules saw little or nothing.", project.Path);
        }

        foreach (var line in report.Coverage?.SummaryLines().Where(line => !line.Contains(": degraded, ", StringComparison.Ordinal)) ?? [])
        {
            WriteNotification(json, "note", "Not analysed: " + line, null);
        }

        foreach (var failure in report.AnalyzerFailures)
        {
            WriteNotification(json, "error", failure, null);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter json, string level, string message, string? path)
    {
        json.WriteStartObject();
        json.WriteString("level", level);
        WriteText(json, "message", message);
        if (path is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, path);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, ScanReport report)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Count; i++)
        {
            ruleIndex[report.Rules[i].Id] = i;
        }

        // Reported findings, then those in the baseline and those suppressed: all stay in the SARIF, so code scanning keeps
        // their alerts closed instead of reopening them when they vanish from the log.
        var computed = report.Findings.Any(f => f.Fingerprint is null) ? FindingFingerprints.Compute(report.Findings) : null;
        var inBaseline = new FindingSuppression(SuppressionKind.External, $"accepted in the baseline {report.BaselineFile}");
        json.WriteStartArray("results");
        for (var i = 0; i < report.Findings.Count; i++)
        {
            WriteResult(json, report.Findings[i], computed?[i] ?? report.Findings[i].Fingerprint!, null, ruleIndex);
        }

        foreach (var finding in report.InBaseline)
        {
            WriteResult(json, finding, finding.Fingerprint!, inBaseline, ruleIndex);
        }

        foreach (var finding in report.Suppressed)
        {
            WriteResult(json, finding, finding.Fingerprint!, finding.Suppression, ruleIndex);
        }

        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, string fingerprint, FindingSuppression? suppression, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", LevelOf(finding.Level));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, finding.Path);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FindingFingerprints.Key, fingerprint);
        json.WriteEndObject();
        if (finding.WarningAsError)
        {
            // The level is the rule's; the project's TreatWarningsAsErrors is said apart (a SARIF property bag).
            json.WriteStartObject("properties");
            json.WriteBoolean("warningAsError", true);
            json.WriteEndObject();
        }

        if (finding.Baseline is { } baseline)
        {
            json.WriteString("baselineState", baseline == BaselineState.New ? "new" : "unchanged");
        }

        if (suppression is not null)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
            json.WriteString("state", "accepted");
            json.WriteString("justification", suppression.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(path));
        json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>"Hardcoded URL" → "HardcodedURL": SARIF's rule name is an identifier-like word.</summary>
    private static string PascalCase(string title)
    {
        var builder = new StringBuilder(title.Length);
        var upperNext = true;
        foreach (var c in title)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }
}
