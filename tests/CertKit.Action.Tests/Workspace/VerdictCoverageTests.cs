using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Workspace;

/// <summary>
/// A verdict never claims more than the analysis saw: checks whose rules cannot read the repository's language are
/// manual with the reason, tests are read for secrets by content, and vendored, generated and fixture files are not the
/// integration's code. Each test runs <c>certkit check --json</c> on a repository built on disk.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class VerdictCoverageTests
{
    [Fact]
    public void A_typescript_only_repository_is_read_by_the_js_ts_rules_and_only_ck3003_is_a_gap()
    {
        using var repository = TempRepository.Create();
        repository.Write("package.json", "{ \"name\": \"adobe-sign-connector\", \"version\": \"1.0.0\" }\n");
        repository.Write("src/client.ts", "import https from 'node:https';\n\nexport const agent = new https.Agent({ keepAlive: true });\n");
        repository.Write("src/tokens.ts", "export function store(token: string): void {\n  globalThis.localStorage?.setItem('access_token', token);\n}\n");

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        // CK2001 and CK4001 read TypeScript through the JS/TS reader: the token in web storage fails, the agent passes.
        Assert.Equal("failed", run.Status("token-encryption"));
        Assert.Contains(run.Evidence("token-encryption"), line => line.StartsWith("src/tokens.ts:2: CK2001", StringComparison.Ordinal));
        Assert.Equal("passed", run.Status("tls"));
        Assert.Equal("passed", run.Status("app-secret"));

        // CK3003 looks for .NET debug features (developer exception page, PII logging switches): nothing in TypeScript to miss.
        Assert.Empty(run.Report.GetProperty("coverage").GetProperty("gaps").EnumerateArray());
    }

    [Fact]
    public void A_python_only_repository_gets_manual_token_encryption_and_tls_with_the_reason()
    {
        using var repository = TempRepository.Create();
        repository.Write("adobe_sign/client.py", "import requests\n\nSESSION = requests.Session()\n");
        repository.Write("adobe_sign/tokens.py", "def store(token):\n    open('token.txt', 'w').write(token)\n");

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Equal("manual", run.Status("token-encryption"));
        Assert.Equal("manual", run.Status("tls"));
        Assert.Equal("not analysed: CK2001 does not analyse Python (2 shipped files, e.g. adobe_sign/client.py)", run.Evidence("token-encryption")[0]);
        Assert.Equal("not analysed: CK4001 does not analyse Python (2 shipped files, e.g. adobe_sign/client.py)", run.Evidence("tls")[0]);

        // The rules that do read Python (the text engine's) pass on what they saw.
        Assert.Equal("passed", run.Status("app-secret"));
        var gaps = run.Report.GetProperty("coverage").GetProperty("gaps").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("CK2001, CK3001, CK3002, CK3003, CK4001 do not analyse Python (2 shipped files, e.g. adobe_sign/client.py)", gaps);
    }

    [Fact]
    public void A_node_service_logging_in_shipped_code_is_never_a_vacuous_pass_of_production_code()
    {
        using var repository = TempRepository.Create();
        repository.Write("connect.yaml", "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /service\n");
        repository.Write("service/package.json", "{ \"name\": \"service\", \"version\": \"1.0.0\", \"scripts\": { \"start\": \"node src/index.js\" } }\n");
        repository.Write("service/src/index.js", "export function handle(payment) {\n  console.log(payment.cardLast4);\n  return payment.id;\n}\n");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("failed", run.Status("production-code"));
        var evidence = run.Evidence("production-code");
        Assert.Contains(evidence, line => line.StartsWith("service/src/index.js:2: CK3001", StringComparison.Ordinal));
        Assert.Contains(evidence, line => line.StartsWith("service/src/index.js:2: CK3002", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_project_holding_a_provider_token_and_a_client_secret_fails_app_secret_with_their_locations()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Connector/Connector.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repository.Write("src/Connector/Client.cs", "namespace Connector;\n\npublic static class Client\n{\n    public static string Name => \"connector\";\n}\n");
        repository.Write("tests/Connector.Tests/Connector.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n</Project>\n");
        repository.Write("tests/Connector.Tests/ClientTests.cs", """
            namespace Connector.Tests;

            public class ClientTests
            {
                private const string GitHubToken = "ghp_R4nd0mT0k3nV4lu3Th4tL00ksR34l0000000";
                private const string ClientSecret = "p8Vq2LxN7rTz4mKs9dHw3cBy6fJg1eUa";
                private const string ExpectedPassword = "hunter2";
            }
            """);

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Equal("failed", run.Status("app-secret"));
        var evidence = run.Evidence("app-secret");
        Assert.Contains(evidence, line => line.StartsWith("tests/Connector.Tests/ClientTests.cs:5: CK1003", StringComparison.Ordinal));
        Assert.Contains(evidence, line => line.StartsWith("tests/Connector.Tests/ClientTests.cs:6: CK1003", StringComparison.Ordinal));

        // Name-based CK1002 stays off in tests: "hunter2" is a fixture's expected value.
        Assert.DoesNotContain(evidence, line => line.Contains(":7:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_fixtures_give_no_ck1002_and_vendored_packages_are_not_analysed_but_listed()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Server/Seeds/fixtures/users.json", "[\n  { \"email\": \"admin@example.com\", \"password\": \"Admin123!\", \"apiKey\": \"seed-key\" }\n]\n");
        repository.Write("packages/Vendor.Sdk.1.2.3/lib/net45/Vendor.Sdk.xml", "<doc><summary>See https://api.vendor-sdk.io/v1 and password=\"Vendor123\"</summary></doc>\n");
        repository.Write("src/Server/app.js", "export const port = 8080;\n");

        var run = await ScanHarness.RunAsync(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty, repository.Root);

        Assert.Contains("Findings (0):", run.Output);
        Assert.Contains("  packages/: vendored (NuGet packages/ folder): not analysed (--files vendored=all to analyse)", run.Output);
        Assert.Contains("  fixture: 1 file(s), secrets only (CK1003)", run.Output);

        var json = await ScanHarness.RunAsync(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty, repository.Root, "--json");
        Assert.Empty(json.Findings);
        var kinds = json.Json.GetProperty("coverage").GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("treatment").GetString()!);
        Assert.Equal("secrets only (CK1003)", kinds["fixture"]);
        Assert.Equal("not analysed", kinds["vendored"]);
    }

    [Fact]
    public void A_powershell_module_with_pester_tests_passes_tests_and_its_unread_calls_keep_the_inventory_manual()
    {
        using var repository = TempRepository.Create();
        repository.Write("README.md", "# VenafiPS\n\n## Install\n\nInstall-Module VenafiPS\n");
        repository.Write("VenafiPS/Public/Get-VcCertificate.ps1", "function Get-VcCertificate {\n    Invoke-RestMethod -Method Get -Uri \"$env:VC_URL/outagedetection/v1/certificates\"\n}\n");
        repository.Write("Tests/Get-VcCertificate.Tests.ps1", "Describe 'Get-VcCertificate' { It 'gets' { Get-VcCertificate | Should -Not -BeNullOrEmpty } }\n");
        repository.Write("tools/sync.go", "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://api.venafi.cloud/v1/useraccounts\") }\n");

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal("passed", run.Status("tests"));
        Assert.Equal("1 PowerShell test file(s) (Pester): Tests/Get-VcCertificate.Tests.ps1", Assert.Single(run.Evidence("tests")));
        Assert.NotEqual("passed", run.Status("endpoint-inventory"));
        Assert.Contains("not read: Go, 1 shipped file(s) (e.g. tools/sync.go); document their calls by hand", run.Evidence("endpoint-inventory").Concat(run.Report.GetProperty("checks").EnumerateArray()
            .Single(check => check.GetProperty("id").GetString() == "endpoint-inventory").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)));
    }
}
