using System.Net;
using System.Text;
using CertKit.Action.Decision;
using CertKit.Action.Runtime;
using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Reporting;

/// <summary>The decision as the job summary, the step outputs, the PR comment and the re-certification issue.</summary>
public static class DecisionReport
{
    /// <summary>A version as every report shows it (normalized, with its label), or <c>none</c>.</summary>
    public static string Shown(NuGetVersion? version) => version is null ? "none" : VersionText.Format(version);

    public static string RequiredText(RecertificationDecision decision) => decision.RecertificationRequired ? "required" : "not required";

    /// <summary>The outputs of action.yml, in its order (the issue outputs are set after the issue step).</summary>
    public static void WriteDecisionOutputs(ActionsCore core, RecertificationDecision decision)
    {
        core.SetOutput("previous-version", decision.PreviousVersion is null ? string.Empty : Shown(decision.PreviousVersion));
        core.SetOutput("version", Shown(decision.Version));
        core.SetOutput("bump", decision.Bump.ToName());
        core.SetOutput("recertification-required", decision.RecertificationRequired);
        core.SetOutput("reasons", string.Join("\n", decision.Reasons));
    }

    public static void WriteIssueOutputs(ActionsCore core, int? number, string? url)
    {
        core.SetOutput("issue-number", number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        core.SetOutput("issue-url", url ?? string.Empty);
    }

    /// <summary>The job summary: a heading, the decision table, the reasons, scope changes, and what happened next.</summary>
    public static void AddToSummary(JobSummary summary, RecertificationDecision decision, ReportContext context, IReadOnlyList<string> followUp)
    {
        summary
            .AddHeading($"CertKit: {Html(decision.ProgramName)}", 2)
            .AddTable([
                [Header("Repository"), Header("Trigger"), Header("Previous version"), Header("Version"), Header("Bump"), Header("Re-certification")],
                [Html(context.Repository), Html(context.Trigger), Html(Shown(decision.PreviousVersion)), Html(Shown(decision.Version)), Html(decision.Bump.ToName()),
                    decision.RecertificationRequired ? "<strong>required</strong>" : "not required"],
            ])
            .AddHeading("Why", 3)
            .AddList(decision.Reasons.Select(Html));
        if (decision.Warnings.Count > 0)
        {
            summary.AddHeading("Warnings", 3).AddList(decision.Warnings.Select(Html));
        }

        if (ScopesChanged(decision))
        {
            summary.AddHeading("OAuth scope changes", 3).AddList(ScopeLines(decision).Select(Html));
        }

        EvidenceReporting.AddToSummary(summary, decision);
        if (context.CompareUrl is not null)
        {
            summary.AddLink("Compare the versions", context.CompareUrl);
        }

        if (followUp.Count > 0)
        {
            summary.AddList(followUp.Select(Html));
        }
    }

    public const string PullRequestMarkerPrefix = "<!-- certkit:pr-report";

    public static string PullRequestMarker(RecertificationDecision decision) => $"{PullRequestMarkerPrefix} program={decision.Program} -->";

    /// <summary>The one PR comment (markdown) that later runs update.</summary>
    public static string PullRequestComment(RecertificationDecision decision, ReportContext context, string? readiness = null)
    {
        var text = new StringBuilder();
        text.Append(PullRequestMarker(decision)).Append('\n');
        text.Append("### CertKit: ").Append(decision.ProgramName).Append('\n').Append('\n');
        text.Append("| Previous version | Version | Bump | Re-certification |\n|---|---|---|---|\n");
        text.Append("| ").Append(Cell(Shown(decision.PreviousVersion))).Append(" | ").Append(Cell(Shown(decision.Version))).Append(" | ")
            .Append(Cell(decision.Bump.ToName())).Append(" | ").Append(decision.RecertificationRequired ? "**required**" : "not required").Append(" |\n\n");
        text.Append("**Why**\n\n");
        foreach (var reason in decision.Reasons)
        {
            text.Append("- ").Append(reason).Append('\n');
        }

        AppendWarnings(text, decision);
        if (ScopesChanged(decision))
        {
            text.Append("\n**OAuth scope changes**\n\n");
            foreach (var line in ScopeLines(decision))
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }

        if (decision.Evidence is not null)
        {
            text.Append('\n').Append(EvidenceReporting.Markdown(decision, "**Evidence**"));
        }

        text.Append('\n');
        text.Append(decision.RecertificationRequired
            ? $"Releasing this change requires {decision.ProgramName} re-certification; certkit opens the request when the release is published."
            : $"Releasing this change does not require {decision.ProgramName} re-certification.");
        if (context.CompareUrl is not null)
        {
            text.Append(" [Compare](").Append(context.CompareUrl).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(readiness))
        {
            text.Append("\n\n").Append(readiness.TrimEnd());
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The hidden key of the re-certification issue: one per program, version and source repository.</summary>
    public static string IssueMarker(RecertificationDecision decision, string repository) =>
        $"<!-- certkit:recert program={decision.Program} version={Shown(decision.Version)} repository={repository} -->";

    public static string IssueTitle(RecertificationDecision decision, string repository) =>
        $"Re-certification required: {repository} {Shown(decision.Version)} ({decision.Program})";

    public static string IssueBody(RecertificationDecision decision, ReportContext context, string? scanSummary = null, string? endpointInventory = null, string? readinessChecklist = null, string? evidencePack = null)
    {
        var text = new StringBuilder();
        text.Append(IssueMarker(decision, context.Repository)).Append('\n');
        text.Append("## ").Append(decision.ProgramName).Append(" re-certification\n\n");
        text.Append("**").Append(context.Repository).Append("** ").Append(decision.PreviousVersion is null ? "(none)" : Shown(decision.PreviousVersion)).Append(" → **").Append(Shown(decision.Version))
            .Append("** (").Append(decision.Bump.ToName()).Append("), ").Append(context.Trigger).Append('.');
        if (context.CompareUrl is not null)
        {
            text.Append(" [Compare ").Append(Shown(decision.PreviousVersion)).Append("...").Append(Shown(decision.Version)).Append("](").Append(context.CompareUrl).Append(')');
        }

        text.Append("\n\n### Why\n\n");
        foreach (var reason in decision.Reasons)
        {
            text.Append("- ").Append(reason).Append('\n');
        }

        AppendWarnings(text, decision);
        if (ScopesChanged(decision))
        {
            text.Append("\n### OAuth scope changes\n\n");
            foreach (var line in ScopeLines(decision))
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }

        if (decision.Evidence is not null)
        {
            text.Append('\n').Append(EvidenceReporting.Markdown(decision, "### Evidence"));
        }

        if (!string.IsNullOrWhiteSpace(endpointInventory))
        {
            text.Append('\n').Append(endpointInventory.TrimEnd()).Append('\n');
        }

        text.Append("\n### Checklist\n\n");
        foreach (var item in CertificationChecklists.For(decision))
        {
            text.Append("- [ ] ").Append(item).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(readinessChecklist))
        {
            text.Append("\n### Readiness (certkit check)\n\n").Append(readinessChecklist.TrimEnd()).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(scanSummary))
        {
            text.Append("\n### Scan\n\n").Append(scanSummary.TrimEnd()).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(evidencePack))
        {
            text.Append('\n').Append(evidencePack.TrimEnd()).Append('\n');
        }

        text.Append("\n---\nOpened by [certkit](https://github.com/certkit/certkit); later runs for this version update this issue instead of opening another.\n");
        return text.ToString();
    }

    public static string ClosedIssueComment(RecertificationDecision decision, string trigger) =>
        $"{GitHub.RecertificationIssues.ClosedCommentMarker}\ncertkit ran again for {Shown(decision.Version)} ({trigger}) and found this re-certification request closed; it was left closed. Reopen it if this version needs certifying again.\n";

    public static bool ScopesChanged(RecertificationDecision decision) => decision.Scopes.Added.Count > 0 || decision.Scopes.Removed.Count > 0;

    private static IEnumerable<string> ScopeLines(RecertificationDecision decision) =>
        decision.Scopes.Added.Select(scope => $"added `{scope}`").Concat(decision.Scopes.Removed.Select(scope => $"removed `{scope}`"));

    // What the person deciding should know about the inputs (a release tag above the version in the project file, …).
    private static void AppendWarnings(StringBuilder text, RecertificationDecision decision)
    {
        if (decision.Warnings.Count == 0)
        {
            return;
        }

        text.Append("\n> [!WARNING]\n");
        foreach (var warning in decision.Warnings)
        {
            text.Append("> ").Append(warning).Append('\n');
        }
    }

    private static SummaryTableCell Header(string text) => new(text, Header: true);

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    // A markdown table cell: a pipe would end it.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
