using System.CommandLine;
using System.Text.Json;
using CertKit.Action.Cli;
using CertKit.Action.Tests.Cli;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// <c>certkit decide</c> with evidence, on real git histories: a release 1.4.2 and one branch per kind of change after it.
/// The command runs in process (MSBuild is registered once per process, shared with the scan tests' collection).
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class EvidenceDecisionTests : IClassFixture<EvidenceDecisionTests.History>
{
    private const string Client = "src/Venafi.Connector/VenafiClient.cs";

    private readonly History history;

    public EvidenceDecisionTests(History history)
    {
        this.history = history;
    }

    [Fact]
    public async Task PatchThatAddsAPublicMethodAndAnEndpointIsAFeatureAdditionForVenafi()
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "add-feature", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var root = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.Equal("1.4.3", root.GetProperty("version").GetString());
        Assert.Equal("patch", root.GetProperty("bump").GetString());
        Assert.True(root.GetProperty("recertificationRequired").GetBoolean());
        Assert.Equal("minor", root.GetProperty("impliedBump").GetString());
        Assert.True(root.GetProperty("bumpUnderstated").GetBoolean());

        var evidence = root.GetProperty("evidence");
        Assert.Empty(evidence.GetProperty("api").GetProperty("breaking").EnumerateArray());
        var added = Assert.Single(evidence.GetProperty("api").GetProperty("added").EnumerateArray());
        Assert.Equal("method VenafiClient.RequestCertificateAsync(string) added", added.GetProperty("description").GetString());
        Assert.Equal(Client, added.GetProperty("file").GetString());
        Assert.Equal(11, added.GetProperty("line").GetInt32());
        var endpoint = Assert.Single(evidence.GetProperty("endpoints").GetProperty("added").EnumerateArray());
        Assert.Equal("POST", endpoint.GetProperty("method").GetString());
        Assert.Equal("/outagedetection/v1/certificaterequests", endpoint.GetProperty("path").GetString());
        Assert.Equal("env:VENAFI_BASE_URL", endpoint.GetProperty("base").GetString());
        Assert.Equal(12, Assert.Single(endpoint.GetProperty("sites").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Empty(evidence.GetProperty("endpoints").GetProperty("removed").EnumerateArray());
        Assert.Empty(evidence.GetProperty("notes").EnumerateArray());

        var reasons = root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.StartsWith("patch bump 1.4.2 -> 1.4.3 does not require re-certification", reasons[0]);
        Assert.Equal(
            $"feature addition under a patch label: 1 public API addition ({Client}:11), new endpoint POST /outagedetection/v1/certificaterequests ({Client}:12) requires re-certification: " +
            "Venafi asks to re-certify for any feature addition/enhancement, and new public API is one",
            reasons[1]);
    }

    [Fact]
    public async Task UnderstatedBumpFailsOnlyWhenAskedAndTheTextSaysSo()
    {
        var text = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "add-feature");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("  implied bump:     minor (evidence since ", text.StandardOutput);
        Assert.Contains("  BUMP UNDERSTATED: declared patch, but the changes imply minor", text.StandardOutput);
        Assert.Contains($"    added: method VenafiClient.RequestCertificateAsync(string) added ({Client}:11)", text.StandardOutput);

        var failing = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "add-feature", "--fail-on", "understated-bump");
        Assert.Equal(1, failing.ExitCode);
        Assert.Equal(["certkit decide: the declared bump (patch) is lower than the one the changes imply (minor)"], failing.ErrorLines);

        var off = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "add-feature", "--evidence", "none", "--json", "--fail-on", "understated-bump");
        Assert.Equal(0, off.ExitCode);
        var root = JsonDocument.Parse(off.StandardOutput).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("evidence").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("impliedBump").ValueKind);
        Assert.False(root.GetProperty("bumpUnderstated").GetBoolean());
        Assert.False(root.GetProperty("recertificationRequired").GetBoolean());
    }

    [Fact]
    public async Task PatchThatChangesOnlyAMethodBodyIsNotRequired()
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "body-only", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var root = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.False(root.GetProperty("recertificationRequired").GetBoolean());
        Assert.Equal("patch", root.GetProperty("impliedBump").GetString());
        Assert.False(root.GetProperty("bumpUnderstated").GetBoolean());
        var evidence = root.GetProperty("evidence");
        Assert.Empty(evidence.GetProperty("api").GetProperty("added").EnumerateArray());
        Assert.Empty(evidence.GetProperty("api").GetProperty("breaking").EnumerateArray());
        Assert.Empty(evidence.GetProperty("endpoints").GetProperty("added").EnumerateArray());
        Assert.Contains("no public API, endpoint or contract change since tag v1.4.2", root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("remove-method", "method VenafiClient.RevokeAsync(string) removed", 10)]
    [InlineData("optional-required", "method VenafiClient.ListCertificatesAsync(int): optional parameter limit became required (was optional = 10)", 8)]
    public async Task MinorReleaseWithABreakingChangeImpliesMajor(string branch, string breaking, int line)
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", branch, "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var root = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.Equal("1.5.0", root.GetProperty("version").GetString());
        Assert.Equal("minor", root.GetProperty("bump").GetString());
        Assert.Equal("major", root.GetProperty("impliedBump").GetString());
        Assert.True(root.GetProperty("bumpUnderstated").GetBoolean());
        var item = Assert.Single(root.GetProperty("evidence").GetProperty("api").GetProperty("breaking").EnumerateArray());
        Assert.Equal(breaking, item.GetProperty("description").GetString());
        Assert.Equal(Client, item.GetProperty("file").GetString());
        Assert.Equal(line, item.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task RenamingAPrivateMethodIsNoEvidence()
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "adobe-sign", "--head", "rename-private", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var evidence = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("evidence");
        Assert.Empty(evidence.GetProperty("api").GetProperty("breaking").EnumerateArray());
        Assert.Empty(evidence.GetProperty("api").GetProperty("added").EnumerateArray());
        Assert.Empty(evidence.GetProperty("endpoints").GetProperty("added").EnumerateArray());
        Assert.Empty(evidence.GetProperty("endpoints").GetProperty("removed").EnumerateArray());
        Assert.Empty(evidence.GetProperty("contract").GetProperty("changes").EnumerateArray());
        Assert.False(JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("recertificationRequired").GetBoolean());
    }

    [Fact]
    public async Task A_patch_whose_changes_are_all_powershell_is_marked_evidence_incomplete_and_names_the_files()
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "powershell-only", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var root = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.True(root.GetProperty("evidenceIncomplete").GetBoolean());
        Assert.Equal(
            ["tools/VenafiPS/Public/New-VcCertificate.ps1", "tools/VenafiPS/Public/Remove-VcCertificate.ps1"],
            root.GetProperty("notCompared").EnumerateArray().Select(file => file.GetProperty("path").GetString()!).ToArray());
        Assert.All(root.GetProperty("notCompared").EnumerateArray(), file => Assert.Equal("PowerShell", file.GetProperty("language").GetString()));

        // The verdict rests on the version, and says so; never on "no change".
        var reasons = root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.DoesNotContain(reasons, reason => reason.StartsWith("no public API, endpoint or contract change since", StringComparison.Ordinal));
        Assert.Contains(reasons, reason => reason.StartsWith("evidence incomplete: changed code that no reader compares since ", StringComparison.Ordinal)
            && reason.Contains("PowerShell: 2 files (tools/VenafiPS/Public/New-VcCertificate.ps1, tools/VenafiPS/Public/Remove-VcCertificate.ps1)", StringComparison.Ordinal)
            && reason.Contains("review these changes by hand", StringComparison.Ordinal));

        var text = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "powershell-only");
        Assert.Contains("  evidence:         INCOMPLETE, review these changes by hand: PowerShell: 2 files (", text.StandardOutput);
    }

    [Fact]
    public async Task A_csharp_only_change_is_complete_evidence()
    {
        var run = await DecideAsync(history.Repository.Path, "--program", "venafi", "--head", "body-only", "--json");

        var root = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.False(root.GetProperty("evidenceIncomplete").GetBoolean());
        Assert.Empty(root.GetProperty("notCompared").EnumerateArray());
        Assert.Equal("src/Venafi.Connector/VenafiClient.cs", Assert.Single(root.GetProperty("evidence").GetProperty("coverage").GetProperty("compared").EnumerateArray()).GetProperty("path").GetString());
    }

    internal static async Task<CertkitRun> DecideAsync(params string[] args)
    {
        var root = new RootCommand("certkit (test)") { DecideCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parseResult = root.Parse(["decide", "--repo", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);
        return new CertkitRun(Program.ExitCode(parseResult, exitCode), output.ToString(), error.ToString());
    }

    /// <summary>v1.4.2, then one branch per change: each commit sets the version it claims.</summary>
    public sealed class History : IDisposable
    {
        private const string Base = """
            namespace Venafi.Connector;

            /// <summary>Reads certificates from Venafi TLS Protect Cloud.</summary>
            public sealed class VenafiClient(HttpClient http)
            {
                private static readonly Uri Api = new(Environment.GetEnvironmentVariable("VENAFI_BASE_URL")!);

                public Task<string> ListCertificatesAsync(int limit = 10) => http.GetStringAsync(new Uri(Api, $"outagedetection/v1/certificates?limit={Clamp(limit)}"));

                public Task RevokeAsync(string id) => http.DeleteAsync(new Uri(Api, $"outagedetection/v1/certificates/{id}"));

                private static int Clamp(int limit) => Math.Min(limit, 100);
            }
            """;

        public History()
        {
            Repository = TestRepository.Create();
            Project("1.4.2").Write(Client, Base).Commit();
            Repository.Tag("v1.4.2");

            Change("add-feature", "1.4.3", Base.Replace(
                "    private static int Clamp",
                "    public Task RequestCertificateAsync(string csr) =>\n        http.PostAsync(new Uri(Api, \"outagedetection/v1/certificaterequests\"), new StringContent(csr));\n\n    private static int Clamp",
                StringComparison.Ordinal).Replace("/// <summary>Reads certificates from Venafi TLS Protect Cloud.</summary>\n", string.Empty, StringComparison.Ordinal));
            Change("body-only", "1.4.3", Base.Replace("Math.Min(limit, 100)", "Math.Clamp(limit, 1, 100)", StringComparison.Ordinal));
            Change("remove-method", "1.5.0", Base.Replace("    public Task RevokeAsync(string id) => http.DeleteAsync(new Uri(Api, $\"outagedetection/v1/certificates/{id}\"));\n\n", string.Empty, StringComparison.Ordinal)
                .Replace("private static readonly Uri Api", "// Revoke moved to the admin client.\n    private static readonly Uri Api", StringComparison.Ordinal));
            Change("optional-required", "1.5.0", Base.Replace("int limit = 10", "int limit", StringComparison.Ordinal));
            Change("rename-private", "1.4.3", Base.Replace("Clamp", "Bounded", StringComparison.Ordinal));

            // A patch whose only code change is PowerShell: two new REST calls no evidence reader compares.
            Repository.Git("checkout", "--quiet", "-b", "powershell-only", "v1.4.2");
            Project("1.4.3")
                .Write("tools/VenafiPS/Public/New-VcCertificate.ps1", "function New-VcCertificate {\n    param([string]$Csr)\n    Invoke-RestMethod -Method Post -Uri \"$env:VENAFI_BASE_URL/outagedetection/v1/certificaterequests\" -Body $Csr\n}\n")
                .Write("tools/VenafiPS/Public/Remove-VcCertificate.ps1", "function Remove-VcCertificate {\n    param([string]$Id)\n    Invoke-RestMethod -Method Delete -Uri \"$env:VENAFI_BASE_URL/outagedetection/v1/certificates/$Id\"\n}\n")
                .Write("tools/VenafiPS/Tests/New-VcCertificate.Tests.ps1", "Describe 'New-VcCertificate' { It 'posts' { $true | Should -BeTrue } }\n")
                .Commit();
            Repository.Checkout("main");
        }

        public TestRepository Repository { get; }

        private TestRepository Project(string version) => Repository.Write("src/Venafi.Connector/Venafi.Connector.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <Version>{version}</Version>
              </PropertyGroup>
            </Project>
            """);

        private void Change(string branch, string version, string client)
        {
            Repository.Git("checkout", "--quiet", "-b", branch, "v1.4.2");
            Project(version).Write(Client, client).Commit();
            Repository.Checkout("main");
        }

        public void Dispose() => Repository.Dispose();
    }
}
