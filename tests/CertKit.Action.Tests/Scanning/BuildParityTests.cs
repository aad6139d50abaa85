using System.Diagnostics;
using System.Text.RegularExpressions;
using CertKit.Action.Scanning;

namespace CertKit.Action.Tests.Scanning;

/// <summary>
/// <c>certkit scan</c> and <c>dotnet build</c> with the CertKit analyzers report the same CK findings on the same integration
/// (the scan runs the very same analyzer assembly, through the project's real compilation).
/// </summary>
[Collection(ScanCollection.Name)]
public sealed partial class BuildParityTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <Analyzer Include="$(CertKitAnalyzer)" />
            <AdditionalFiles Include="appsettings.json" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public async Task ScanReportsTheSameCertKitFindingsAsTheBuild()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", Project);
        repo.Write("src/Integration/VenafiClient.cs", """
            namespace Integration;

            public sealed class VenafiClient
            {
                private const string BaseUrl = "https://api.venafi.cloud/outagedetection/v1";
                private readonly HttpClient _http = new() { BaseAddress = new Uri(BaseUrl) };

                public VenafiClient()
                {
                    _http.DefaultRequestHeaders.Add("tppl-api-key", "9c4e1f2a-77b3-4d0e-a1c5-3e8f6b2d9a41");
                }

                public Task<string> ListCertificatesAsync() => _http.GetStringAsync("certificates");
            }
            """);
        repo.Write("src/Integration/CommercetoolsAuth.cs", """
            namespace Integration;

            public static class CommercetoolsAuth
            {
                public const string TokenUrl = "https://auth.europe-west1.gcp.commercetools.com/oauth/token";
                private const string ClientSecret = "q8TzK2mVx9LrW4pN7sJc3YhB";

                public static FormUrlEncodedContent Body(string clientId) => new(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = ClientSecret,
                });
            }
            """);
        repo.Write("src/Integration/appsettings.json", """
            {
              "AdobeSign": {
                "BaseUrl": "https://api.na1.adobesign.com/api/rest/v6",
                "RefreshToken": "3AAABLblqZhCvT8mQ2xW9pL4rN7sK1yF6dH0jB5gE"
              }
            }
            """);
        repo.Commit();
        var analyzer = AnalyzerCatalog.RulesAssembly.Location;

        var build = await BuildFindingsAsync(Path.Combine(repo.Root, "src", "Integration"), analyzer);
        var run = await ScanHarness.RunAsync([], repo.Root, "--json", "--fail-on", "none");
        var scan = run.Findings.Select(f => (f.RuleId, f.Path, f.Line, f.Column)).Order().ToList();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(build, scan);
        // Vacuous only while the analyzer assembly has no rules: then both sides must agree on nothing.
        Assert.Equal(AnalyzerCatalog.LoadCertKitAnalyzers().IsEmpty, build.Count == 0);
    }

    /// <summary>
    /// The CK findings of <c>dotnet build</c> of <paramref name="projectFolder"/> with the analyzer assembly passed as the
    /// CertKitAnalyzer property, paths relative to <paramref name="repositoryRoot"/> (by default two folders up).
    /// </summary>
    internal static async Task<List<(string RuleId, string Path, int Line, int Column)>> BuildFindingsAsync(string projectFolder, string analyzer, string? repositoryRoot = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", "-nologo", "-v:q", "-clp:NoSummary", "--no-incremental", $"-p:CertKitAnalyzer={analyzer}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);

        repositoryRoot ??= Path.GetFullPath(Path.Combine(projectFolder, "..", ".."));
        return BuildDiagnostic().Matches(text)
            .Select(m => (m.Groups["id"].Value, FileDiscovery.RelativeTo(repositoryRoot, m.Groups["path"].Value), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value)))
            .Distinct()
            .Order()
            .ToList();
    }

    // "/tmp/x/src/Integration/VenafiClient.cs(5,36): warning CK1001: The URL … [/tmp/x/src/Integration/Integration.csproj]"
    [GeneratedRegex(@"^\s*(?<path>/[^(\r\n]+)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?:warning|error|info) (?<id>CK\d{4}):", RegexOptions.Multiline)]
    private static partial Regex BuildDiagnostic();
}
