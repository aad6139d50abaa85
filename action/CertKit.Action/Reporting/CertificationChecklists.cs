using System.Text;
using CertKit.Action.Decision;
using CertKit.Action.Readiness;

namespace CertKit.Action.Reporting;

/// <summary>
/// The checklists of the re-certification issue: each program's own (in its folder under <c>Programs/</c>), and the
/// readiness checks as a pre-ticked list.
/// </summary>
public static class CertificationChecklists
{
    public static IReadOnlyList<string> For(RecertificationDecision decision) =>
        Programs.ProgramRegistry.Find(decision.Program) is { } program
            ? program.Checklist(decision)
            : [$"Follow the {decision.ProgramName} program's re-certification process"];

    public static string ScopeChanges(RecertificationDecision decision)
    {
        var parts = new List<string>();
        if (decision.Scopes.Added.Count > 0)
        {
            parts.Add("added " + string.Join(", ", decision.Scopes.Added.Select(scope => $"`{scope}`")));
        }

        if (decision.Scopes.Removed.Count > 0)
        {
            parts.Add("removed " + string.Join(", ", decision.Scopes.Removed.Select(scope => $"`{scope}`")));
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The readiness checks as a pre-ticked checklist: passed ✓ ticked with its evidence, failed ✗ open with what to fix,
    /// manual open with what the reviewer needs.
    /// </summary>
    internal static string ReadinessChecklist(ReadinessReport report)
    {
        var text = new StringBuilder();
        foreach (var check in report.Checks)
        {
            var (box, mark) = check.Status switch
            {
                CheckStatus.Passed => ("[x]", "✓"),
                CheckStatus.Failed => ("[ ]", "✗"),
                _ => ("[ ]", "manual:"),
            };
            var evidence = check.Evidence.Count == 0 ? string.Empty : (check.Status == CheckStatus.Failed ? " fix: " : " ") + string.Join("; ", check.Evidence.Take(3));
            text.Append("- ").Append(box).Append(' ').Append(mark).Append(" `").Append(check.Id).Append("` ").Append(Sentence(check.Requirement))
                .Append(" —").Append(evidence).Append('\n');
        }

        return text.ToString();
    }

    private static string Sentence(string requirement) => requirement.Replace('\n', ' ');
}
