using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Workspace;

/// <summary>
/// A committed folder of compiled assemblies (a site's <c>binnew/</c>): the documentation, configuration copy and symbols
/// the build wrote beside each assembly are build output, not the site's configuration; the site's own <c>Web.config</c>
/// is read, also when a stray assembly sits beside it. Runs <c>certkit scan --json</c> on a repository built on disk.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class AssemblyCompanionsTests
{
    private const string SiteConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="PaymentApiUrl" value="https://api.paygate.io/v1/charges" />
          </appSettings>
        </configuration>
        """;

    [Fact]
    public async Task Files_a_build_wrote_beside_its_assemblies_are_build_output_and_the_sites_configuration_is_read()
    {
        using var repo = TempRepository.Create();
        repo.Write("Site/Web.config", SiteConfig);
        repo.WriteBytes("Site/Legacy.Interop.dll", [0x4D, 0x5A, 0x90, 0x00]);
        repo.WriteBytes("Site/binnew/Site.dll", [0x4D, 0x5A, 0x90, 0x00]);
        repo.Write("Site/binnew/Site.dll.config", SiteConfig);
        repo.WriteBytes("Site/binnew/Owin.Cookies.dll", [0x4D, 0x5A, 0x90, 0x00]);
        repo.Write("Site/binnew/Owin.Cookies.xml", "<doc><member name=\"P:Owin.Cookies.Options.LoginPath\"><summary>Redirects to https://login.owin-cookies.io/account/login when set.</summary></member></doc>\n");
        repo.Write("Site/binnew/Notes.xml", "<notes><add key=\"MirrorUrl\" value=\"https://mirror.paygate.io/v1\" /></notes>\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(
            [("CK1001", "Site/Web.config", 4), ("CK1001", "Site/binnew/Notes.xml", 1)],
            run.Findings.Where(f => f.RuleId.StartsWith("CK", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (f.RuleId, f.Path, f.Line)).ToList());
        var skipped = run.Skipped;
        Assert.Equal("generated (build output beside its assembly Site.dll): not analysed (--files generated=all to analyse)", skipped["Site/binnew/Site.dll.config"]);
        Assert.Equal("generated (build output beside its assembly Owin.Cookies.dll): not analysed (--files generated=all to analyse)", skipped["Site/binnew/Owin.Cookies.xml"]);
    }
}
