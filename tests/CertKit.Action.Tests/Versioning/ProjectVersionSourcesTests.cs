using CertKit.Action.Decision;
using CertKit.Action.Evidence;
using CertKit.Action.Policies;
using CertKit.Action.Tests.Git;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Versioning;

/// <summary>Versions in the files partner repositories keep them in: AssemblyInfo.cs, PowerShell module manifests; and a project file that was never bumped.</summary>
public class ProjectVersionSourcesTests
{
    private const string LegacyAssemblyInfo = """
        using System.Reflection;
        using System.Runtime.InteropServices;

        [assembly: AssemblyTitle("Venafi.Connector")]
        // [assembly: AssemblyVersion("1.0.*")]
        [assembly: AssemblyVersion("{0}.0")]
        [assembly: AssemblyFileVersion("{0}.0")]
        [assembly: AssemblyInformationalVersion("{0}")]
        """;

    [Fact]
    public void AssemblyInfoInformationalVersionIsTheVersionOfALegacyProject()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/Venafi.Connector/Venafi.Connector.csproj", "<Project ToolsVersion=\"15.0\"><PropertyGroup><TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion></PropertyGroup></Project>");
        repository.Write("src/Venafi.Connector/Properties/AssemblyInfo.cs", string.Format(LegacyAssemblyInfo, "1.4.2"));
        repository.Write("src/Venafi.Connector.Tests/Properties/AssemblyInfo.cs", "[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")]\n").Commit();
        repository.Tag("v1.4.2");
        repository.Write("src/Venafi.Connector/Properties/AssemblyInfo.cs", string.Format(LegacyAssemblyInfo, "1.5.0")).Commit();

        var decision = Decide(repository, "venafi");

        Assert.Equal("1.5.0", VersionText.Format(decision.Version));
        Assert.Equal(VersionSourceKind.AssemblyInfo, decision.Current.Source);
        Assert.Equal("src/Venafi.Connector/Properties/AssemblyInfo.cs at HEAD", decision.Current.Origin);
        Assert.Equal("1.4.2", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal(BumpKind.Minor, decision.Bump);
        Assert.Empty(decision.Warnings);
    }

    [Theory]
    [InlineData("[assembly: AssemblyVersion(\"2.1.0.0\")]\n", "2.1.0.0")]
    [InlineData("[assembly: AssemblyVersion(\"2.1.0.0\")]\n[assembly: AssemblyInformationalVersion(\"2.1.0-beta.1\")]\n", "2.1.0-beta.1")]
    [InlineData("[assembly: System.Reflection.AssemblyVersionAttribute(\"3.0.0\")]\n", "3.0.0")]
    [InlineData("[assembly: AssemblyVersion(\"1.0.*\")]\n", null)]
    [InlineData("// [assembly: AssemblyVersion(\"1.0.0\")]\n", null)]
    public void AssemblyInfoReadsInformationalVersionOverAssemblyVersion(string content, string? expected)
    {
        Assert.Equal(expected, new AssemblyInfoVersionSource().ReadVersion("Properties/AssemblyInfo.cs", content));
    }

    [Theory]
    [InlineData("@{\n    RootModule = 'VenafiPS.psm1'\n    ModuleVersion = '6.2.1'\n}\n", "6.2.1")]
    [InlineData("@{\n  ModuleVersion = \"1.0.0\"\n  PrivateData = @{ PSData = @{\n    Prerelease = 'preview2'\n  } }\n}\n", "1.0.0-preview2")]
    [InlineData("@{\n  # ModuleVersion = '9.9.9'\n  RootModule = 'x.psm1'\n}\n", null)]
    public void PowerShellManifestReadsModuleVersion(string content, string? expected)
    {
        Assert.Equal(expected, new PowerShellManifestVersionSource().ReadVersion("VenafiPS/VenafiPS.psd1", content));
    }

    [Fact]
    public void PowerShellModuleManifestIsTheVersionOfAPowerShellModule()
    {
        using var repository = TestRepository.Create();
        repository.Write("VenafiPS/VenafiPS.psd1", "@{\n    RootModule = 'VenafiPS.psm1'\n    ModuleVersion = '6.2.1'\n}\n").Commit();
        repository.Tag("v6.2.1");
        repository.Write("VenafiPS/VenafiPS.psd1", "@{\n    RootModule = 'VenafiPS.psm1'\n    ModuleVersion = '6.3.0'\n}\n").Commit();

        var decision = Decide(repository, "venafi");

        Assert.Equal("6.3.0", VersionText.Format(decision.Version));
        Assert.Equal(VersionSourceKind.PowerShellManifest, decision.Current.Source);
        Assert.Equal("VenafiPS/VenafiPS.psd1 at HEAD", decision.Current.Origin);
        Assert.Equal(BumpKind.Minor, decision.Bump);
    }

    [Fact]
    public void AHigherReleaseTagThanTheProjectFileVersionIsSaid()
    {
        // Released as tags only: the csproj stayed at 1.0.0 while v1.1.0 and v1.2.0 were tagged.
        using var repository = TestRepository.Create();
        repository.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "1.0.0").Commit();
        repository.Tag("v1.0.0");
        repository.Write("src/Venafi.Connector/A.cs", "class A { }").Commit();
        repository.Tag("v1.1.0");
        repository.Write("src/Venafi.Connector/B.cs", "class B { }").Commit();
        repository.Tag("v1.2.0");
        repository.Write("src/Venafi.Connector/C.cs", "class C { }").Commit();

        var decision = Decide(repository, "venafi");

        Assert.Equal("1.0.0", VersionText.Format(decision.Version));
        Assert.Equal(
            [
                "release tag v1.2.0 (1.2.0) is reachable from HEAD but the version found is 1.0.0 (src/Venafi.Connector/Venafi.Connector.csproj at HEAD): "
                + "the project file was probably not bumped since; bump it, tag the release, or pass --version",
            ],
            decision.Warnings);
        Assert.Contains("  WARNING: release tag v1.2.0 (1.2.0) is reachable from HEAD", DecisionText.Render(decision), StringComparison.Ordinal);
        Assert.Contains("\"warnings\":[\"release tag v1.2.0 (1.2.0) is reachable from HEAD", DecisionJson.Render(decision), StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectFileAheadOfTheTagsHasNoWarning()
    {
        using var repository = TestRepository.Create();
        repository.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "1.2.0").Commit();
        repository.Tag("v1.2.0");
        repository.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "1.3.0").Commit();

        Assert.Empty(Decide(repository, "venafi").Warnings);
    }

    private static RecertificationDecision Decide(TestRepository repository, string program) =>
        DecisionEngine.Decide(new DecisionRequest
        {
            Policy = CertKit.Action.Programs.ProgramRegistry.Policies.Single(policy => policy.Id == program),
            RepositoryPath = repository.Path,
            HeadRef = "HEAD",
            Evidence = EvidenceMode.None,
        });
}
