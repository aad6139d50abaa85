using System.Text;
using CertKit.Action.Versioning;

namespace CertKit.Action.Decision;

/// <summary>The decision for people: a verdict line, then versions with their sources, the bump, reasons and scope changes.</summary>
public static class DecisionText
{
    private const int MaxEvidenceLines = 20;

    public static string Render(RecertificationDecision decision)
    {
        var text = new StringBuilder();
        var verdict = decision.RecertificationRequired
            ? decision.Bump == BumpKind.Initial ? "CERTIFICATION REQUIRED (first certification)" : "RE-CERTIFICATION REQUIRED"
            : "no re-certification required";
        text.Append(decision.ProgramName).Append(": ").AppendLine(verdict);
        text.Append("  version:          ").Append(VersionText.Format(decision.Version)).Append(" (").Append(decision.Current.Origin).AppendLine(")");
        text.Append("  previous version: ");
        if (decision.Previous is null)
        {
            text.AppendLine("none");
        }
        else
        {
            text.Append(VersionText.Format(decision.Previous.Version)).Append(" (").Append(decision.Previous.Origin).AppendLine(")");
        }

        foreach (var warning in decision.Warnings)
        {
            text.Append("  WARNING: ").AppendLine(warning);
        }

        if (decision.Certified is { } certified)
        {
            text.Append("  certified:        ").AppendLine(certified.Version is null
                ? certified.Statement
                : $"{VersionText.Format(certified.Version)} ({certified.Source}){(certified.Used ? ", the baseline" : ", not used")}");
        }

        text.Append("  bump:             ").AppendLine(decision.Bump.ToName());
        if (decision.Scopes.Compared)
        {
            text.Append("  scopes added:     ").AppendLine(decision.Scopes.Added.Count == 0 ? "none" : string.Join(" ", decision.Scopes.Added));
            text.Append("  scopes removed:   ").AppendLine(decision.Scopes.Removed.Count == 0 ? "none" : string.Join(" ", decision.Scopes.Removed));
        }

        if (decision.Evidence is { } evidence)
        {
            text.Append("  implied bump:     ").Append(decision.ImpliedBump!.Value.ToName()).Append(" (evidence since ").Append(evidence.ComparedWith).AppendLine(")");
            if (evidence.Incomplete)
            {
                text.Append("  evidence:         INCOMPLETE, review these changes by hand: ").AppendLine(evidence.Coverage!.DescribeNotCompared());
            }
            if (decision.BumpUnderstated)
            {
                text.Append("  BUMP UNDERSTATED: declared ").Append(decision.Bump.ToName()).Append(", but the changes imply ").AppendLine(decision.ImpliedBump.Value.ToName());
            }
        }
        else if (decision.EvidenceNotGatheredBecause is { } why)
        {
            text.Append("  evidence:         not gathered: ").AppendLine(why);
        }

        text.AppendLine("  reasons:");
        foreach (var reason in decision.Reasons)
        {
            text.Append("    - ").AppendLine(reason);
        }

        if (decision.Evidence is { } gathered)
        {
            var items = Evidence.EvidenceItems.From(gathered);
            if (items.Count > 0)
            {
                text.AppendLine("  evidence:");
                foreach (var item in items.Take(MaxEvidenceLines))
                {
                    text.Append("    ").Append(item.Kind).Append(": ").Append(item.Description).Append(" (").Append(item.File).Append(':').Append(item.Line).AppendLine(")");
                }

                if (items.Count > MaxEvidenceLines)
                {
                    text.Append("    and ").Append(items.Count - MaxEvidenceLines).AppendLine(" more (see --json)");
                }
            }

            foreach (var note in gathered.Notes)
            {
                text.Append("  note: ").AppendLine(note);
            }
        }

        return text.ToString();
    }
}
