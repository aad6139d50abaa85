using CertKit.Action.Evidence.Endpoints;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>endpoint-inventory</c>: every REST endpoint and VCert command the shipped code calls (the endpoint inventory,
/// <c>certkit endpoints</c>) is named in the repository's Markdown documentation, so it can be provided to Venafi.
/// A documented endpoint is matched by its normalised path (parameter names and base prefixes ignored; the method when the
/// line names one), so the tool's own Markdown and a hand-written table both count. Calls the extractor could not follow to a
/// path are warnings; an inventory with nothing in it is manual.
/// </summary>
internal sealed class EndpointInventoryCheck : IReadinessCheck
{
    public string Id => "endpoint-inventory";

    public string Requirement => "Every REST endpoint and VCert function the integration uses is documented.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Run(context, EndpointInventory.Scan(context.Workspace, cancellationToken)));

    private static CheckOutcome Run(CheckContext context, EndpointReport report)
    {
        // Shipped code in a language the inventory does not read: its calls are not in the list, so it is never complete.
        var notRead = report.NotRead.Select(language => $"not read: {language.Language}, {language.Files} shipped file(s) (e.g. {language.Example}); document their calls by hand").ToList();
        if (report.Endpoints.Count == 0)
        {
            return CheckOutcome.Manual(notRead.Count > 0
                ? [.. notRead, "certkit endpoints found no REST endpoint or VCert command in the code it read"]
                : ["certkit endpoints found no REST endpoint or VCert command in the shipped code: list the ones the integration uses for Venafi"]);
        }

        var documents = context.Files
            .Where(file => file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !file.Contains("/node_modules/", StringComparison.Ordinal))
            .Select(file => (File: file, Documentation: EndpointDocumentation.Parse(context.ReadText(file) ?? string.Empty)))
            .ToList();
        var problems = new List<string>();
        var warnings = new List<string>();
        var documented = new List<string>();
        foreach (var endpoint in report.Endpoints)
        {
            var site = endpoint.Sites.Count > 0 ? $"{endpoint.Sites[0].File}:{endpoint.Sites[0].Line}" : "(no site)";
            if (!endpoint.IsKnown || endpoint.Path is null)
            {
                warnings.Add($"{site}: {endpoint.Display} could not be followed to a path; document what it calls");
                continue;
            }

            var where = documents.FirstOrDefault(document => document.Documentation.Documents(endpoint)).File;
            if (where is null)
            {
                problems.Add($"{site}: {endpoint.Display} is not named in any Markdown document (certkit endpoints --markdown writes the inventory)");
            }
            else
            {
                documented.Add($"{endpoint.Display} ({where})");
            }
        }

        var named = $"{documented.Count} endpoint(s), each named in the documentation: {string.Join(", ", documented)}";
        return problems.Count > 0 ? CheckOutcome.Failed(problems, [.. warnings, .. notRead])
            : notRead.Count > 0 ? CheckOutcome.Manual([.. notRead, named], warnings)
            : CheckOutcome.Passed([named], warnings);
    }
}
