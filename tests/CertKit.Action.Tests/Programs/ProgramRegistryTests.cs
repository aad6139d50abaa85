using System.Text.Json;
using CertKit.Action.Cli;
using CertKit.Action.Programs;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.Cli;
using CertKit.Action.Tests.Git;

namespace CertKit.Action.Tests.Programs;

/// <summary>Program names: ids and aliases in any case, in every command that takes <c>--program</c> and in the Action input.</summary>
public sealed class ProgramRegistryTests
{
    [Theory]
    [InlineData("venafi", "venafi")]
    [InlineData("Venafi", "venafi")]
    [InlineData("CyberArk", "venafi")]
    [InlineData("certificate-manager", "venafi")]
    [InlineData("Certificate-Manager-SaaS", "venafi")]
    [InlineData("tls-protect-cloud", "venafi")]
    [InlineData("ACROBAT-SIGN", "adobe-sign")]
    [InlineData("adobe-sign", "adobe-sign")]
    [InlineData("Connect", "commercetools")]
    [InlineData("Custom", "custom")]
    public void Names_and_aliases_resolve_case_insensitively(string name, string id)
    {
        Assert.Equal(id, ProgramRegistry.Canonical(name));
    }

    [Fact]
    public void An_unknown_name_resolves_to_nothing_and_the_error_lists_ids_and_aliases()
    {
        Assert.Null(ProgramRegistry.Canonical("docusign"));
        var error = Assert.Throws<CertKitException>(() => ProgramRegistry.ResolvePolicy("docusign", null, "."));
        Assert.StartsWith("unknown program 'docusign' (expected venafi|commercetools|adobe-sign|custom; aliases: cyberark → venafi,", error.Message);
    }

    [Fact]
    public void Every_program_is_one_definition_whose_parts_agree()
    {
        Assert.Equal(["venafi", "commercetools", "adobe-sign"], ProgramRegistry.BuiltIn.Select(program => program.Id));
        var names = ProgramRegistry.BuiltIn.SelectMany(program => program.Aliases.Append(program.Id)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var program in ProgramRegistry.BuiltIn)
        {
            Assert.Equal(program.Id, program.Policy.Id);
            Assert.Equal(program.Id, program.Readiness.Id);
            Assert.All(program.Checks, check => Assert.NotNull(CertKit.Action.Readiness.CheckCatalog.Find(check.Id)));
            Assert.NotEmpty(program.Checklist(Decision.Decisions.Made(program.Id, program.DisplayName, "1.0.0", "2.0.0", CertKit.Action.Versioning.BumpKind.Major, true, [])));
            Assert.All(program.Requirements, requirement => Assert.NotNull(requirement.Source.Verified));
        }
    }

    [Theory]
    [InlineData("CyberArk", "venafi")]
    [InlineData("Venafi", "venafi")]
    [InlineData("acrobat-sign", "adobe-sign")]
    [InlineData("connect", "commercetools")]
    public void Decide_takes_an_alias_in_any_case(string name, string id)
    {
        using var repository = TestRepository.Create();
        repository.Csproj("src/C/C.csproj", "1.0.0").Commit();
        repository.Tag("v1.0.0");

        var run = CertkitProcess.Run(repository.Path, "decide", "--program", name, "--version", "1.1.0", "--evidence", "none", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(id, json.RootElement.GetProperty("program").GetString());
        Assert.True(json.RootElement.GetProperty("recertificationRequired").GetBoolean());
    }

    [Fact]
    public void Check_takes_an_alias_in_any_case()
    {
        using var repository = TestRepository.Create();
        repository.Write("README.md", "# C\n").Commit();

        var run = CertKit.Action.Tests.Readiness.CheckRun.Of(repository.Path, "CyberArk", "--fail-on", "never");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.Equal("venafi", run.Report.GetProperty("program").GetString());
        Assert.Equal("failed", run.Status("documentation"));
    }

    [Fact]
    public void The_action_input_takes_an_alias_and_names_a_wrong_one()
    {
        var inputs = ActionInputs.Read(Core("Certificate-Manager-SaaS"), "");
        var error = Assert.Throws<ActionInputException>(() => ActionInputs.Read(Core("docusign"), ""));

        Assert.Equal("venafi", inputs.Program);
        Assert.StartsWith("program: unknown program 'docusign' (expected venafi|commercetools|adobe-sign|custom;", error.Message);
    }

    private static ActionsCore Core(string program)
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = "acme/c", ["INPUT_PROGRAM"] = program };
        return new ActionsCore(new StringWriter(), name => environment.GetValueOrDefault(name));
    }
}
