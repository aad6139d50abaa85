using CertKit.Analyzers;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Rules;

/// <summary>CK1001–CK1003 in config files passed as AdditionalFiles, reported at the file's own line.</summary>
public class HardcodedValuesInFilesTests
{
    private const string Code = "class Startup { }";

    [Fact]
    public async Task Appsettings_with_a_client_secret_and_a_production_url()
    {
        var test = CreateTest(("/src/appsettings.json", """
            {
              "AdobeSign": {
                "BaseUrl": "{|CK1001:https://api.na1.adobesign.com/api/rest/v6|}",
                "ClientId": "CBJCHBCAABAAx7t3",
                "ClientSecret": "{|CK1002:q8Fz2LmR7vXc9PwT|}"
              },
              "Logging": { "LogLevel": { "Default": "Information" } }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Connect_yaml_and_env_files()
    {
        var test = CreateTest(
            ("/connect.yaml", """
                deployAs:
                  - name: service
                    configuration:
                      standardConfiguration:
                        - key: CTP_API_URL
                          default: {|CK1001:https://api.europe-west1.gcp.commercetools.com|}
                      securedConfiguration:
                        - key: CTP_CLIENT_SECRET
                          description: commercetools client secret
                """),
            ("/.env", """
                CTP_PROJECT_KEY=contoso-shop
                CTP_CLIENT_SECRET={|CK1002:Zk3v9TqLw2Xp8RmN|}
                CTP_API_URL=http://localhost:8080
                """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Placeholders_and_references_are_not_flagged()
    {
        var test = CreateTest(
            ("/appsettings.Production.json", """
                {
                  "Venafi": { "BaseUrl": "${VENAFI_BASE_URL}", "ApiKey": "<your-api-key>" },
                  "$schema": "https://json.schemastore.org/appsettings.json"
                }
                """),
            ("/.env.example", "VENAFI_API_KEY=YOUR_API_KEY_HERE\n"),
            ("/README.md", "ClientSecret: Zk3v9TqLw2Xp8RmN at https://api.venafi.cloud\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Allowed_hosts_apply_to_config_files()
    {
        var test = CreateTest(("/appsettings.json", "{ \"Venafi\": { \"BaseUrl\": \"https://api.venafi.cloud\" } }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ncertkit.allowed_hosts = api.venafi.cloud\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Test_projects_are_not_analysed()
    {
        var test = CreateTest(("/appsettings.json", "{ \"ClientSecret\": \"q8Fz2LmR7vXc9PwT\" }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_token_format_in_a_workflow_file()
    {
        var token = "ghp_" + "Q8fz2LmR7vXc9PwTk3v9TqLw2Xp8RmNa1b2C";
        var test = CreateTest(("/.github/workflows/release.yml", "env:\n  GH_TOKEN_FALLBACK: {|CK1003:" + token + "|}\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_powershell_module_is_read_as_code_and_its_comment_based_help_as_documentation()
    {
        var token = "ghp_" + "Q8fz2LmR7vXc9PwTk3v9TqLw2Xp8RmNa1b2C";
        var test = CreateTest(("/src/Connector/Connector.psm1", """
            <#
            .SYNOPSIS
            Creates a session
            .EXAMPLE
            New-Session -Server 'https://tpp.example-corp.com'
            .LINK
            https://docs.venafi.com/Docs/current/TopNav/Content/SDK/WebSDK/r-SDK-POST-Authorize.php
            #>
            function New-Session { param([string] $Server) }

            # the old default: $Server = 'https://tpp.example-corp.com'
            # a token left in a comment is still leaked: 
            $script:CloudUrls = @{ 'us' = '{|CK1001:https://api.venafi.cloud|}' }
            """.Replace("leaked: ", "leaked: {|CK1003:" + token + "|}", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task In_a_test_a_jwt_signed_with_a_shared_secret_is_test_data_and_one_signed_with_a_private_key_is_reported()
    {
        // Composed at run time so no token sits whole in the source.
        const string payload = "eyJzdWIiOiJ1cm46b2NmZjpjb21tZXJjZXRvb2xzIn0";
        var sharedSecret = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + payload + "." + "Zk3v9TqLw2Xp8RmNq8Fz2LmR7vXc9PwT";
        var privateKey = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9" + "." + payload + "." + "Q8fz2LmR7vXc9PwTk3v9TqLw2Xp8RmNa";
        var test = CreateTest(("/shared/tests/tokenUtils.test.ts", $"const minted = '{sharedSecret}';\nconst captured = '{{|CK1003:{privateKey}|}}';\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_url_in_a_configuration_file_is_supplied_per_deployment_and_one_in_code_is_read_from_configuration()
    {
        var test = CreateTest(
            ("/src/appsettings.Production.json", "{ \"Venafi\": { \"BaseUrl\": \"{|#0:https://api.venafi.cloud|}\" } }"),
            ("/src/Web.config", "<appSettings>\n  <add key=\"AdobeSignBaseUrl\" value=\"{|#1:https://api.echosign.com/api/rest/v6|}\" />\n</appSettings>"),
            ("/src/client.js", "const base = '{|#2:https://api.venafi.cloud|}';\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrlInConfiguration).WithLocation(0)
            .WithMessage("The URL 'https://api.venafi.cloud' is hardcoded in a configuration file; supply it per deployment (environment, secured configuration)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrlInConfiguration).WithLocation(1)
            .WithMessage("The URL 'https://api.echosign.com/api/rest/v6' is hardcoded in a configuration file; supply it per deployment (environment, secured configuration)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrl).WithLocation(2)
            .WithMessage("The URL 'https://api.venafi.cloud' is hardcoded; read it from configuration"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_setting_the_code_only_redirects_the_browser_to_is_a_page_for_a_person()
    {
        var test = new AnalyzerVerifier<HardcodedValuesInFilesAnalyzer>.Test
        {
            TestCode = """
                using System.Collections.Specialized;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                public static class ConfigurationManager
                {
                    public static NameValueCollection AppSettings { get; } = new NameValueCollection();
                }

                public sealed class PaytvController : Controller
                {
                    private static readonly HttpClient Http = new HttpClient();

                    public IActionResult Index()
                    {
                        string baseUrl = ConfigurationManager.AppSettings["PayTvBaseUrl"];
                        return Redirect(baseUrl);
                    }

                    public IActionResult Registered() => Redirect(ConfigurationManager.AppSettings["DefaultRegister"]);

                    public Task<string> Prices() => Http.GetStringAsync(ConfigurationManager.AppSettings["PriceListUrl"]);

                    public IActionResult Data()
                    {
                        var url = ConfigurationManager.AppSettings["DataBaseUrl"];
                        Audit(url);
                        return Redirect(url);
                    }

                    private static void Audit(string value) { }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/Site/Web.config", """
            <appSettings>
              <add key="PayTvBaseUrl" value="https://billpay-site.com/Paytv/" />
              <add key="DefaultRegister" value="https://billpay-site.com/Dashboard/" />
              <add key="PriceListUrl" value="{|#0:https://api.cabletv-gateway.com/v1/prices|}" />
              <add key="DataBaseUrl" value="{|#1:https://billpay-site.com/Data/|}" />
              <add key="NeverRead" value="{|#2:https://billpay-site.com/Unused/|}" />
            </appSettings>
            """));
        test.References = TestReferences.AspNetCore80;
        // Called, also read for something else, never read: an endpoint as far as the code shows.
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrlInConfiguration).WithLocation(0).WithArguments("https://api.cabletv-gateway.com/v1/prices"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrlInConfiguration).WithLocation(1).WithArguments("https://billpay-site.com/Data/"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedUrlInConfiguration).WithLocation(2).WithArguments("https://billpay-site.com/Unused/"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_written_config_does_not_throw()
    {
        var test = CreateTest(
            ("/appsettings.json", "{ \"ClientSecret\": \"unterminated\n  \"Url\": \"https://"),
            ("/connect.yaml", "key:\n- \n:\n"),
            ("/App.config", "<add key=\"ClientSecret\" value=\""));
        await test.RunAsync();
    }

    private static AnalyzerVerifier<HardcodedValuesInFilesAnalyzer>.Test CreateTest(params (string Path, string Content)[] files)
    {
        var test = new AnalyzerVerifier<HardcodedValuesInFilesAnalyzer>.Test { TestCode = Code };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Content));
        }

        return test;
    }
}
