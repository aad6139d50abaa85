using CertKit.Action.Decision;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.Decision;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.ActionCommand;

public sealed class DecisionReportTests
{
    private static readonly RecertificationDecision VenafiMajor = Decisions.Made(
        "venafi", "Venafi TLS Protect Cloud", "1.4.2", "2.0.0", BumpKind.Major, true,
        ["major bump 1.4.2 -> 2.0.0: Venafi re-certifies every major release"]);

    private static readonly RecertificationDecision AdobeScopes = Decisions.Made(
        "adobe-sign", "Adobe Sign", "3.1.0", "3.1.1", BumpKind.Patch, true,
        ["OAuth scopes changed: Adobe Sign re-certifies any change of the permissions the app requests"],
        ["agreement_write:account"], ["agreement_write:self"]);

    private static readonly ReportContext VenafiRelease = new("acme/venafi-connector", "release v2.0.0",
        "https://github.com/acme/venafi-connector/compare/v1.4.2...v2.0.0");

    [Fact]
    public void Issue_title_marker_and_body_carry_reasons_versions_compare_link_and_the_venafi_checklist()
    {
        Assert.Equal("Re-certification required: acme/venafi-connector 2.0.0 (venafi)", DecisionReport.IssueTitle(VenafiMajor, "acme/venafi-connector"));
        Assert.Equal("""
            <!-- certkit:recert program=venafi version=2.0.0 repository=acme/venafi-connector -->
            ## Venafi TLS Protect Cloud re-certification

            **acme/venafi-connector** 1.4.2 → **2.0.0** (major), release v2.0.0. [Compare 1.4.2...2.0.0](https://github.com/acme/venafi-connector/compare/v1.4.2...v2.0.0)

            ### Why

            - major bump 1.4.2 -> 2.0.0: Venafi re-certifies every major release

            ### Checklist

            - [ ] Submit a new Certification Request: https://venafi-service-certification-request.paperform.co
            - [ ] Schedule and complete a demonstration of the new or changed functionality with the Venafi Ecosystem team
            - [ ] Re-run the automated tests that cover all documented functionality (Advanced Certification)
            - [ ] Update the documentation packaged with the integration so it describes the new functionality

            ---
            Opened by [certkit](https://github.com/certkit/certkit); later runs for this version update this issue instead of opening another.

            """.ReplaceLineEndings("\n"), DecisionReport.IssueBody(VenafiMajor, VenafiRelease));
    }

    [Fact]
    public void Commercetools_checklist_follows_the_connect_re_certification_steps()
    {
        var decision = Decisions.Made("commercetools", "commercetools Connect", "1.4.2", "1.4.3", BumpKind.Patch, true, ["every change"]);

        var body = DecisionReport.IssueBody(decision, VenafiRelease with { Repository = "acme/ct-connector" });

        Assert.Contains("""
            - [ ] Push the changes to the application GitHub repository
            - [ ] Generate a new Git tag (it must remain the same during the certification process)
            - [ ] Use the Set Repository update action on the ConnectorStaged to reference the new tag
            - [ ] Use the Publish update action with `certification` set to `true`, before the changes go live
            """.ReplaceLineEndings("\n"), body);
    }

    [Fact]
    public void Adobe_sign_issue_lists_the_changed_scopes_and_the_security_review()
    {
        var body = DecisionReport.IssueBody(AdobeScopes, new ReportContext("acme/adobe-sign-connector", "release v3.1.1", null), scanSummary: "2 findings (CK1001)");

        Assert.Contains("### OAuth scope changes\n\n- added `agreement_write:account`\n- removed `agreement_write:self`\n", body);
        Assert.Contains("- [ ] Tell the Adobe partner manager which OAuth scopes changed: added `agreement_write:account`; removed `agreement_write:self`\n", body);
        Assert.Contains("- [ ] Arrange the security review", body);
        Assert.Contains("### Scan\n\n2 findings (CK1001)\n", body);
        Assert.DoesNotContain("[Compare", body);
    }

    [Fact]
    public void Pull_request_comment_is_a_marked_markdown_table()
    {
        var comment = DecisionReport.PullRequestComment(AdobeScopes, new ReportContext("acme/adobe-sign-connector", "pull request #42",
            "https://github.com/acme/adobe-sign-connector/compare/aaa...bbb"));

        Assert.Equal("""
            <!-- certkit:pr-report program=adobe-sign -->
            ### CertKit: Adobe Sign

            | Previous version | Version | Bump | Re-certification |
            |---|---|---|---|
            | 3.1.0 | 3.1.1 | patch | **required** |

            **Why**

            - OAuth scopes changed: Adobe Sign re-certifies any change of the permissions the app requests

            **OAuth scope changes**

            - added `agreement_write:account`
            - removed `agreement_write:self`

            Releasing this change requires Adobe Sign re-certification; certkit opens the request when the release is published. [Compare](https://github.com/acme/adobe-sign-connector/compare/aaa...bbb)

            """.ReplaceLineEndings("\n"), comment);
    }

    [Fact]
    public void The_decisions_warnings_reach_the_pull_request_comment_and_the_issue()
    {
        var decision = VenafiMajor with { Warnings = ["the release tag v2.1.0 is higher than the version 2.0.0 in src/Client.csproj"] };

        var comment = DecisionReport.PullRequestComment(decision, VenafiRelease);
        var body = DecisionReport.IssueBody(decision, VenafiRelease);

        const string Warning = """

            > [!WARNING]
            > the release tag v2.1.0 is higher than the version 2.0.0 in src/Client.csproj

            """;
        Assert.Contains("- major bump 1.4.2 -> 2.0.0: Venafi re-certifies every major release\n" + Warning.ReplaceLineEndings("\n"), comment);
        Assert.Contains("- major bump 1.4.2 -> 2.0.0: Venafi re-certifies every major release\n" + Warning.ReplaceLineEndings("\n"), body);
        Assert.DoesNotContain("[!WARNING]", DecisionReport.PullRequestComment(VenafiMajor, VenafiRelease));
    }

    [Fact]
    public void Summary_is_a_table_with_reasons_escaped_as_html()
    {
        var summaryFile = Path.GetTempFileName();
        try
        {
            var summary = new JobSummary(name => name == JobSummary.SummaryEnvironmentVariable ? summaryFile : null);
            var decision = VenafiMajor with { Reasons = ["a <b> & c"] };

            DecisionReport.AddToSummary(summary, decision, VenafiRelease, ["Re-certification request: #7"]);
            summary.Write();

            Assert.Equal(
                "<h2>CertKit: Venafi TLS Protect Cloud</h2>\n" +
                "<table><tr><th>Repository</th><th>Trigger</th><th>Previous version</th><th>Version</th><th>Bump</th><th>Re-certification</th></tr>" +
                "<tr><td>acme/venafi-connector</td><td>release v2.0.0</td><td>1.4.2</td><td>2.0.0</td><td>major</td><td><strong>required</strong></td></tr></table>\n" +
                "<h3>Why</h3>\n" +
                "<ul><li>a &lt;b&gt; &amp; c</li></ul>\n" +
                "<a href=\"https://github.com/acme/venafi-connector/compare/v1.4.2...v2.0.0\">Compare the versions</a>\n" +
                "<ul><li>Re-certification request: #7</li></ul>\n",
                File.ReadAllText(summaryFile));
        }
        finally
        {
            File.Delete(summaryFile);
        }
    }

    [Theory]
    [InlineData("connector-a/v2.0.0", null, "https://github.com/acme/mono/compare/connector-a/v1.4.2...connector-a/v2.0.0")]
    [InlineData("2.0.0", null, "https://github.com/acme/mono/compare/1.4.2...2.0.0")]
    [InlineData(null, "release-{version}", "https://github.com/acme/mono/compare/release-1.4.2...release-2.0.0")]
    [InlineData(null, null, "https://github.com/acme/mono/compare/v1.4.2...v2.0.0")]
    public void Release_compare_link_names_the_previous_tag_like_the_current_one(string? tag, string? pattern, string expected) =>
        Assert.Equal(expected, ReportContext.ReleaseCompareUrl("https://github.com/", "acme/mono", tag, pattern, VenafiMajor));

    [Fact]
    public void No_compare_link_for_an_initial_version() =>
        Assert.Null(ReportContext.ReleaseCompareUrl("https://github.com", "acme/mono", "v1.0.0", null, VenafiMajor with { Previous = null }));
}
