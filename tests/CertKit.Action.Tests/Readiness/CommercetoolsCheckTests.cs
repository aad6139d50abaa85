namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// <c>certkit check --program commercetools</c> on repositories built on disk from samples/connect-repository: the sample is
/// ready, and each way of breaking it fails exactly its check, with the evidence that says where.
/// </summary>
[Collection(Scanning.ScanCollection.Name)]
public sealed class CommercetoolsCheckTests
{
    [Fact]
    public void The_sample_connect_repository_is_ready()
    {
        using var repository = ConnectSample.Create();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.True(run.Ready, run.Run.StandardOutput);
        Assert.Equal("commercetools", run.Report.GetProperty("program").GetString());
        Assert.Equal(
            ["connect-yaml", "directory-structure", "secured-configuration", "api-scopes", "license", "documentation", "creator-contact", "tests", "git-tag", "dependencies", "hardcoded-values", "production-code"],
            run.Ids("passed"));
        Assert.Contains("HEAD (", run.Evidence("git-tag")[0]);
        Assert.Contains("is tagged v1.0.0", run.Evidence("git-tag")[0]);
        Assert.Equal("LICENSE:1: MIT License", Assert.Single(run.Evidence("license")));
    }

    [Fact]
    public void Without_a_license_file_only_license_fails()
    {
        using var repository = ConnectSample.Create();
        File.Delete(Path.Combine(repository.Root, "LICENSE"));
        repository.Commit("drop the license");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(1, run.Run.ExitCode);
        Assert.False(run.Ready);
        Assert.Equal(["license"], run.Ids("failed"));
        Assert.StartsWith("no license file at the root (looked for LICENSE, LICENCE, COPYING", Assert.Single(run.Evidence("license")));
    }

    [Fact]
    public void A_client_secret_in_standard_configuration_fails_secured_configuration_at_its_line()
    {
        using var repository = ConnectSample.Create();
        var manifest = ConnectSample.Read(repository, "connect.yaml").Replace(
            "      standardConfiguration:\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            "      standardConfiguration:\n        - key: CTP_CLIENT_SECRET\n          description: the API client secret\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            StringComparison.Ordinal).Replace(
            "        - key: CTP_CLIENT_SECRET\n          description: commercetools Composable Commerce API client secret\n          required: true\n  - name: event",
            "  - name: event",
            StringComparison.Ordinal);
        repository.Write("connect.yaml", manifest);
        repository.Commit("client secret in the standard configuration");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["secured-configuration"], run.Ids("failed"));
        Assert.Equal(
            "connect.yaml:15: CTP_CLIENT_SECRET is a credential in standardConfiguration; move it to securedConfiguration",
            Assert.Single(run.Evidence("secured-configuration")));
    }

    [Fact]
    public void An_invalid_application_type_fails_connect_yaml_at_its_line()
    {
        using var repository = ConnectSample.Create();
        repository.Write("connect.yaml", ConnectSample.Read(repository, "connect.yaml").Replace("applicationType: event", "applicationType: events", StringComparison.Ordinal));
        repository.Commit("typo");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["connect-yaml"], run.Ids("failed"));
        Assert.Equal(
            "connect.yaml:34: application 'event': applicationType 'events' is not one of service, event, job, merchant-center-custom-application, merchant-center-custom-view, assets",
            Assert.Single(run.Evidence("connect-yaml")));
    }

    [Fact]
    public void An_untagged_head_fails_git_tag()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/reminders.js", ConnectSample.Read(repository, "service/src/reminders.js") + "\n// a fix, not tagged yet\n");
        repository.Commit("a fix");
        var head = repository.Git("rev-parse", "--short=7", "HEAD").Trim();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["git-tag"], run.Ids("failed"));
        Assert.Equal(
            $"HEAD ({head}) has no tag: tag the commit to certify (git tag -a vX.Y.Z) and reference that tag with Set Repository",
            Assert.Single(run.Evidence("git-tag")));
    }

    [Fact]
    public void Fail_on_never_reports_a_failed_check_with_exit_code_0()
    {
        using var repository = ConnectSample.Create();
        File.Delete(Path.Combine(repository.Root, "LICENSE"));

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.False(run.Ready);
        Assert.Equal(["license", "git-tag"], run.Ids("failed"));
    }
}
