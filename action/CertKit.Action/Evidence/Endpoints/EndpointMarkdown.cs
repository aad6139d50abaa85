using System.Text;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The inventory as the Markdown a partner hands to Venafi (Advanced certification, requirement 4: "All REST endpoints
/// and/or VCert functions used by the integration must be documented"): one table row per endpoint.
/// </summary>
internal static class EndpointMarkdown
{
    public static string Render(EndpointReport report, string heading = "## Endpoint inventory")
    {
        var text = new StringBuilder();
        text.Append(heading).Append("\n\n");
        if (report.Endpoints.Count == 0)
        {
            return text.Append("No outbound HTTP endpoint or VCert command was found.\n").Append(NotRead(report)).ToString();
        }

        var rest = report.Endpoints.Count(e => e.Kind == EndpointKind.Http);
        var vcert = report.Endpoints.Count(e => e.Kind == EndpointKind.VCert);
        var graphQl = report.Endpoints.Count(e => e.Kind == EndpointKind.GraphQL);
        text.Append(rest).Append(rest == 1 ? " REST endpoint" : " REST endpoints").Append(" and ").Append(vcert).Append(vcert == 1 ? " VCert function" : " VCert functions")
            .Append(graphQl == 0 ? string.Empty : graphQl == 1 ? ", 1 GraphQL operation" : $", {graphQl} GraphQL operations").Append(" called by the integration.\n\n");
        AppendTable(text, report.Endpoints);
        var unknown = report.Endpoints.Count(e => !e.IsKnown);
        if (unknown > 0)
        {
            text.Append('\n').Append(unknown).Append(unknown == 1 ? " call" : " calls").Append(" could not be followed to a path; the expression is shown as written.\n");
        }

        return text.Append(NotRead(report)).ToString();
    }

    private static string NotRead(EndpointReport report) =>
        report.NotRead.Count == 0 ? string.Empty : "\n**Not read**: " + string.Join("; ", report.NotRead.Select(l => $"{l.Language}, {l.Files} shipped file(s)")) + " — calls there are not in this list.\n";

    /// <summary>The table alone: Method, Path, Base (configuration key or host), Call sites.</summary>
    public static void AppendTable(StringBuilder text, IEnumerable<Endpoint> endpoints)
    {
        text.Append("| Method | Path | Base | Call sites |\n|---|---|---|---|\n");
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Kind switch { EndpointKind.VCert => "VCert", EndpointKind.GraphQL => "GraphQL " + (endpoint.Method ?? "?"), _ => endpoint.Method ?? "?" };
            var path = endpoint.Path is null ? "`" + Cell(endpoint.Expression ?? string.Empty) + "` (not followed)" : "`" + Cell(endpoint.Path) + "`";
            var origin = endpoint.Base is null ? string.Empty : "`" + Cell(endpoint.Base) + "`" + (endpoint.Family is { } family ? " (" + Cell(family) + ")" : string.Empty);
            var sites = string.Join(", ", endpoint.Sites.Select(s => Cell(s.File) + ":" + s.Line));
            text.Append("| ").Append(method).Append(" | ").Append(path).Append(" | ").Append(origin).Append(" | ").Append(sites).Append(" |\n");
        }
    }

    /// <summary>A table cell's text: pipes escaped, one line, bounded.</summary>
    public static string Cell(string value)
    {
        var oneLine = string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (oneLine.Length > 160)
        {
            oneLine = oneLine[..157] + "...";
        }

        return oneLine.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
    }
}
