using System.Text.Json;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// A finding's level is the rule's configured severity; a project's TreatWarningsAsErrors is reported beside it
/// (<c>warningAsError</c>), while a rule configured as an error (.editorconfig) stays an error.
/// </summary>
public class WarningsAsErrorsTests
{
    [Fact]
    public async Task Treat_warnings_as_errors_keeps_the_rule_severity_and_is_reported_apart()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Strict/Strict.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        repo.Write("src/Strict/Client.cs", "namespace Strict;\n\npublic static class Client\n{\n    public const string Endpoint = \"https://api.venafi.cloud/v1\";\n}\n");
        // A rule configured as an error for some files stays an error there.
        repo.Write("src/Strict/Configured/.editorconfig", "[*.cs]\ndotnet_diagnostic.CK1001.severity = error\n");
        repo.Write("src/Strict/Configured/Client.cs", "namespace Strict.Configured;\n\npublic static class Client\n{\n    public const string Endpoint = \"https://api.venafi.cloud/v1\";\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.Error);
        var findings = run.Json.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "CK1001")
            .Select(f => (Path: f.GetProperty("path").GetString(), Severity: f.GetProperty("severity").GetString(), WarningAsError: f.GetProperty("warningAsError").GetBoolean()))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                ("src/Strict/Client.cs", "warning", true),
                ("src/Strict/Configured/Client.cs", "error", false),
            ],
            findings);
    }
}
