using CertKit.Action.Cli;
using CertKit.Action.GitHub;
using CertKit.Action.Runtime;

namespace CertKit.Action.Tests.ActionCommand;

public sealed class ActionInputsTests
{
    private static (ActionsCore Core, StringWriter Stdout) Core(Dictionary<string, string?> environment)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        return (new ActionsCore(stdout, name => environment.GetValueOrDefault(name)), stdout);
    }

    [Fact]
    public void Reads_hyphenated_inputs_lists_and_defaults()
    {
        var (core, _) = Core(new()
        {
            ["GITHUB_REPOSITORY"] = "acme/venafi-connector",
            ["INPUT_PROGRAM"] = " Venafi ",
            ["INPUT_GITHUB-TOKEN"] = "ghs_fake",
            ["INPUT_LABELS"] = "recertification, venafi\nRecertification\n",
            ["INPUT_ASSIGNEES"] = "@release-manager,octocat",
            ["INPUT_PREVIOUS-VERSION"] = "1.4.2",
            ["INPUT_TAG-PATTERN"] = "connector-a/v{version}",
            ["INPUT_COMMENT-ON-PR"] = "FALSE",
        });

        var inputs = ActionInputs.Read(core, "ghs_fake");

        Assert.Equal("venafi", inputs.Program);
        Assert.Equal(new RepositoryName("acme", "venafi-connector"), inputs.TargetRepository);
        Assert.Equal(["recertification", "venafi"], inputs.Labels);
        Assert.Equal(["release-manager", "octocat"], inputs.Assignees);
        Assert.Equal("1.4.2", inputs.PreviousVersion);
        Assert.Null(inputs.Version);
        Assert.Equal("connector-a/v{version}", inputs.TagPattern);
        Assert.False(inputs.CommentOnPullRequest);
        Assert.False(inputs.FailOnRecertification);
        Assert.Equal(ClosedIssuePolicy.Comment, inputs.ClosedIssue);
        Assert.False(inputs.Scan);
        Assert.False(inputs.FailOnFindings);
        Assert.Null(inputs.SarifFile);
    }

    [Theory]
    [InlineData("never", false, false)]
    [InlineData("", false, false)]
    [InlineData("recertification", true, false)]
    [InlineData("findings", false, true)]
    [InlineData("recertification, findings", true, true)]
    [InlineData("findings\nrecertification\n", true, true)]
    public void Fail_on_takes_never_or_a_list_of_recertification_and_findings(string failOn, bool recertification, bool findings)
    {
        var (core, _) = Core(new()
        {
            ["GITHUB_REPOSITORY"] = "acme/c",
            ["INPUT_PROGRAM"] = "venafi",
            ["INPUT_SCAN"] = "true",
            ["INPUT_SARIF-FILE"] = "results/certkit.sarif",
            ["INPUT_FAIL-ON"] = failOn,
        });

        var inputs = ActionInputs.Read(core, "");

        Assert.True(inputs.Scan);
        Assert.Equal("results/certkit.sarif", inputs.SarifFile);
        Assert.Equal((recertification, findings), (inputs.FailOnRecertification, inputs.FailOnFindings));
    }

    [Theory]
    [InlineData("INPUT_PROGRAM", "", "Input required and not supplied: program")]
    [InlineData("INPUT_FAIL-ON", "always", "fail-on must be 'never', or any of 'recertification', 'findings', 'bump', 'readiness' (comma-separated), got 'always'.")]
    [InlineData("INPUT_FAIL-ON", "never,findings", "fail-on must be 'never', or any of 'recertification', 'findings', 'bump', 'readiness' (comma-separated), got 'never,findings'.")]
    [InlineData("INPUT_FAIL-ON", "findings", "fail-on: findings needs scan: true.")]
    [InlineData("INPUT_FAIL-ON", "bump", "fail-on: bump needs evidence: api or all.")]
    [InlineData("INPUT_EVIDENCE", "some", "evidence must be 'none', 'api' or 'all', got 'some'.")]
    [InlineData("INPUT_SARIF-FILE", "certkit.sarif", "sarif-file needs scan: true.")]
    [InlineData("INPUT_BASELINE", ".certkit-baseline.json", "baseline needs scan: true.")]
    [InlineData("INPUT_FAIL-ON", "readiness", "fail-on: readiness needs check: true.")]
    [InlineData("INPUT_SCAN", "yes", "Input does not meet YAML 1.2 \"Core Schema\" specification: scan\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`")]
    [InlineData("INPUT_CLOSED-ISSUE", "delete", "closed-issue must be 'comment', 'reopen' or 'ignore', got 'delete'.")]
    [InlineData("INPUT_TARGET-REPOSITORY", "acme", "target-repository must be 'owner/name', got 'acme'.")]
    [InlineData("INPUT_COMMENT-ON-PR", "yes", "Input does not meet YAML 1.2 \"Core Schema\" specification: comment-on-pr\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`")]
    public void Invalid_inputs_are_errors_that_name_the_input(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = "acme/c", ["INPUT_PROGRAM"] = "venafi", [variable] = value };
        var (core, _) = Core(environment);

        var error = Assert.Throws<ActionInputException>(() => ActionInputs.Read(core, ""));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void The_token_is_masked_first_and_an_empty_token_is_not()
    {
        var (core, stdout) = Core(new() { ["INPUT_GITHUB-TOKEN"] = " ghs_fake_token " });
        var (emptyCore, emptyStdout) = Core(new());

        Assert.Equal("ghs_fake_token", ActionInputs.ReadAndMaskToken(core));
        Assert.Equal("", ActionInputs.ReadAndMaskToken(emptyCore));
        Assert.Equal("::add-mask::ghs_fake_token\n", stdout.ToString());
        Assert.Equal("", emptyStdout.ToString());
    }
}
