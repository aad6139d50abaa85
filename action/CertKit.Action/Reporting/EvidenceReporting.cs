using System.Globalization;
using System.Net;
using System.Text;
using CertKit.Action.Evidence;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Decision;
using CertKit.Action.Runtime;
using CertKit.Action.Versioning;

namespace CertKit.Action.Reporting;

/// <summary>
/// The evidence as the action shows it: a short table in the PR comment, the job summary and the issue (the first
/// <see cref="VisibleRows"/> rows, the rest collapsed), and, under <c>fail-on: bump</c>, one annotation per breaking change.
/// </summary>
internal static class EvidenceReporting
{
    public const int VisibleRows = 20;

    /// <summary>The Markdown section (empty when there is no evidence to show).</summary>
    public static string Markdown(RecertificationDecision decision, string heading)
    {
        if (decision.Evidence is not { } evidence)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append(heading).Append("\n\n");
        text.Append("Implied bump: **").Append(decision.ImpliedBump?.ToName()).Append("** (declared ").Append(decision.Bump.ToName()).Append(')');
        if (decision.BumpUnderstated)
        {
            text.Append(" — **the declared bump is understated**");
        }

        text.Append(", compared with ").Append(evidence.ComparedWith).Append(".\n\n");
        if (evidence.Incomplete)
        {
            text.Append("> [!WARNING]\n> **Evidence incomplete**: no reader compares these changes; review them by hand: ")
                .Append(evidence.Coverage!.DescribeNotCompared(examples: 10)).Append("\n\n");
        }

        var items = EvidenceItems.From(evidence);
        if (items.Count == 0)
        {
            text.Append(evidence.Incomplete ? "No public API, endpoint or contract change in the files that were compared.\n" : "No public API, endpoint or contract change.\n");
        }
        else
        {
            AppendTable(text, items.Take(VisibleRows));
            if (items.Count > VisibleRows)
            {
                text.Append("\n<details><summary>").Append(items.Count - VisibleRows).Append(" more</summary>\n\n");
                AppendTable(text, items.Skip(VisibleRows));
                text.Append("\n</details>\n");
            }
        }

        foreach (var note in evidence.Notes)
        {
            text.Append("\n> ").Append(EndpointMarkdown.Cell(note)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same section for the job summary (HTML, as the summary's other parts).</summary>
    public static void AddToSummary(JobSummary summary, RecertificationDecision decision)
    {
        if (decision.Evidence is not { } evidence)
        {
            return;
        }

        summary.AddHeading("Evidence", 3);
        summary.AddRaw($"<p>Implied bump: <strong>{Html(decision.ImpliedBump?.ToName() ?? "patch")}</strong> (declared {Html(decision.Bump.ToName())}){(decision.BumpUnderstated ? ": <strong>the declared bump is understated</strong>" : string.Empty)}, compared with {Html(evidence.ComparedWith)}.</p>", addEol: true);
        var items = EvidenceItems.From(evidence);
        if (items.Count > 0)
        {
            summary.AddRaw(HtmlTable(items.Take(VisibleRows)), addEol: true);
            if (items.Count > VisibleRows)
            {
                summary.AddRaw($"<details><summary>{items.Count - VisibleRows} more</summary>{HtmlTable(items.Skip(VisibleRows))}</details>", addEol: true);
            }
        }

        if (evidence.Notes.Count > 0)
        {
            summary.AddList(evidence.Notes.Select(Html));
        }
    }

    /// <summary>
    /// <c>fail-on: bump</c>: one error annotation per breaking change at its line, within GitHub's per-step cap (one slot kept
    /// for the line that fails the step); the rest are counted in the log.
    /// </summary>
    public static void AnnotateBreakingChanges(ActionsCore core, RecertificationDecision decision)
    {
        if (decision.Evidence is not { } evidence)
        {
            return;
        }

        var breaking = EvidenceItems.From(evidence).Where(i => i.Kind == "breaking").ToList();
        var room = Math.Max(0, ScanAnnotations.PerTypeLimit - core.AnnotationCount("error") - 1);
        foreach (var item in breaking.Take(room))
        {
            core.Error(item.Description, new AnnotationProperties { Title = $"Breaking change under a {decision.Bump.ToName()} label", File = item.File, StartLine = item.Line });
        }

        var left = breaking.Count - Math.Min(room, breaking.Count);
        if (left > 0)
        {
            core.Info(string.Create(CultureInfo.InvariantCulture, $"certkit: and {left} more breaking change{(left == 1 ? "" : "s")}, not annotated (GitHub shows {ScanAnnotations.PerTypeLimit} error annotations per step); see the job summary."));
        }
    }

    private static void AppendTable(StringBuilder text, IEnumerable<EvidenceItem> items)
    {
        text.Append("| Change | What | Where |\n|---|---|---|\n");
        foreach (var item in items)
        {
            text.Append("| ").Append(item.Kind).Append(" | ").Append(EndpointMarkdown.Cell(item.Description)).Append(" | ")
                .Append(EndpointMarkdown.Cell(item.File)).Append(':').Append(item.Line).Append(" |\n");
        }
    }

    private static string HtmlTable(IEnumerable<EvidenceItem> items)
    {
        var html = new StringBuilder("<table><tr><th>Change</th><th>What</th><th>Where</th></tr>");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(Html(item.Kind)).Append("</td><td>").Append(Html(item.Description)).Append("</td><td>")
                .Append(Html(item.File)).Append(':').Append(item.Line).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
