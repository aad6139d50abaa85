using CertKit.Action.Decision;
using CertKit.Action.Evidence;
using CertKit.Action.Programs.Venafi;
using CertKit.Action.Tests.Git;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Decision;

/// <summary>
/// The certified baseline on a real history: v1.0.0 certified, v1.1.0 (a new endpoint) never certified, v1.1.1 a body-only
/// fix. Judged against the certified version, the fix needs re-certification; judged against the previous release, it does not.
/// </summary>
public sealed class CertifiedBaselineTests : IDisposable
{
    internal const string Client = "src/VenafiConnector/VenafiClient.cs";

    internal const string V100 = """
        namespace VenafiConnector;

        public sealed class VenafiClient(HttpClient http)
        {
            public Task<string> ListAsync(int limit) => http.GetStringAsync($"outagedetection/v1/certificates?limit={limit}");
        }
        """;

    internal static readonly string V110 = V100.Replace(
        "limit}\");\n",
        "limit}\");\n\n    public Task RetireAsync(string id) => http.PostAsync(\"outagedetection/v1/certificates/retirement\", null);\n",
        StringComparison.Ordinal);

    internal static readonly string V111 = V110.Replace("?limit={limit}", "?limit={Math.Max(1, limit)}", StringComparison.Ordinal);

    private readonly TestRepository repository = TestRepository.Create();

    public CertifiedBaselineTests() => Build(repository);

    public void Dispose() => repository.Dispose();

    /// <summary>Three tagged releases, each its own commit, on main.</summary>
    internal static void Build(TestRepository git)
    {
        foreach (var (version, code) in new[] { ("1.0.0", V100), ("1.1.0", V110), ("1.1.1", V111) })
        {
            git.Write("src/VenafiConnector/VenafiConnector.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Version>{version}</Version>
                  </PropertyGroup>
                </Project>
                """).Write(Client, code);
            git.Commit($"Venafi connector {version}");
            git.Tag($"v{version}");
        }
    }

    [Fact]
    public void A_fix_after_an_uncertified_feature_release_is_judged_against_the_certified_version()
    {
        var decision = Decide("1.0.0", "issue #1, closed 2026-05-02");

        Assert.True(decision.RecertificationRequired);
        Assert.Equal("1.0.0", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal(BumpKind.Minor, decision.Bump);
        Assert.True(decision.Certified!.Used);
        Assert.Equal("1.0.0", VersionText.Format(decision.Certified.Version!));
        var items = EvidenceItems.From(decision.Evidence!);
        Assert.Equal($"{items.Count} change(s) since certification of 1.0.0 (tag v1.0.0; issue #1, closed 2026-05-02): judged against the certified version, not the previous release", decision.Reasons[0]);
        Assert.Contains(items, item => item.Description == "POST /outagedetection/v1/certificates/retirement" && item.File == Client);
        Assert.StartsWith("minor bump 1.0.0 -> 1.1.1 requires re-certification", decision.Reasons[1]);
    }

    [Fact]
    public void Without_a_certified_version_it_is_todays_verdict_against_the_previous_release_and_says_so()
    {
        var decision = Decide(null, null);

        Assert.False(decision.RecertificationRequired);
        Assert.Equal("1.1.0", VersionText.Format(decision.PreviousVersion!));
        Assert.False(decision.Certified!.Used);
        Assert.Equal("no certified version known: judged against the previous version 1.1.0 (tag v1.1.0)", decision.Certified.Statement);
        Assert.StartsWith("patch bump 1.1.0 -> 1.1.1 does not require re-certification", decision.Reasons[0]);
        Assert.Contains("\"baseline\":\"no certified version known: judged against the previous version 1.1.0 (tag v1.1.0)\"", DecisionJson.Render(decision));
    }

    [Fact]
    public void A_certified_version_without_a_tag_is_named_and_not_used()
    {
        var decision = Decide("1.0.5", "--certified-version");

        Assert.False(decision.Certified!.Used);
        Assert.Equal("certified version 1.0.5 (--certified-version) not used (no release tag of it (v{version} or {version}) is reachable from v1.1.1): judged against the previous version 1.1.0 (tag v1.1.0)", decision.Reasons[0]);
        Assert.Equal("1.1.0", VersionText.Format(decision.PreviousVersion!));
    }

    [Fact]
    public void Decide_reads_certified_from_certkit_yml_and_the_option_wins()
    {
        repository.Write("certkit.yml", "certified: 1.0.0\n");

        var fromFile = CertKit.Action.Tests.Cli.CertkitProcess.Run(repository.Path, "decide", "--program", "cyberark", "--head", "v1.1.1", "--evidence", "none", "--json");
        var fromOption = CertKit.Action.Tests.Cli.CertkitProcess.Run(repository.Path, "decide", "--program", "venafi", "--head", "v1.1.1", "--evidence", "none", "--certified-version", "1.1.0", "--json");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Contains("\"certifiedVersion\":\"1.0.0\",\"certifiedSource\":\"certified: in certkit.yml\",\"certifiedBaseline\":true", fromFile.StandardOutput);
        Assert.Contains("\"recertificationRequired\":true", fromFile.StandardOutput);
        Assert.Contains("\"certifiedVersion\":\"1.1.0\",\"certifiedSource\":\"--certified-version\",\"certifiedBaseline\":true", fromOption.StandardOutput);
        Assert.Contains("\"recertificationRequired\":false", fromOption.StandardOutput);
    }

    private RecertificationDecision Decide(string? certified, string? source) => DecisionEngine.Decide(new DecisionRequest
    {
        Policy = new VenafiPolicy(),
        RepositoryPath = repository.Path,
        HeadRef = "v1.1.1",
        CertifiedVersion = certified,
        CertifiedSource = source,
        Evidence = EvidenceMode.All,
    });
}
