using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>Every bad input to <c>certkit check</c> is one line on stderr, nothing on stdout, and the right exit code.</summary>
[Collection(ScanCollection.Name)]
public sealed class CheckCommandErrorTests
{
    [Fact]
    public void No_connect_yaml_for_commercetools_is_a_user_error()
    {
        using var repository = TempRepository.Create();
        repository.Write("README.md", "# x\n");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "commercetools");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Equal($"certkit check: no connect.yaml in '{repository.Root}': a commercetools Connect repository must contain a configured connect.yaml in its root directory", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Connect_yaml_that_does_not_parse_is_a_user_error_with_its_line()
    {
        using var repository = TempRepository.Create();
        repository.Write("connect.yaml", "deployAs:\n  - name: service\n    applicationType: [service\n");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "commercetools");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Equal("certkit check: connect.yaml:4: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_markdown_file_that_cannot_be_written_is_one_line_naming_the_users_path()
    {
        using var repository = TempRepository.Create();
        var blocker = repository.Write("README.md", "# x\n");
        var markdown = Path.Combine(blocker, "x.md");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "venafi", "--markdown", markdown);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Equal($"certkit check: Markdown file '{markdown}' cannot be written: '{blocker}' is a file, not a folder", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void An_unknown_program_is_bad_usage()
    {
        var run = CheckRun.Invoke("check", ".", "--program", "acme");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--program: unknown program 'acme' (expected venafi|commercetools|adobe-sign|custom; aliases: cyberark → venafi, certificate-manager → venafi, certificate-manager-saas → venafi, tls-protect-cloud → venafi, connect → commercetools, acrobat-sign → adobe-sign)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_directory_that_is_a_file_is_a_user_error()
    {
        using var repository = TempRepository.Create();
        var file = repository.Write("README.md", "# x\n");

        var run = CheckRun.Invoke("check", file, "--program", "venafi");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit check: '{file}' is a file; give the repository's folder", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Custom_without_a_checks_list_is_a_user_error()
    {
        using var repository = TempRepository.Create();

        var run = CheckRun.Invoke("check", repository.Root, "--program", "custom");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit check: --program custom reads the checks from certkit.yml, and '{repository.Root}' has none (add checks: [license, tests, …] or pass --policy FILE)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Custom_with_an_unknown_check_names_its_line()
    {
        using var repository = TempRepository.Create();
        repository.Write("certkit.yml", "program: acme\nchecks:\n  - license\n  - lisence\n");

        var run = CheckRun.Invoke("check", repository.Root, "--program", "custom");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"certkit check: {Path.Combine(repository.Root, "certkit.yml")}:4: unknown check 'lisence' (known: connect-yaml, ", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Custom_runs_the_checks_certkit_yml_picks()
    {
        using var repository = TempRepository.Create();
        repository.Write("certkit.yml", "program: acme\nchecks: [license, support-model]\n");
        repository.Write("LICENSE", "Apache License\n");
        repository.Write("README.md", "# Acme\n\n## Support\n\nWrite to help@acme.example.com.\n");

        var run = CheckRun.Of(repository.Root, "custom");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.Equal(["license", "support-model"], run.Ids("passed"));
        Assert.Equal("README.md:3: Support: help@acme.example.com", Assert.Single(run.Evidence("support-model")));
    }
}
