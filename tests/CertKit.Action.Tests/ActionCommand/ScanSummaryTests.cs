using CertKit.Action.GitHubAction;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>The scan's job-summary section (capped list) and issue section, from a given scan result.</summary>
public sealed class ScanSummaryTests
{
    private static readonly DiagnosticDescriptor HardcodedUrl = new(
        "CK1001", "Hardcoded URL", "The URL '{0}' is hardcoded; read it from configuration", "Certification.Secrets", DiagnosticSeverity.Warning, true,
        helpLinkUri: "https://github.com/certkit/certkit/blob/main/docs/rules/CK1001.md");

    private static Finding At(string path, int line) =>
        new("CK1001", path, line, 29, line, 53, $"The URL 'https://api{line}.venafi.cloud' is hardcoded; read it from configuration", FindingLevel.Warning, "");

    private static ActionScanResult Result(IReadOnlyList<Finding> findings, IReadOnlyList<SkippedFile>? skipped = null, IReadOnlyList<ProjectRecord>? projects = null) =>
        new(new ScanReport("/repo", ".", [HardcodedUrl], findings, 7, skipped ?? [], [], projects ?? [], [], null), findings, null);

    private static string Summary(ActionScanResult result)
    {
        var summary = new JobSummary(_ => null);
        ScanSummary.AddToSummary(summary, result);
        return summary.Stringify();
    }

    [Fact]
    public void Lists_at_most_fifty_findings_and_counts_the_rest()
    {
        var findings = Enumerable.Range(1, 53).Select(line => At("src/Regions.cs", line)).ToList();

        var summary = Summary(Result(findings));

        Assert.StartsWith(
            "<h3>CertKit scan</h3>\n<p>53 findings in 1 file (7 files analysed).</p>\n" +
            "<table><tr><th>Rule</th><th>Title</th><th>Findings</th></tr>" +
            "<tr><td><a href=\"https://github.com/certkit/certkit/blob/main/docs/rules/CK1001.md\">CK1001</a></td><td>Hardcoded URL</td><td>53</td></tr></table>\n",
            summary);
        Assert.Equal(50, summary.Split("<td><code>src/Regions.cs:").Length - 1);
        Assert.Contains("<td><code>src/Regions.cs:50</code></td>", summary);
        Assert.DoesNotContain("<td><code>src/Regions.cs:51</code></td>", summary);
        Assert.EndsWith("</table>\n<p>… and 3 more findings (all of them are in the step's log).</p>\n", summary);
    }

    [Fact]
    public void Without_findings_says_so_and_names_what_was_skipped()
    {
        var result = Result([], [new SkippedFile("assets/logo.png", "binary")],
            [new ProjectRecord("src/Connector/Connector.csproj", ProjectLoadMode.Fallback, "restore failed", 3, 0)]);

        Assert.Equal(
            "<h3>CertKit scan</h3>\n<p>No findings (7 files analysed).</p>\n" +
            "<ul><li>1 file skipped (listed in the step&#39;s log).</li><li>src/Connector/Connector.csproj could not be loaded and was compiled ad hoc: restore failed</li></ul>\n",
            Summary(result));
        Assert.Equal(
            "No findings (7 files analysed).\n\n1 file skipped (listed in the step's log).\n\nsrc/Connector/Connector.csproj could not be loaded and was compiled ad hoc: restore failed\n",
            ScanSummary.IssueSection(result));
    }

    [Fact]
    public void Issue_section_counts_per_rule_across_files()
    {
        var result = Result([At("src/A.cs", 3), At("src/B.cs", 9), At("src/B.cs", 12)]);

        Assert.Equal(
            "3 findings in 2 files (7 files analysed).\n\n| Rule | Title | Findings |\n|---|---|---:|\n" +
            "| [CK1001](https://github.com/certkit/certkit/blob/main/docs/rules/CK1001.md) | Hardcoded URL | 3 |\n",
            ScanSummary.IssueSection(result));
    }
}
