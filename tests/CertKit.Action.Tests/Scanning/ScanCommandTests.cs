using System.Collections.Immutable;
using System.Text;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Tests.Scanning;

[Collection(ScanCollection.Name)]
public sealed class ScanCommandTests
{
    private const string VenafiClient = """
        namespace Integration;

        public sealed class VenafiClient
        {
            private readonly HttpClient _http = new();

            public Task<string> ListCertificatesAsync(string apiKey)
            {
                _http.DefaultRequestHeaders.Add("tppl-api-key", apiKey);
                var note = "SCAN-MARKER";
                return _http.GetStringAsync("outagedetection/v1/certificates" + note.Length);
            }
        }
        """;

    [Fact]
    public async Task CSharpProjectIsLoadedWithMSBuildAndItsCodeAndConfigFilesAreAnalyzed()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/VenafiClient.cs", VenafiClient);
        repo.Write("src/Integration/appsettings.json", "{\n  \"Venafi\": {\n    \"Note\": \"SCAN-MARKER\"\n  }\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                (TestAnalyzers.SourceRuleId, "src/Integration/VenafiClient.cs", 10, 20),
                (TestAnalyzers.TextFileRuleId, "src/Integration/appsettings.json", 3, 14),
            ],
            OnlyTestRules(run));
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray(), p => p.GetProperty("path").GetString() == "src/Integration/Integration.csproj");
        Assert.Equal("msbuild", project.GetProperty("mode").GetString());
        Assert.Equal(1, project.GetProperty("sourceFiles").GetInt32());
    }

    [Fact]
    public async Task ProjectEditorConfigSetsSeverityAndTurnsRulesOff()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/VenafiClient.cs", VenafiClient);
        repo.Write("src/Integration/appsettings.json", "{ \"Note\": \"SCAN-MARKER\" }\n");
        repo.Write("tools/sync.js", "const note = 'SCAN-MARKER';\n");
        repo.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CKT901.severity = error\n\n[*.json]\ndotnet_diagnostic.CKT902.severity = none\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "error");

        Assert.Equal(1, run.ExitCode);
        var findings = run.Json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString()!.StartsWith("CKT", StringComparison.Ordinal)).ToList();
        Assert.Equal(["src/Integration/VenafiClient.cs:error", "tools/sync.js:warning"], findings.Select(f => f.GetProperty("path").GetString() + ":" + f.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task EditorConfigOptionsReachTheAnalyzersInProjectsAndOutsideThem()
    {
        using var repo = TempRepository.Create();
        repo.Write("src/Integration/Integration.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Integration/appsettings.json", "{ \"a\": \"SCAN-MARKER\", \"b\": \"OTHER-MARKER\" }\n");
        repo.Write("src/Integration/Names.cs", "static class Names { const string A = \"SCAN-MARKER\", B = \"OTHER-MARKER\"; }\n");
        repo.Write("connect/connect.yaml", "a: SCAN-MARKER\nb: OTHER-MARKER\n");
        repo.Write(".editorconfig", "root = true\n\n[*.{cs,json,yaml}]\ncertkit.test_marker = OTHER-MARKER\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal(
            [
                (TestAnalyzers.TextFileRuleId, "connect/connect.yaml", 2, 4),
                (TestAnalyzers.SourceRuleId, "src/Integration/Names.cs", 1, 58),
                (TestAnalyzers.TextFileRuleId, "src/Integration/appsettings.json", 1, 29),
            ],
            OnlyTestRules(run));
    }

    [Fact]
    public async Task NodeOnlyConnectAppIsScannedThroughAnAdHocCompilation()
    {
        using var repo = TempRepository.Create();
        repo.Write("connect.yaml", "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /service\n    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: SCAN-MARKER region\n");
        repo.Write("service/src/index.ts", "import express from 'express';\nconst app = express();\n// SCAN-MARKER\napp.listen(8080);\n");
        repo.Write("service/.env.example", "CTP_CLIENT_ID=\nCTP_CLIENT_SECRET=\n");
        repo.Write("service/package.json", "{ \"name\": \"service\", \"version\": \"1.0.0\" }\n");
        repo.Write("service/node_modules/express/index.js", "module.exports = 'SCAN-MARKER';\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([(TestAnalyzers.TextFileRuleId, "connect.yaml", 8, 24), (TestAnalyzers.TextFileRuleId, "service/src/index.ts", 3, 4)], OnlyTestRules(run));
        Assert.Equal("dependency, build output or git folder (always skipped)", run.Skipped["service/node_modules/"]);
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray());
        Assert.Equal("no-project", project.GetProperty("mode").GetString());
        Assert.Equal(4, project.GetProperty("additionalFiles").GetInt32());
        Assert.Equal(4, run.Json.GetProperty("filesAnalyzed").GetInt32());
    }

    [Fact]
    public async Task GitIgnoredFilesAreNotScannedButUntrackedOnesAre()
    {
        using var repo = TempRepository.Create();
        repo.Write(".gitignore", "secrets.local.json\ndist/\n");
        repo.Write("secrets.local.json", "{ \"a\": \"SCAN-MARKER\" }\n");
        repo.Write("dist/bundle.js", "var a = 'SCAN-MARKER';\n");
        repo.Write("tracked.yaml", "a: SCAN-MARKER\n");
        repo.Commit();
        repo.Write("untracked.env", "A=SCAN-MARKER\n");

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal([(TestAnalyzers.TextFileRuleId, "tracked.yaml", 1, 4), (TestAnalyzers.TextFileRuleId, "untracked.env", 1, 3)], OnlyTestRules(run));
    }

    [Fact]
    public async Task BadFilesAreSkippedOrReadWithAFallbackAndTheScanCompletes()
    {
        using var repo = TempRepository.Create();
        repo.WriteBytes("assets/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D, (byte)'S', (byte)'C', (byte)'A', (byte)'N']);
        repo.Write("data/huge.json", "{ \"a\": \"SCAN-MARKER\" }\n" + new string(' ', 3 * 1024 * 1024));
        repo.WriteBytes("config/legacy.properties", Encoding.Latin1.GetBytes("name=Caf\u00e9 SCAN-MARKER\n"));
        repo.Write("config/ok.yaml", "a: 1\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "config", "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "config", "loop-b"), "loop-a");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "config", "self"), ".");
        repo.Write("gone.yaml", "a: 1\n");
        repo.Commit();
        File.Delete(Path.Combine(repo.Root, "gone.yaml")); // tracked, but no longer readable

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([(TestAnalyzers.TextFileRuleId, "config/legacy.properties", 1, 11)], OnlyTestRules(run));
        var skipped = run.Skipped;
        Assert.Equal("binary (NUL byte in the first 8 KB)", skipped["assets/logo.png"]);
        Assert.Equal("larger than the size limit (3 MB > 2 MB)", skipped["data/huge.json"]);
        Assert.Equal("symbolic link loop (not followed)", skipped["config/loop-a"]);
        Assert.Equal("symbolic link loop (not followed)", skipped["config/loop-b"]);
        Assert.Equal("symbolic link to a folder (not followed)", skipped["config/self"]);
        Assert.StartsWith("unreadable: ", skipped["gone.yaml"]);
        var note = Assert.Single(run.Json.GetProperty("notes").EnumerateArray());
        Assert.Equal("config/legacy.properties", note.GetProperty("path").GetString());
        Assert.Equal("not valid UTF-8: read as Latin-1", note.GetProperty("note").GetString());
    }

    [Fact]
    public async Task MaxFileSizeOptionRaisesTheLimit()
    {
        using var repo = TempRepository.Create();
        repo.Write("data/big.json", "{ \"a\": \"SCAN-MARKER\" }\n" + new string(' ', 3 * 1024 * 1024));
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--max-file-size", "4MB");

        Assert.Equal([(TestAnalyzers.TextFileRuleId, "data/big.json", 1, 9)], OnlyTestRules(run));
        Assert.Empty(run.Skipped);
    }

    [Fact]
    public async Task FolderOutsideGitIsWalkedSkippingDependencyAndBuildFolders()
    {
        using var repo = TempRepository.Create(git: false);
        repo.Write("app/settings.yaml", "a: SCAN-MARKER\n");
        repo.Write("app/bin/Debug/out.json", "{ \"a\": \"SCAN-MARKER\" }\n");
        repo.Write("app/obj/x.json", "{ \"a\": \"SCAN-MARKER\" }\n");
        repo.Write("node_modules/lib/index.js", "'SCAN-MARKER'\n");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "app", "up"), "..");

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal([(TestAnalyzers.TextFileRuleId, "app/settings.yaml", 1, 4)], OnlyTestRules(run));
        Assert.Equal(["app/bin/", "app/obj/", "app/up", "node_modules/"], run.Skipped.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BaseReportsOnlyFindingsOnChangedLinesAndInUntrackedFiles()
    {
        using var repo = TempRepository.Create();
        repo.Write("config/app.yaml", "first: SCAN-MARKER\nsecond: 2\nthird: 3\n");
        repo.Write("config/other.yaml", "old: SCAN-MARKER\n");
        repo.Commit("base");
        var baseCommit = repo.Git("rev-parse", "HEAD").Trim();
        repo.Write("config/app.yaml", "first: SCAN-MARKER\nsecond: 2\nadded: SCAN-MARKER\nthird: 3\n");
        repo.Commit("change");
        repo.Write("config/new.yaml", "fresh: SCAN-MARKER\n");

        var all = await ScanHarness.RunAsync(repo.Root, "--json");
        var changed = await ScanHarness.RunAsync(repo.Root, "--json", "--base", baseCommit);

        Assert.Equal(4, OnlyTestRules(all).Count);
        Assert.Equal([(TestAnalyzers.TextFileRuleId, "config/app.yaml", 3, 8), (TestAnalyzers.TextFileRuleId, "config/new.yaml", 1, 8)], OnlyTestRules(changed));
        Assert.Equal(baseCommit, changed.Json.GetProperty("base").GetString());
    }

    [Fact]
    public async Task UnknownBaseRefIsAOneLineUserError()
    {
        using var repo = TempRepository.Create();
        repo.Write("a.yaml", "a: 1\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--base", "no-such-branch");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("certkit scan: --base: 'no-such-branch' is not a commit in this repository", run.Error.Trim());
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("warning", 1)]
    [InlineData("error", 0)]
    public async Task FailOnDecidesTheExitCodeForWarnings(string failOn, int expected)
    {
        using var repo = TempRepository.Create();
        repo.Write("a.yaml", "a: SCAN-MARKER\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--fail-on", failOn);

        Assert.Equal(expected, run.ExitCode);
        Assert.Contains("a.yaml:1:4: warning CKT902: Line contains the scan marker", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailOnErrorFailsOnAFindingConfiguredAsError()
    {
        using var repo = TempRepository.Create();
        repo.Write("a.yaml", "a: SCAN-MARKER\n");
        repo.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.CKT902.severity = error\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--fail-on", "error");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a.yaml:1:4: error CKT902", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanRepositoryExitsWithZeroEvenWithFailOnWarning()
    {
        using var repo = TempRepository.Create();
        repo.Write("a.yaml", "a: 1\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--fail-on", "warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 findings (0 errors, 0 warnings, 0 notes); 0 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncludeAndExcludeGlobsSelectFilesRelativeToTheScannedFolder()
    {
        using var repo = TempRepository.Create();
        repo.Write("config/a.yaml", "a: SCAN-MARKER\n");
        repo.Write("config/generated/b.yaml", "b: SCAN-MARKER\n");
        repo.Write("src/c.js", "'SCAN-MARKER'\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--include", "config/**/*.yaml", "--exclude", "**/generated/**");

        Assert.Equal([(TestAnalyzers.TextFileRuleId, "config/a.yaml", 1, 4)], OnlyTestRules(run));
    }

    [Fact]
    public async Task ScanningASubfolderReportsPathsFromTheRepositoryRoot()
    {
        using var repo = TempRepository.Create();
        repo.Write("services/payments/config.yaml", "a: SCAN-MARKER\n");
        repo.Write("services/other/config.yaml", "a: SCAN-MARKER\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(Path.Combine(repo.Root, "services", "payments"), "--json");

        Assert.Equal([(TestAnalyzers.TextFileRuleId, "services/payments/config.yaml", 1, 4)], OnlyTestRules(run));
        Assert.Equal("services/payments", run.Json.GetProperty("scannedDirectory").GetString());
    }

    [Fact]
    public async Task SeveralProjectsAreEachAnalysedOnceInOrderWithABrokenOneFallingBack()
    {
        // A broken project in the middle falls back without disturbing its neighbours; each project is reported once.
        using var repo = TempRepository.Create();
        repo.Write("src/Alpha/Alpha.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Alpha/A.cs", "public static class A\n{\n    public const string Note = \"SCAN-MARKER\";\n}\n");
        repo.Write("src/Beta/Beta.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n");
        repo.Write("src/Beta/B.cs", "public static class B\n{\n    public const string Note = \"SCAN-MARKER\";\n}\n");
        repo.Write("src/Gamma/Gamma.csproj", TempRepository.ClassLibraryProject);
        repo.Write("src/Gamma/C.cs", "public static class C\n{\n    public const string Note = \"SCAN-MARKER\";\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(
            [
                (TestAnalyzers.SourceRuleId, "src/Alpha/A.cs", 3, 32),
                (TestAnalyzers.SourceRuleId, "src/Beta/B.cs", 3, 32),
                (TestAnalyzers.SourceRuleId, "src/Gamma/C.cs", 3, 32),
            ],
            OnlyTestRules(run));
        var projects = run.Json.GetProperty("projects").EnumerateArray()
            .Select(p => (p.GetProperty("path").GetString(), p.GetProperty("mode").GetString(), p.GetProperty("sourceFiles").GetInt32()))
            .ToList();
        Assert.Equal(
            [
                ("src/Alpha/Alpha.csproj", "msbuild", 1),
                ("src/Beta/Beta.csproj", "fallback", 1),
                ("src/Gamma/Gamma.csproj", "msbuild", 1),
            ],
            projects);
    }

    [Fact]
    public async Task ProjectThatCannotBeLoadedFallsBackToAnAdHocCompilation()
    {
        using var repo = TempRepository.Create();
        repo.Write("legacy/Legacy.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n");
        repo.Write("legacy/Client.cs", "public static class Client\n{\n    public const string Note = \"SCAN-MARKER\";\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json");

        Assert.Equal([(TestAnalyzers.SourceRuleId, "legacy/Client.cs", 3, 32)], OnlyTestRules(run));
        var project = Assert.Single(run.Json.GetProperty("projects").EnumerateArray());
        Assert.Equal("fallback", project.GetProperty("mode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(project.GetProperty("reason").GetString()));
        Assert.Equal(1, project.GetProperty("sourceFiles").GetInt32());
    }

    [Fact]
    public async Task AnalyzerThatThrowsIsReportedAndTheScanCompletes()
    {
        using var repo = TempRepository.Create();
        repo.Write("Tool.cs", "static class Tool { const string A = \"SCAN-MARKER\"; }\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync([new ThrowingAnalyzer(), new SourceMarkerAnalyzer()], repo.Root, "--json");

        Assert.Equal([(TestAnalyzers.SourceRuleId, "Tool.cs", 1, 38)], OnlyTestRules(run));
        var failure = Assert.Single(run.Json.GetProperty("analyzerFailures").EnumerateArray());
        Assert.Contains("boom", failure.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryGitRefusesToReadIsAUserErrorNotASilentWalk()
    {
        using var repo = TempRepository.Create();
        repo.Write("a.yaml", "a: SCAN-MARKER\n");
        // Owned by another user, as a checkout mounted into a container often is (this machine runs as root).
        using (var chown = System.Diagnostics.Process.Start("chown", ["-R", "65534", repo.Root]))
        {
            Assert.True(chown.WaitForExit(30_000));
            Assert.Equal(0, chown.ExitCode);
        }

        var run = await ScanHarness.RunAsync(repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit scan: git refuses to read '{repo.Root}' (owned by another user); trust it with: git config --global --add safe.directory '{repo.Root}'", run.Error.Trim());
    }

    [Fact]
    public async Task MissingFolderIsAOneLineUserError()
    {
        var run = await ScanHarness.RunAsync(Path.Combine(Path.GetTempPath(), "certkit-no-such-folder-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("certkit scan: the folder to scan '", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("' does not exist", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--fail-on", "sometimes")]
    [InlineData("--no-such-option")]
    [InlineData("--max-file-size", "big")]
    public async Task BadUsageExitsWithTwo(params string[] args)
    {
        var run = await ScanHarness.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task ProgramMainRunsTheShippedScanAndMapsBadUsageToTwo()
    {
        using var repo = TempRepository.Create();
        repo.Write("package.json", "{ \"name\": \"connector\" }\n");
        repo.Commit();
        var sarif = Path.Combine(repo.Root, "out", "certkit.sarif");
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(new StringWriter());

            Assert.Equal(0, await Program.Main(["scan", repo.Root, "--sarif", sarif]));
            Assert.Equal(2, await Program.Main(["scan", repo.Root, "--fail-on", "maybe"]));
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        Assert.Contains("1 files analysed", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(sarif));
    }

    private static List<(string RuleId, string Path, int Line, int Column)> OnlyTestRules(ScanRun run) =>
        run.Findings.Where(f => f.RuleId.StartsWith("CKT", StringComparison.Ordinal)).ToList();
}
