using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>soap-api</c>: "SOAP API usage is disallowed on the 2.0 platform" (Acrobat Sign Embed 2.0), and the legacy SOAP API
/// is out of support. Every shipped code and configuration file (and any WSDL or service map) is read as text for the
/// SOAP endpoints (<c>…/services/EchoSignDocumentService22</c>), their WSDL and the generated client types.
/// </summary>
internal sealed partial class SoapApiCheck : IReadinessCheck
{
    private static readonly string[] ServiceFiles = [".wsdl", ".svcmap", ".svcinfo"];

    public string Id => "soap-api";

    public string Requirement => "No Adobe Sign SOAP API use (endpoints, WSDL, generated clients).";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var files = SourceFiles.Code(context)
            .Concat(context.Files.Where(file => ServiceFiles.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Manual(["no shipped code or configuration found: show the reviewer that the integration uses the REST API only"]));
        }

        var problems = new List<string>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.ReadText(file) is not { } text)
            {
                continue;
            }

            var match = Soap().Match(text);
            if (match.Success)
            {
                problems.Add($"{file}:{text.AsSpan(0, match.Index).Count('\n') + 1}: Adobe Sign SOAP API ({match.Value}): SOAP is disallowed on Embed 2.0 and out of support; use the v6 REST API");
            }
        }

        return Task.FromResult(problems.Count > 0
            ? CheckOutcome.Failed(problems)
            : CheckOutcome.Passed([$"no Adobe Sign SOAP endpoint, WSDL or generated SOAP client in the {files.Count} shipped code and configuration file(s)"]));
    }

    // The SOAP service (EchoSignDocumentService20 … 22, its port type and client), its /services/ endpoints and the WSDL.
    [GeneratedRegex(@"EchoSignDocumentService\d*\w*|(?:echosign|adobesign)\.(?:com|us)/services/\w*|(?:echosign|adobesign)[^\s""'<>]*\?wsdl", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Soap();
}
