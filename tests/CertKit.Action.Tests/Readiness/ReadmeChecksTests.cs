using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// The README checks read every section that could hold what they look for, and the text around them: shapes taken from
/// public integrations' READMEs (an "About" section before the "Contact" one, "Supported platforms", a support paragraph
/// before the first heading, examples in a folder, configuration under "Prerequisites" or in the installation steps).
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class ReadmeChecksTests
{
    [Fact]
    public void Creator_contact_reads_the_contact_section_after_an_about_section_without_a_link()
    {
        using var repository = ConnectSample.Create();
        repository.Write("README.md", ConnectSample.Read(repository, "README.md")
            .Replace("## Author\n\nNorthwind Commerce Labs, connect@northwind-labs.example.com.", "## About us\n\nWe build connectors.\n\n## Contact\n\n- [Contact form](https://northwind-labs.example.com/contact)\n", StringComparison.Ordinal));
        repository.Commit("about, then contact");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("creator-contact"));
        Assert.Equal("README.md:48: Contact: https://northwind-labs.example.com/contact", Assert.Single(run.Evidence("creator-contact")));
    }

    [Fact]
    public void Connect_configuration_documented_in_the_installation_steps_counts_without_a_configuration_heading()
    {
        using var repository = ConnectSample.Create();
        repository.Write("README.md", ConnectSample.Read(repository, "README.md").Replace("## Configuration\n\n", string.Empty, StringComparison.Ordinal));
        repository.Commit("keys under installation");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("documentation"));
        Assert.Equal(["README.md:8: Installation", "README.md:8: Installation names every connect.yaml key", "README.md: names all 3 connect.yaml keys"], run.Evidence("documentation"));
    }

    [Fact]
    public void Support_is_a_channel_named_before_the_first_heading_and_supported_platforms_is_not_support()
    {
        using var repository = Integration("""
            # Connector

            Ask questions or [submit an issue](https://github.com/acme/connector/issues).

            ## Supported platforms

            Windows, Linux and macOS.
            """);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("passed", run.Status("support-model"));
        Assert.Equal("README.md:3: support through https://github.com/acme/connector/issues", Assert.Single(run.Evidence("support-model")));

        repository.Write("README.md", "# Connector\n\n[![Support level](https://img.shields.io/badge/Support-Community-green)](https://example.com/badges)\n\n## Supported platforms\n\nWindows, Linux and macOS, see https://learn.example.com/platforms.\n");
        repository.Commit("no channel");
        var without = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("failed", without.Status("support-model"));
        Assert.Equal("README.md: no support section (a heading with Support, Getting help or Contact), no paragraph that names a support channel, and no SUPPORT.md", Assert.Single(without.Evidence("support-model")));
    }

    [Fact]
    public void A_usage_section_that_links_example_code_in_the_repository_shows_an_example()
    {
        using var repository = Integration("""
            # Connector

            ## Usage example

            For code samples, review the files in [/examples](https://github.com/acme/connector/tree/main/examples).
            """);
        repository.Write("examples/enroll.py", "print('enroll')\n");
        repository.Commit("examples");

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("passed", run.Status("usage-examples"));
        Assert.Equal("README.md:3: Usage example, linking examples/ (1 file)", Assert.Single(run.Evidence("usage-examples")));

        repository.Write("README.md", "# Connector\n\n## Usage example\n\nSee [the samples](samples/) and [the docs](https://docs.example.com/usage).\n");
        repository.Commit("a link to nothing in the repository");
        var broken = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("failed", broken.Status("usage-examples"));
        Assert.Equal("README.md:3: the Usage example section shows no example (no ``` code block, no link to example code in the repository)", Assert.Single(broken.Evidence("usage-examples")));
    }

    [Theory]
    [InlineData("## Prerequisites for using with the SaaS platform\n\n1. An API key with the certificate:manage scope.\n", "README.md:7: Prerequisites for using with the SaaS platform")]
    [InlineData("## Usage\n\nToken based authentication must be set up and configured first:\n\n```powershell\nNew-Session -Server 'venafi.example.com' -Credential $cred\n```\n", "README.md:7: Usage shows how to configure")]
    public void Configuration_is_found_under_prerequisites_or_where_a_section_shows_how_to_configure(string section, string expected)
    {
        using var repository = Integration("# Connector\n\n## Install\n\n`Install-Module Connector`\n\n" + section);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("passed", run.Status("documentation"));
        Assert.Equal(["README.md:3: Install", expected], run.Evidence("documentation"));
    }

    [Fact]
    public void A_readme_that_never_says_how_to_configure_fails_documentation()
    {
        using var repository = Integration("# Connector\n\n## Install\n\n`Install-Module Connector`\n\n## Usage\n\n```powershell\nGet-Certificate\n```\n");

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("failed", run.Status("documentation"));
        Assert.Equal(
            "README.md: no configuration documentation (a heading such as Configuration, Settings, Environment variables, Connector properties or Prerequisites, or a section that shows how to configure)",
            Assert.Single(run.Evidence("documentation")));
    }

    private static TempRepository Integration(string readme)
    {
        var repository = TempRepository.Create();
        repository.Write("README.md", readme);
        repository.Write("src/Connector.psm1", "function Get-Certificate { param($Name) $Name }\n");
        repository.Commit("connector");
        return repository;
    }
}
