using CertKit.Action.GitHubAction;
using System.Globalization;
using System.Net;
using System.Text;
using CertKit.Action.Runtime;

namespace CertKit.Action.Reporting;

/// <summary>The scan in the job summary (counts per rule, then the findings, capped) and in the re-certification issue (counts per rule).</summary>
internal static class ScanSummary
{
    /// <summary>At most this many findings are listed in the job summary: the rest are counted, and the SARIF file and the log have them all.</summary>
    public const int MaxListedFindings = 50;

    public static void AddToSummary(JobSummary summary, ActionScanResult result)
    {
        summary.AddHeading("CertKit scan", 3).AddRaw($"<p>{Html(Headline(result))}</p>", addEol: true);
        if (result.Reported.Count > 0)
        {
            var counts = new List<IEnumerable<SummaryTableCell>> { new SummaryTableCell[] { Header("Rule"), Header("Title"), Header("Findings") } };
            counts.AddRange(result.CountsPerRule().Select(c => new SummaryTableCell[] { RuleCell(result, c.RuleId), Html(result.Title(c.RuleId)), Number(c.Count) }));
            summary.AddTable(counts);

            var rows = new List<IEnumerable<SummaryTableCell>> { new SummaryTableCell[] { Header("Rule"), Header("Location"), Header("Message") } };
            rows.AddRange(result.Reported.Take(MaxListedFindings).Select(f => new SummaryTableCell[]
            {
                Html(f.RuleId),
                $"<code>{Html(f.Path)}:{Number(f.Line)}</code>",
                Html(f.Message),
            }));
            summary.AddTable(rows);
            if (result.Reported.Count > MaxListedFindings)
            {
                var more = result.Reported.Count - MaxListedFindings;
                summary.AddRaw($"<p>… and {Number(more)} more finding{(more == 1 ? "" : "s")} (all of them are in the step's log).</p>", addEol: true);
            }
        }

        var caveats = Caveats(result);
        if (caveats.Count > 0)
        {
            summary.AddList(caveats.Select(Html));
        }
    }

    /// <summary>The issue body's scan section (markdown): what was scanned and the findings per rule.</summary>
    public static string IssueSection(ActionScanResult result)
    {
        var text = new StringBuilder();
        text.Append(Headline(result)).Append('\n');
        if (result.Reported.Count > 0)
        {
            text.Append("\n| Rule | Title | Findings |\n|---|---|---:|\n");
            foreach (var (ruleId, count) in result.CountsPerRule())
            {
                var rule = result.HelpLink(ruleId) is { } link ? $"[{ruleId}]({link})" : ruleId;
                text.Append("| ").Append(rule).Append(" | ").Append(result.Title(ruleId).Replace("|", "\\|", StringComparison.Ordinal))
                    .Append(" | ").Append(Number(count)).Append(" |\n");
            }
        }

        foreach (var caveat in Caveats(result))
        {
            text.Append("\n").Append(caveat).Append('\n');
        }

        return text.ToString();
    }

    private static string Headline(ActionScanResult result)
    {
        var report = result.Report;
        var files = Plural(report.FilesAnalyzed, "file");
        if (result.ScopedToChanges)
        {
            return result.Reported.Count == 0
                ? $"No findings on the lines this pull request changes ({files} analysed: its changes and what a flow into them needs)."
                : $"{Plural(result.Reported.Count, "finding")} on the lines this pull request changes ({files} analysed: its changes and what a flow into them needs).";
        }

        if (result.OnChangedLinesOnly)
        {
            return result.Reported.Count == 0
                ? $"No findings on the lines this pull request changes ({Plural(report.Findings.Count, "finding")} elsewhere in the repository; {files} analysed)."
                : $"{Plural(result.Reported.Count, "finding")} on the lines this pull request changes ({Plural(report.Findings.Count, "finding")} in the repository; {files} analysed).";
        }

        var inFiles = result.Reported.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count();
        return result.Reported.Count == 0
            ? $"No findings ({files} analysed)."
            : $"{Plural(result.Reported.Count, "finding")} in {Plural(inFiles, "file")} ({files} analysed).";
    }

    private static List<string> Caveats(ActionScanResult result)
    {
        var report = result.Report;
        var caveats = new List<string>();
        if (report.Skipped.Count > 0)
        {
            caveats.Add($"{Plural(report.Skipped.Count, "file")} skipped (listed in the step's log).");
        }

        // One line per project that fell back, with the reason: its findings may differ from a build's.
        foreach (var project in report.Projects.Where(p => p.Mode == Scanning.ProjectLoadMode.Fallback))
        {
            caveats.Add($"{project.Path} could not be loaded and was compiled ad hoc{Scanning.TextReport.FallbackPackages(project)}: {Scanning.TextReport.OneLine(project.Reason)}");
        }

        foreach (var line in report.Coverage?.SummaryLines() ?? [])
        {
            caveats.Add("Not analysed: " + line);
        }

        if (report.AnalyzerFailures.Count > 0)
        {
            caveats.Add($"{Plural(report.AnalyzerFailures.Count, "analyzer failure")} (a CertKit bug; see the step's log).");
        }

        return caveats;
    }

    private static SummaryTableCell RuleCell(ActionScanResult result, string ruleId) =>
        result.HelpLink(ruleId) is { } link ? $"<a href=\"{Html(link)}\">{Html(ruleId)}</a>" : Html(ruleId);

    private static string Plural(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static SummaryTableCell Header(string text) => new(text, Header: true);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
