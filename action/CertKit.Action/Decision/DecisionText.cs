using System.Text;
using CertKit.Action.Versioning;

namespace CertKit.Action.Decision;

/// <summary>The decision for people: a verdict line, then versions with their sources, the bump, reasons and scope changes.</summary>
public static class DecisionText
{
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

        text.Append("  bump:             ").AppendLine(decision.Bump.ToName());
        if (decision.Scopes.Compared)
        {
            text.Append("  scopes added:     ").AppendLine(decision.Scopes.Added.Count == 0 ? "none" : string.Join(" ", decision.Scopes.Added));
            text.Append("  scopes removed:   ").AppendLine(decision.Scopes.Removed.Count == 0 ? "none" : string.Join(" ", decision.Scopes.Removed));
        }

        text.AppendLine("  reasons:");
        foreach (var reason in decision.Reasons)
        {
            text.Append("    - ").AppendLine(reason);
        }

        return text.ToString();
    }
}
