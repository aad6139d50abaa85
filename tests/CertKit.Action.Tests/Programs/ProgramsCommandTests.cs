using System.Text.Json;
using CertKit.Action.Programs;
using CertKit.Action.Tests.Cli;
using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.Samples;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Programs;

/// <summary><c>certkit programs</c>, docs/programs.md, and the stale-requirement flag of <c>certkit check</c>.</summary>
public sealed class ProgramsCommandTests
{
    [Fact]
    public void Programs_json_lists_every_requirement_with_its_source_and_date()
    {
        var run = CertkitProcess.Run(SourceTree.Root, "programs", "--json", "--as-of", "2026-12-06");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var programs = json.RootElement.GetProperty("programs").EnumerateArray().ToList();
        Assert.Equal(["venafi", "commercetools", "adobe-sign"], programs.Select(program => program.GetProperty("id").GetString()));
        Assert.Equal(["cyberark", "certificate-manager", "certificate-manager-saas", "tls-protect-cloud"], programs[0].GetProperty("aliases").EnumerateArray().Select(alias => alias.GetString()));
        foreach (var (program, definition) in programs.Zip(ProgramRegistry.BuiltIn))
        {
            var requirements = program.GetProperty("requirements").EnumerateArray().ToList();
            Assert.Equal(definition.Requirements.Select(requirement => requirement.Id), requirements.Select(requirement => requirement.GetProperty("id").GetString()));
            Assert.Equal("recertification", requirements[0].GetProperty("id").GetString());
            Assert.Equal(definition.Policy.SeedSentence, requirements[0].GetProperty("quote").GetString());
            foreach (var requirement in requirements)
            {
                var source = requirement.GetProperty("source");
                Assert.False(string.IsNullOrEmpty(source.GetProperty("title").GetString()));
                Assert.True(source.GetProperty("url").ValueKind == JsonValueKind.String || source.GetProperty("seed").ValueKind == JsonValueKind.String);
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", source.GetProperty("verified").GetString());
                Assert.False(requirement.GetProperty("stale").GetBoolean());
            }
        }
    }

    [Fact]
    public void A_requirement_older_than_the_age_is_stale()
    {
        var fresh = CertkitProcess.Run(SourceTree.Root, "programs", "--as-of", "2027-06-01");
        var old = CertkitProcess.Run(SourceTree.Root, "programs", "--as-of", "2027-06-01", "--stale-after", "90");

        Assert.DoesNotContain("? requirement", fresh.StandardOutput);
        Assert.Contains(
            "      ? requirement last verified 2026-12-06 (177 days ago, more than 90): re-read https://docs.commercetools.com/connect/certification\n",
            old.StandardOutput);
    }

    [Fact]
    public void Docs_programs_md_is_generated_from_the_program_data()
    {
        var committed = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "programs.md"));

        Assert.Equal(ProgramWriters.Markdown(ProgramRegistry.BuiltIn), committed.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_flags_a_requirement_verified_longer_ago_than_stale_after()
    {
        using var repository = ConnectSample.Create();

        var fresh = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never", "--as-of", "2027-01-01");
        var stale = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never", "--as-of", "2027-01-01", "--stale-after", "10");
        var text = CheckRun.Invoke("check", repository.Root, "--program", "commercetools", "--fail-on", "never", "--as-of", "2027-01-01", "--stale-after", "10");

        Assert.All(fresh.Checks, check => Assert.Equal(JsonValueKind.Null, check.GetProperty("stale").ValueKind));
        var license = stale.Checks.Single(check => check.GetProperty("id").GetString() == "license");
        Assert.Equal("requirement last verified 2026-12-06 (26 days ago, more than 10): re-read https://docs.commercetools.com/connect/certification", license.GetProperty("stale").GetString());
        Assert.Equal("2026-12-06", license.GetProperty("source").GetProperty("verified").GetString());
        Assert.Contains("        ? requirement last verified 2026-12-06 (26 days ago, more than 10): re-read https://docs.commercetools.com/connect/certification", text.StandardOutput);
    }
}
