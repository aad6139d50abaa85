using System.Text;
using CertKit.Action.Readiness;

namespace CertKit.Action.Reporting;

/// <summary>
/// What re-certifying takes in each program, in the vendors' own words (<c>shared/seeds</c>): the checklist of the
/// re-certification issue.
/// </summary>
public static class CertificationChecklists
{
    private static readonly Dictionary<string, Func<ActionDecision, IReadOnlyList<string>>> ByProgram = new(StringComparer.OrdinalIgnoreCase)
    {
        // Venafi: "re-certify for any Major release or feature addition/enhancement … submit a new Certification Request";
        // a demo of the documented functionality and automated tests are part of certification.
        ["venafi"] = _ =>
        [
            "Submit a new Certification Request: https://venafi-service-certification-request.paperform.co",
            "Schedule and complete a demonstration of the new or changed functionality with the Venafi Ecosystem team",
            "Re-run the automated tests that cover all documented functionality (Advanced Certification)",
            "Update the documentation packaged with the integration so it describes the new functionality",
        ],

        // commercetools Connect: "To re-certify your ConnectorStaged, follow these steps" (1–4).
        ["commercetools"] = _ =>
        [
            "Push the changes to the application GitHub repository",
            "Generate a new Git tag (it must remain the same during the certification process)",
            "Use the Set Repository update action on the ConnectorStaged to reference the new tag",
            "Use the Publish update action with `certification` set to `true`, before the changes go live",
        ],

        // Adobe Sign: "If your integration functionality, or permissions related to your app need to change … re-certified";
        // certification is a security review with the partner manager and the security team.
        ["adobe-sign"] = decision =>
        [
            decision.ScopesChanged
                ? "Tell the Adobe partner manager which OAuth scopes changed: " + ScopeChanges(decision)
                : "List the changed functionality and any changed OAuth scopes for the Adobe partner manager",
            "Arrange the security review: demonstrate the OAuth connection and the typical send/track/sign use, and give the security team access to an instance",
            "Confirm that all tokens and the app secret are still stored encrypted",
        ],
    };

    public static IReadOnlyList<string> For(ActionDecision decision) =>
        ByProgram.TryGetValue(decision.Program, out var checklist)
            ? checklist(decision)
            : [$"Follow the {decision.ProgramName} program's re-certification process"];

    public static string ScopeChanges(ActionDecision decision)
    {
        var parts = new List<string>();
        if (decision.ScopesAdded.Count > 0)
        {
            parts.Add("added " + string.Join(", ", decision.ScopesAdded.Select(scope => $"`{scope}`")));
        }

        if (decision.ScopesRemoved.Count > 0)
        {
            parts.Add("removed " + string.Join(", ", decision.ScopesRemoved.Select(scope => $"`{scope}`")));
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
