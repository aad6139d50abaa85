using System.Collections.Immutable;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// .NET Framework projects on a machine without a targeting pack: they compile against the served reference-assembly
/// package (Microsoft.NETFramework.ReferenceAssemblies.net461, in the NuGet cache through this test project's
/// PackageDownload), so the symbol-based rules see their code.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class NetFrameworkScanTests
{
    // An injected certificate callback accepting everything (CK4001), a token written to a file (CK2001), debugging output
    // (CK3001); System.Web and the package's JsonConvert only bind with the right references.
    private const string SignClient = """
        using System;
        using System.IO;
        using System.Net;
        using System.Web;
        using Newtonsoft.Json;

        namespace Client
        {
            public class SignClient
            {
                public void Connect(string accessToken)
                {
                    ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                    File.WriteAllText("token.txt", accessToken);
                    Console.WriteLine("connected " + HttpUtility.UrlEncode(JsonConvert.SerializeObject(accessToken)));
                }
            }
        }
        """;

    private static readonly (string, string, int, int)[] ExpectedFindings =
    [
        ("CK4001", "Client/SignClient.cs", 13, 71),
        ("CK2001", "Client/SignClient.cs", 14, 13),
        ("CK3001", "Client/SignClient.cs", 15, 13),
    ];

    [Fact]
    public async Task LegacyProjectWithPackagesConfigCompilesAgainstTheReferenceAssemblyPackage()
    {
        using var repo = LegacyRepository(extraTarget: string.Empty);

        var run = await ScanHarness.RunAsync(ImmutableArray<DiagnosticAnalyzer>.Empty, repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(ExpectedFindings, OutsidePackages(run));
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray(), p => p.GetProperty("path").GetString() == "Client/Client.csproj");
        Assert.Equal("msbuild", project.GetProperty("mode").GetString());
        Assert.Equal(2, project.GetProperty("sourceFiles").GetInt32());
        Assert.Equal("vendored (NuGet packages/ folder): not analysed", run.Skipped["packages/Newtonsoft.Json.13.0.3/lib/net45/Newtonsoft.Json.xml"]);
    }

    [Fact]
    public async Task LegacyProjectMSBuildCannotLoadIsCompiledAdHocFromItsCompileItemsReferencesAndPackages()
    {
        // A build step that fails off Windows: the design-time build fails, the project falls back to an ad-hoc compilation.
        using var repo = LegacyRepository(extraTarget: """<Target Name="RequireWindows" BeforeTargets="ResolveAssemblyReferences"><Error Text="Windows only." /></Target>""");
        repo.Write("Client/Obsolete.cs", "class Obsolete { void M() { System.Console.WriteLine(1); } }\n");
        repo.Commit("a file the project does not compile");

        var run = await ScanHarness.RunAsync(ImmutableArray<DiagnosticAnalyzer>.Empty, repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(ExpectedFindings, OutsidePackages(run));
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray(), p => p.GetProperty("path").GetString() == "Client/Client.csproj");
        Assert.Equal("fallback", project.GetProperty("mode").GetString());
        Assert.Equal(2, project.GetProperty("sourceFiles").GetInt32());
        Assert.Equal(1, project.GetProperty("fallbackPackages").GetInt32());
        Assert.Contains("Windows only.", project.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("compiled ad hoc against the .NET Framework v4.6.1 reference assemblies", project.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("not compiled by Client/Client.csproj (no <Compile> item names it)", run.Skipped["Client/Obsolete.cs"]);
    }

    [Fact]
    public async Task SdkStyleNet461ProjectCompilesAgainstTheReferenceAssemblyPackage()
    {
        using var repo = TempRepository.Create();
        repo.Write("Client/Client.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net461</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="System.Web" />
                <Reference Include="Newtonsoft.Json">
                  <HintPath>..\packages\Newtonsoft.Json.13.0.3\lib\net45\Newtonsoft.Json.dll</HintPath>
                </Reference>
              </ItemGroup>
            </Project>
            """);
        repo.Write("Client/SignClient.cs", SignClient);
        CopyPackage(repo, "newtonsoft.json", "13.0.3", "packages/Newtonsoft.Json.13.0.3");
        repo.Commit();

        var run = await ScanHarness.RunAsync(ImmutableArray<DiagnosticAnalyzer>.Empty, repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(ExpectedFindings, OutsidePackages(run));
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray(), p => p.GetProperty("path").GetString() == "Client/Client.csproj");
        Assert.Equal("msbuild", project.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("v4.6.1", "net461")]
    [InlineData("v4.8", "net48")]
    [InlineData("v4.5", "net45")]
    [InlineData("4.7.2", "net472")]
    [InlineData("v3.5", "net35")]
    [InlineData("v10.0", null)]
    [InlineData("$(Version)", null)]
    public void TargetFrameworkVersionNamesItsReferenceAssemblyPackage(string version, string? shortName)
    {
        Assert.Equal(shortName, NetFrameworkReferenceAssemblies.ShortName(version));
    }

    /// <summary>A legacy 4.6.1 class library with packages.config and a committed packages/ folder holding Newtonsoft.Json (XML docs full of URLs).</summary>
    private static TempRepository LegacyRepository(string extraTarget)
    {
        var repo = TempRepository.Create();
        repo.Write("Client/Client.csproj", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
              <PropertyGroup>
                <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
                <Platform Condition=" '$(Platform)' == '' ">AnyCPU</Platform>
                <OutputType>Library</OutputType>
                <RootNamespace>Client</RootNamespace>
                <AssemblyName>Client</AssemblyName>
                <TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion>
              </PropertyGroup>
              <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Debug|AnyCPU' ">
                <OutputPath>bin\Debug\</OutputPath>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed, processorArchitecture=MSIL">
                  <HintPath>..\packages\Newtonsoft.Json.13.0.3\lib\net45\Newtonsoft.Json.dll</HintPath>
                </Reference>
                <Reference Include="System" />
                <Reference Include="System.Core" />
                <Reference Include="System.Net.Http" />
                <Reference Include="System.Web" />
              </ItemGroup>
              <ItemGroup>
                <Compile Include="SignClient.cs" />
                <Compile Include="Properties\AssemblyInfo.cs" />
              </ItemGroup>
              <ItemGroup>
                <None Include="packages.config" />
              </ItemGroup>
              <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
              {extraTarget}
            </Project>
            """);
        repo.Write("Client/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Newtonsoft.Json" version="13.0.3" targetFramework="net461" />
            </packages>
            """);
        repo.Write("Client/Properties/AssemblyInfo.cs", "using System.Reflection;\n[assembly: AssemblyVersion(\"1.2.0.0\")]\n");
        repo.Write("Client/SignClient.cs", SignClient);
        CopyPackage(repo, "newtonsoft.json", "13.0.3", "packages/Newtonsoft.Json.13.0.3");
        repo.Commit();
        return repo;
    }

    /// <summary>Commits a package from the NuGet cache as packages.config restores it into a solution's packages/ folder.</summary>
    private static void CopyPackage(TempRepository repo, string id, string version, string target)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var source = Path.Combine(cache, id, version);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.EndsWith(".nupkg", StringComparison.Ordinal) || relative.EndsWith(".sha512", StringComparison.Ordinal) || relative.StartsWith('.'))
            {
                continue; // the cache's own bookkeeping
            }

            repo.WriteBytes(Path.Combine(target, relative), File.ReadAllBytes(file));
        }

        Assert.True(File.Exists(Path.Combine(repo.Root, target, "lib", "net45", "Newtonsoft.Json.xml")), "the package's XML docs (full of URLs) are committed");
    }

    private static List<(string RuleId, string Path, int Line, int Column)> OutsidePackages(ScanRun run)
    {
        var findings = run.Findings.ToList();
        Assert.DoesNotContain(findings, f => f.Path.StartsWith("packages/", StringComparison.Ordinal));
        return findings;
    }
}
