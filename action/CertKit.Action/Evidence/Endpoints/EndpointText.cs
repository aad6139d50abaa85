using System.Text;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>The inventory for a terminal: one line per endpoint, its base and its call sites.</summary>
internal static class EndpointText
{
    public static string Render(EndpointReport report)
    {
        var text = new StringBuilder();
        if (report.Endpoints.Count == 0)
        {
            return "No outbound HTTP endpoint or VCert command found.\n" + NotRead(report);
        }

        foreach (var endpoint in report.Endpoints)
        {
            text.Append(endpoint.Display);
            if (endpoint.Base is not null)
            {
                text.Append("  (base: ").Append(endpoint.Base).Append(')');
            }

            text.Append('\n');
            foreach (var site in endpoint.Sites)
            {
                text.Append("    ").Append(site.File).Append(':').Append(site.Line).Append('\n');
            }
        }

        text.Append(report.Endpoints.Count).Append(report.Endpoints.Count == 1 ? " endpoint\n" : " endpoints\n");
        return text.Append(NotRead(report)).ToString();
    }

    /// <summary>"PowerShell: 158 files not read (e.g. …)", one line per language whose shipped code no reader read.</summary>
    public static string NotRead(EndpointReport report) =>
        string.Concat(report.NotRead.Select(language => $"{language.Language}: {language.Files} shipped file{(language.Files == 1 ? string.Empty : "s")} not read (e.g. {language.Example}); their calls are not listed\n"));
}
