using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertKit.Action.Readiness;

/// <summary>The readiness report as text (a terminal), JSON (machines) and Markdown (a file, the job summary, issues).</summary>
internal static class ReadinessWriters
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string StatusWord(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        _ => "manual",
    };

    public static string Json(ReadinessReport report) => JsonSerializer.Serialize(
        new JsonReport(report.Program, report.Ready, [.. report.Checks.Select(check => new JsonCheck(
            check.Id, check.Status, check.Requirement, check.Evidence, check.Warnings,
            check.Source is { } source ? new JsonSource(source.Title, source.Url, source.Seed, source.Verified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null,
            check.Stale))], report.Coverage is null ? null : Workspace.CoverageJson.Of(report.Coverage)),
        JsonOptions);

    public static string Text(ReadinessReport report)
    {
        var text = new StringBuilder();
        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(check => check.Id.Length);
        text.AppendLine($"{report.ProgramName}: {Headline(report)}");
        foreach (var check in report.Checks)
        {
            text.AppendLine();
            text.AppendLine($"{StatusWord(check.Status),-6}  {check.Id.PadRight(width)}  \"{check.Requirement}\"");
            foreach (var line in check.Evidence)
            {
                text.AppendLine($"        - {line}");
            }

            foreach (var line in check.Warnings)
            {
                text.AppendLine($"        ! {line}");
            }

            if (check.Stale is { } stale)
            {
                text.AppendLine($"        ? {stale}");
            }
        }

        var notAnalysed = report.Coverage?.SummaryLines().ToList() ?? [];
        if (notAnalysed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not analysed:");
            foreach (var line in notAnalysed)
            {
                text.AppendLine($"  {line}");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The verdict in words: "ready" only when every check passed; with checks left to a reviewer it says so ("nothing
    /// failed, 7 to review by hand"), so a run in which nothing could be analysed never reads as a pass.
    /// </summary>
    public static string Headline(ReadinessReport report)
    {
        var manual = report.Count(CheckStatus.Manual);
        var verdict = !report.Ready ? "not ready" : manual == 0 ? "ready" : $"nothing failed, {manual} to review by hand";
        return verdict + $" ({report.Count(CheckStatus.Passed)} passed, {report.Count(CheckStatus.Failed)} failed, {manual} manual)";
    }

    public static string Markdown(ReadinessReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Certification readiness: {report.ProgramName}");
        text.AppendLine();
        text.AppendLine($"**{Headline(report)}**");
        text.AppendLine();
        text.AppendLine("| Check | Result | Requirement | Evidence |");
        text.AppendLine("|---|---|---|---|");
        foreach (var check in report.Checks)
        {
            var evidence = check.Evidence.Concat(check.Warnings.Select(warning => "⚠ " + warning)).Select(Cell);
            text.AppendLine($"| `{check.Id}` | {Icon(check.Status)} {StatusWord(check.Status)} | {Cell(check.Requirement)} | {string.Join("<br>", evidence)} |");
        }

        var stale = report.Checks.Where(check => check.Stale is not null).ToList();
        if (stale.Count > 0)
        {
            text.AppendLine();
            foreach (var check in stale)
            {
                text.AppendLine($"- `{check.Id}`: {check.Stale}");
            }
        }

        return text.ToString();
    }

    public static string Icon(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✅",
        CheckStatus.Failed => "❌",
        _ => "✋",
    };

    /// <summary>Text made safe for a Markdown table cell: no pipes or line breaks, no HTML.</summary>
    public static string Cell(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private sealed record JsonReport(string Program, bool Ready, IReadOnlyList<JsonCheck> Checks, object? Coverage);

    private sealed record JsonCheck(string Id, CheckStatus Status, string Requirement, IReadOnlyList<string> Evidence, IReadOnlyList<string> Warnings, JsonSource? Source, string? Stale);

    private sealed record JsonSource(string Title, string? Url, string? Seed, string? Verified);
}
