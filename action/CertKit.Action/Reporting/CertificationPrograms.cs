namespace CertKit.Action.Reporting;

/// <summary>A certification program as the report presents it: its name and what re-certifying takes.</summary>
public sealed record CertificationProgram(string Id, string DisplayName, Func<ActionDecision, IReadOnlyList<string>> Checklist);

/// <summary>
/// Each program's re-certification steps, taken from the vendors' own pages (<c>shared/seeds</c>).
/// </summary>
public static class CertificationPrograms
{
    public static readonly CertificationProgram Venafi = new("venafi", "Venafi TLS Protect Cloud", _ =>
    [
        "Submit a new Certification Request: https://venafi-service-certification-request.paperform.co",
        "Schedule and complete a demonstration of the new or changed functionality with the Venafi Ecosystem team",
        "Re-run the automated tests that cover all documented functionality (Advanced Certification)",
        "Update the documentation packaged with the integration so it describes the new functionality",
    ]);

    public static readonly CertificationProgram Commercetools = new("commercetools", "commercetools Connect", _ =>
    [
        "Push the changes to the application GitHub repository",
        "Generate a new Git tag (it must remain the same during the certification process)",
        "Use the Set Repository update action on the ConnectorStaged to reference the new tag",
        "Use the Publish update action with `certification` set to `true`, before the changes go live",
    ]);

    public static readonly CertificationProgram AdobeSign = new("adobe-sign", "Adobe Sign", decision =>
    {
        var items = new List<string>();
        if (decision.ScopesChanged)
        {
            items.Add("Tell the Adobe partner manager which OAuth scopes changed: " + ScopeChanges(decision));
        }
        else
        {
            items.Add("List the changed functionality and any changed OAuth scopes for the Adobe partner manager");
        }

        items.Add("Arrange the security review: demonstrate the OAuth connection and the typical send/track/sign use, and give the security team access to an instance");
        items.Add("Confirm that all tokens and the app secret are still stored encrypted");
        return items;
    });

    public static CertificationProgram For(string programId) => programId.ToLowerInvariant() switch
    {
        "venafi" => Venafi,
        "commercetools" => Commercetools,
        "adobe-sign" => AdobeSign,
        _ => new CertificationProgram(programId, programId, _ => [$"Follow the {programId} program's re-certification process"]),
    };

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
}
