using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;

namespace CertKit.Analyzers.Tests.Rules;

using Verify = AnalyzerVerifier<CK1004HardcodedAdobeSignShardAnalyzer>;

public class CK1004HardcodedAdobeSignShardTests
{
    // An Adobe Sign partner app's client; each case adds members to it.
    private static string Client(string members) => $$"""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Partner.AdobeSign
        {
            public class AdobeSignClient
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly string _shard = "na1";

        {{members}}
            }
        }
        """;

    [Fact]
    public Task A_shard_host_in_a_base_address_is_flagged() => Verify.VerifyAsync(Client("""
                public Uri BaseAddress { get; } = new Uri("https://{|CK1004:api.na1.adobesign.com|}/api/rest/v6/");
        """));

    [Fact]
    public Task Echosign_and_other_regions_are_flagged() => Verify.VerifyAsync(Client("""
                private const string Authorize = "https://{|CK1004:secure.eu1.echosign.com|}/public/oauth/v2";
                private const string Australia = "{|CK1004:API.AU1.AdobeSign.com|}";
                public string Agreements(string id) => $"https://{|CK1004:api.jp1.adobesign.com|}/api/rest/v6/agreements/{id}";
        """));

    [Fact]
    public Task Sign_for_government_and_legacy_echosign_shards_are_flagged() => Verify.VerifyAsync(Client("""
                private const string Government = "https://{|CK1004:secure.na1.adobesign.us|}/api/rest/v6";
                private const string GovernmentApi = "{|CK1004:api.na1.adobesign.us|}";
                private const string Legacy = "https://{|CK1004:api.na2.echosign.com|}/api/rest/v5";
                private const string GovernmentEntry = "https://secure.adobesign.us/public/oauth/v2";
        """));

    [Fact]
    public Task Two_shards_in_one_literal_are_each_flagged() => Verify.VerifyAsync(Client("""
                private const string Fallbacks = "{|CK1004:api.na1.adobesign.com|},{|CK1004:api.na2.adobesign.com|}";
        """));

    [Fact]
    public Task Shard_less_entry_points_and_built_hosts_are_not_flagged() => Verify.VerifyAsync(Client("""
                private const string BaseUris = "https://api.echosign.com/api/rest/v6/baseUris";
                private const string OAuthStart = "https://secure.adobesign.com/public/oauth/v2";
                public string Built => $"https://api.{_shard}.adobesign.com/api/rest/v6";
                private const string NotAdobe = "https://api.na1.docusign.com/restapi";
                private const string Company = "https://api.na1.adobesign.company/";
                private const string Short = "na1.adobesign.com";
        """));

    [Fact]
    public async Task Shard_hosts_in_configuration_and_script_files_are_flagged()
    {
        var test = Verify.CreateTest("class Startup { }", editorConfig: null);
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """
            {
              "AdobeSign": { "ApiAccessPoint": "https://{|CK1004:api.na2.adobesign.com|}/" }
            }
            """));
        test.TestState.AdditionalFiles.Add(("/web/oauth.js", "const authorize = 'https://{|CK1004:secure.na1.echosign.com|}/public/oauth/v2';\n"));
        test.TestState.AdditionalFiles.Add(("/README.md", "Our account lives on https://api.na1.adobesign.com.\n"));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.Government.json", """
            { "AdobeSign": { "ApiAccessPoint": "https://{|CK1004:secure.na1.adobesign.us|}/api/rest/v6" } }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Test_projects_are_not_analysed()
    {
        var test = Verify.CreateTest(Client("""
                private const string Host = "api.na1.adobesign.com";
        """), editorConfig: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task Half_written_code_does_not_throw() => Verify.VerifyBrokenCodeAsync("""
        class C { string s = "https://{|CK1004:api.na1.adobesign.com|}
        string t = $"https://{host}.eu1.adobesign.com/{
        """);
}
