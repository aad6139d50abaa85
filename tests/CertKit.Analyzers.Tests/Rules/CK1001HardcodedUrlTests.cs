using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Rules;

using Verify = AnalyzerVerifier<CK1001HardcodedUrlAnalyzer>;

public class CK1001HardcodedUrlTests
{
    // A Venafi / commercetools / Adobe Sign integration class; each case adds members to it.
    internal static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Net.Http;
        using System.Threading.Tasks;
        using System.Xml.Linq;
        using Microsoft.Extensions.Configuration;

        namespace Partner.Integration
        {
            public class VenafiClient
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly IConfiguration _configuration;

                public VenafiClient(IConfiguration configuration) => _configuration = configuration;

        {{members}}
            }

            [AttributeUsage(AttributeTargets.All)]
            public sealed class EndpointAttribute : Attribute
            {
                public EndpointAttribute(string url) => Url = url;
                public string Url { get; }
            }

            [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
            public sealed class XmlnsDefinitionAttribute : Attribute
            {
                public XmlnsDefinitionAttribute(string xmlNamespace, string clrNamespace) { }
            }

            public sealed class VenafiOptions
            {
                public VenafiOptions(string baseUrl) => BaseUrl = baseUrl;
                public string BaseUrl { get; set; }
            }
        }
        """;

    public static TheoryData<string> Flagged() => new()
    {
        // constants and fields
        """        private const string BaseUrl = "{|CK1001:https://api.venafi.cloud|}";""",
        // the 2026 platforms: every region of CyberArk Certificate Manager SaaS, Palo Alto Networks' NGTS and its token host
        """        private const string EuBase = "{|CK1001:https://api.venafi.eu|}";""",
        """        private const string SgBase = "{|CK1001:https://api.sg.venafi.cloud|}";""",
        """        private const string NgtsBase = "{|CK1001:https://api.strata.paloaltonetworks.com/ngts|}";""",
        """        private const string NgtsToken = "{|CK1001:https://auth.apps.paloaltonetworks.com/oauth2/access_token|}";""",
        """        private static readonly string TokenUrl = "{|CK1001:https://auth.europe-west1.gcp.commercetools.com/oauth/token|}";""",
        """        private static readonly Uri AdobeSignBase = new Uri("{|CK1001:https://api.na1.adobesign.com/api/rest/v6|}");""",
        """        private readonly HttpClient _adobe = new HttpClient { BaseAddress = new Uri("{|CK1001:https://api.na1.adobesign.com/api/rest/v6/|}") };""",
        // expression-bodied members
        """        public string AuthUrl => "{|CK1001:https://auth.europe-west1.gcp.commercetools.com|}";""",
        """        public Uri ApiRoot() => new("{|CK1001:https://api.europe-west1.gcp.commercetools.com|}");""",
        // interpolated strings with a literal host
        """        public string CertificateUrl(string id) => $"{|CK1001:https://api.venafi.cloud/v1/certificates/|}{id}";""",
        """        public string Agreement(string id, string path) => $"{|CK1001:https://api.na1.adobesign.com|}{path}/{id}";""",
        // concatenations
        """        public string AgreementUrl(string id) => "{|CK1001:https://api.na1.adobesign.com/api/rest/v6/agreements/|}" + id;""",
        """        public string Outbox() => "{|CK1001:https://api.venafi.cloud|}" + "/v1/certificaterequests";""",
        // locals, calls, returns
        """        public Task<HttpResponseMessage> Requests() => _http.GetAsync("{|CK1001:https://api.venafi.cloud/v1/certificaterequests|}");""",
        """        public string Zones() { var url = "{|CK1001:https://api.venafi.cloud/v1/zones|}"; return url; }""",
        """        public string Revoke() { return "{|CK1001:https://api.venafi.cloud/v1/certificates/revocation|}"; }""",
        """        public bool Created() => Uri.TryCreate("{|CK1001:https://api.venafi.cloud/v1/certificates|}", UriKind.Absolute, out _);""",
        // switch statements and switch expressions
        """        public string Region(string url) { switch (url) { case "{|CK1001:https://api.venafi.eu|}": return "eu"; default: return "us"; } }""",
        """        public string Endpoint(string region) => region switch { "eu" => "{|CK1001:https://api.venafi.eu|}", _ => "{|CK1001:https://api.venafi.cloud|}" };""",
        // conditionals, fallbacks, comparisons
        """        public string Pick(bool eu) => eu ? "{|CK1001:https://api.venafi.eu|}" : "{|CK1001:https://api.venafi.cloud|}";""",
        """        public string Fallback() => _configuration["Venafi:BaseUrl"] ?? "{|CK1001:https://api.venafi.cloud|}";""",
        """        public bool IsProduction(string url) => url == "{|CK1001:https://api.venafi.cloud|}";""",
        // parameters, arguments, initialisers
        """        public void Configure(string baseUrl = "{|CK1001:https://api.venafi.cloud|}") { }""",
        """        public VenafiOptions Options() => new VenafiOptions(baseUrl: "{|CK1001:https://api.venafi.cloud|}");""",
        """        public Dictionary<string, string> Regions() => new() { ["us"] = "{|CK1001:https://api.venafi.cloud|}", ["eu"] = "{|CK1001:https://api.venafi.eu|}" };""",
        // other schemes, hosts and literal forms
        """        private const string Events = "{|CK1001:wss://events.venafi.cloud/v1/stream|}";""",
        """        private const string Drop = "{|CK1001:ftp://files.partner-integration.net/certs|}";""",
        """        private const string Internal = "{|CK1001:http://10.20.30.40:8080/health|}";""",
        """        private const string Shouting = "{|CK1001:HTTPS://API.VENAFI.CLOUD|}";""",
        """        private const string Verbatim = @"{|CK1001:https://api.venafi.cloud/v1|}";""",
        "        private const string Raw = \"\"\"{|CK1001:https://api.venafi.cloud/v1|}\"\"\";",
        """        private const string Both = "{|CK1001:https://api.venafi.cloud|};{|CK1001:https://api.venafi.eu|}";""",
        """        private const string Request = "GET {|CK1001:https://api.venafi.cloud/v1/certificates|}";""",
        """        private const string WithCredentials = "{|CK1001:https://svc:pw@api.venafi.cloud/v1|}";""",
        // an attribute that configures an endpoint is not documentation
        """        [Endpoint("{|CK1001:https://api.venafi.cloud|}")] public void Call() { }""",
    };

    public static TheoryData<string> NotFlagged() => new()
    {
        // comments and doc comments are not literals
        "        // Calls https://api.venafi.cloud/v1/certificaterequests\n        public void Comment() { }",
        "        /// <summary>Wraps <see href=\"https://api.venafi.cloud/v1\"/>, documented at https://docs.venafi.cloud.</summary>\n        public void DocComment() { }",
        // documentation and metadata attributes
        """        [Description("See https://docs.venafi.cloud/api/c-cloud-api/")] public void Described() { }""",
        """        [System.ComponentModel.DescriptionAttribute("See https://docs.venafi.cloud")] public void Qualified() { }""",
        """        [Obsolete("Use v2: https://developer.venafi.com/tlsprotectcloud/reference")] public void Old() { }""",
        """        [DisplayName("Adobe Sign (https://secure.echosign.com)")] public string Name { get; set; } = "";""",
        // XML namespaces and schemas
        """        private static readonly XNamespace Atom = "http://partner.venafi.com/schema/v1";""",
        """        private static readonly XNamespace Soap = XNamespace.Get("http://partner.venafi.com/soap/v2");""",
        """        public XElement Cert() => new XElement(XName.Get("certificate", "http://partner.venafi.com/certs"));""",
        """        private const string SoapNamespace = "http://partner.venafi.com/soap";""",
        """        public void Prefixes(System.Xml.XmlNamespaceManager manager) => manager.AddNamespace("v", "http://partner.venafi.com/soap/v2");""",
        """        public void Schemas(System.Xml.Schema.XmlSchemaSet schemas) => schemas.Add("http://partner.venafi.com/schema/v1", "venafi.xsd");""",
        """        private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";""",
        """        private const string Envelope = "http://schemas.xmlsoap.org/soap/envelope/";""",
        """        private const string Serialization = "http://schemas.microsoft.com/2003/10/Serialization/";""",
        // relative URLs and paths
        """        private const string Requests = "/v1/certificaterequests";""",
        """        public Uri Agreements(Uri baseUri) => new Uri(baseUri, "api/rest/v6/agreements");""",
        // hosts from a variable or configuration
        """        public string Url(string host) => $"https://{host}/v1/certificates";""",
        """        public string Token(string host) => "https://" + host + "/oauth/token";""",
        """        public string Adobe(string shard) => $"https://api.{shard}.adobesign.com/api/rest/v6";""",
        """        public string Shard(string shard) => "https://api." + shard + ".adobesign.com";""",
        """        public string Formatted(string host) => string.Format("https://{0}/api/rest/v6", host);""",
        """        private const string Templated = "https://${CTP_AUTH_HOST}/oauth/token";""",
        """        public string FromConfig() => _configuration["Venafi:BaseUrl"]!;""",
        // loopback and development hosts
        """        private const string Callback = "http://localhost:5000/signin-adobe";""",
        """        private const string Loopback = "http://127.0.0.1:8080/health";""",
        """        private const string Ipv6 = "http://[::1]:8080/";""",
        """        private const string Docker = "http://host.docker.internal:9000";""",
        """        private const string DevHost = "https://venafi.localhost/api";""",
        // reserved example domains
        """        private const string Example = "https://example.com/callback";""",
        """        private const string ExampleSub = "https://shop.example.org/api";""",
        """        private const string TestTld = "https://commercetools.test/oauth/token";""",
        """        private const string Invalid = "https://venafi.invalid";""",
        """        private const string ExampleTld = "https://adobe.example/api";""",
        // URLs inside sentences for people: messages and help texts
        """        public void Fail() => throw new InvalidOperationException("Create an API key first, see https://docs.venafi.cloud/vaas/api-keys for setup.");""",
        """        public string Hint(string id) => $"Agreement {id} not found; check https://secure.na1.adobesign.com/account/agreements";""",
        // not http(s)/ws(s)/ftp URLs
        """        private const string Mail = "mailto:support@venafi.com";""",
        """        private const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";""",
    };

    // The false classes of the real-code yardstick (docs/quality.md, session 7), each by the value's shape, name or use.
    public static TheoryData<string> NotFlaggedOnRealCode() => new()
    {
        // opened in the browser: the shell, or the project's own opener that hands its parameter to a process
        """        public void Help() => System.Diagnostics.Process.Start("https://docs.venafi.cloud/vaas/api-keys");""",
        """        public void Portal() => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("https://ui.venafi.cloud/") { UseShellExecute = true });""",
        """        public void SignUp() => OpenUrl("https://ui.venafi.cloud/signup");""",
        """        public void Profile(string user) => OpenUrl("https://ui.venafi.cloud/users/" + user);""",
        """        public void Search(string text) => OpenUrl(string.Format("https://www.google.com/search?q={0}", text));""",
        """        public void KeyPage(bool eu) { var url = ""; if (eu) { url = "https://ui.venafi.eu/keys"; } else { url = "https://ui.venafi.cloud/keys"; } OpenUrl(url); }""",
        // an opener of a project this compilation lacks (an ad-hoc compilation: the call does not bind) is known by its name
        """        public void Account() => {|CS0103:BrowserHelpers|}.OpenURL("https://ui.venafi.cloud/account");""",
        // markup: an HTML link or image, a Markdown link
        """        public string Footer() => "<a href=\"https://www.venafi.com/privacy\">Privacy</a>";""",
        """        public string Logo() => "<img src=\"https://assets.venafi.com/email/logo.png\" alt=\"\" />";""",
        """        public string Notes(string tag) => $"- [Release](https://github.com/venafi/connector/releases/tag/{tag})";""",
        // a text that lists several URLs among words: credits
        """        public string Credits(string de, string fr) => $"{de}: https://github.com/translator-one & https://github.com/translator-two\n{fr}: https://github.com/translator-three";""",
        // a sentence spread over concatenated literals
        """        private const string Tag = "Signature: 8a477f597d28d172789f06886806bc55\n" + "# For information about cache directory tags, see:\n" + "#\thttps://bford.info/cachedir/\n";""",
        // identifiers: OAuth scopes, token issuers and audiences, schema ids
        """        private const string Scope = "https://www.googleapis.com/auth/drive.file";""",
        """        private static readonly string[] ValidIssuers = { "https://login.venafi.cloud" };""",
        """        public Uri Schema(int version) => SchemaId($"https://schemas.venafi.cloud/{version}/config.json");""",
        """        public string Audience() => Id("https://api.venafi.cloud/audience");""",
        """        public string[] ValidIssuers(string configured) => [configured, "https://login.venafi.eu"];""",
        // links and pages for people by their name
        """        public string HomePageUrl => "https://github.com/venafi/connector";""",
        """        public string HelpUrl { get; set; } = "https://docs.venafi.cloud/help/";""",
        """        public ServiceLink Translate() => new ServiceLink("Translate", "https://translate.google.com/?text={0}");""",
        """        public System.Collections.Generic.IEnumerable<string> ExternalUrls(string id) { yield return $"https://www.imdb.com/title/{id}"; }""",
        """        public OpenApiLicense License() => new OpenApiLicense { Name = "AGPL", Url = new Uri("https://github.com/venafi/connector/blob/main/LICENSE.txt") }; public sealed class OpenApiLicense { public string Name { get; set; } = ""; public Uri? Url { get; set; } }""",
        // the Android emulator's address of the developer machine
        """        private const string Emulator = "http://10.0.2.2:5243";""",
    };

    [Theory]
    [MemberData(nameof(NotFlaggedOnRealCode))]
    public Task Does_not_flag_links_identifiers_and_pages_of_real_code(string members) => Verify.VerifyAsync(WithOpener(members));

    public static TheoryData<string> FlaggedBesideThem() => new()
    {
        // the same shapes given to a call that requests the URL
        """        public Task<HttpResponseMessage> Get(string user) => _http.GetAsync("{|CK1001:https://api.venafi.cloud/v1/users/|}" + user);""",
        """        public void Run() => System.Diagnostics.Process.Start("curl", "{|CK1001:https://api.venafi.cloud/v1/health|}");""",
        """        public async Task Both() { var url = "{|CK1001:https://api.venafi.cloud/v1/zones|}"; await _http.GetAsync(url); OpenUrl(url); }""",
        """        public Task<HttpResponseMessage> Search(string text) => _http.GetAsync(string.Format("{|CK1001:https://api.venafi.cloud/v1/search?q={0}|}", text));""",
        // a plain list of endpoints is still endpoints
        """        private const string Regions = "{|CK1001:https://api.venafi.cloud|} {|CK1001:https://api.venafi.eu|}";""",
        // a method whose name only starts with Open does not open a browser
        """        public System.IO.Stream Read(System.Net.WebClient client) => client.OpenRead("{|CK1001:https://api.venafi.cloud/v1/export|}");""",
        // names that hold "id" or "link" in the middle do not make it an identifier
        """        private const string IdentityUrl = "{|CK1001:https://identity.venafi.cloud|}";""",
        """        private const string LinkedInApi = "{|CK1001:https://api.linkedin.com/v2|}";""",
    };

    [Theory]
    [MemberData(nameof(FlaggedBesideThem))]
    public Task Flags_the_same_shapes_given_to_a_request(string members) => Verify.VerifyAsync(WithOpener(members));

    // The client with the project's own browser opener (a wrapper of Process.Start) and the helpers the cases call.
    private static string WithOpener(string members) => Client(members + """

                public static void OpenUrl(string url)
                {
                    var info = new System.Diagnostics.ProcessStartInfo { UseShellExecute = true };
                    info.FileName = url;
                    System.Diagnostics.Process.Start(info);
                }

                private static Uri SchemaId(string id) => new Uri(id);

                private static string Id(string id) => id;

                public sealed class ServiceLink
                {
                    public ServiceLink(string name, string url) { Name = name; Url = url; }
                    public string Name { get; }
                    public string Url { get; }
                }
        """);

    [Fact]
    public Task A_url_a_web_application_redirects_the_browser_to_is_a_page_for_a_person()
    {
        var test = Verify.CreateTest("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaytvController : Controller
            {
                private static readonly HttpClient Http = new HttpClient();

                public IActionResult Index() => Redirect("https://billpay-site.com/Paytv/");

                public IActionResult Moved() => RedirectPermanent("https://billpay-site.com/Dashboard/");

                public IActionResult Back() => new RedirectResult("https://billpay-site.com/Paytv/" + "Receipt");

                public void Legacy() => Response.Redirect("https://billpay-site.com/Login/");

                public Task<string> Prices() => Http.GetStringAsync("{|CK1001:https://api.cabletv-gateway.com/v1/prices|}");
            }

            public sealed class Relay
            {
                // A method of the project's own named Redirect that is no web framework's: its URL is called.
                public static void Redirect(string url) { }

                public static void Forward() => Redirect("{|CK1001:https://api.cabletv-gateway.com/v1/forward|}");
            }
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        return test.RunAsync();
    }

    [Fact]
    public Task A_redirect_of_a_controller_whose_framework_did_not_resolve_is_known_by_its_name()
    {
        var test = Verify.CreateTest("""
            public sealed class PaytvController : {|CS0246:Controller|}
            {
                public object Index() => {|CS0103:Redirect|}("https://billpay-site.com/Paytv/");

                public object Prices() => {|CS0103:Fetch|}("{|CK1001:https://api.cabletv-gateway.com/v1/prices|}");
            }
            """, editorConfig: null);
        return test.RunAsync();
    }

    [Fact]
    public Task A_cake_build_project_is_build_tooling() => Verify.VerifyAsync("""
        using Cake.Core;

        namespace Cake.Core
        {
            public interface ICakeContext { }
        }

        public class PublishNuget
        {
            private const string TokenService = "https://www.nuget.org/api/v2/token";
        }
        """);

    // A referenced build framework decides alone: no file imports its namespace.
    [Theory]
    [InlineData("Cake.Frosting", false)]
    [InlineData("Partner.Frosting", true)]
    public Task A_project_referencing_a_build_framework_assembly_is_build_tooling(string assemblyName, bool flagged)
    {
        var url = flagged ? "{|CK1001:https://www.nuget.org/api/v2/token|}" : "https://www.nuget.org/api/v2/token";
        var test = Verify.CreateTest(Client("        private const string TokenService = \"" + url + "\";"), editorConfig: null);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(TestReferences.MarkerImage(assemblyName, OutputKind.DynamicallyLinkedLibrary)));
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Flagged))]
    public Task Flags_hardcoded_urls(string members) => Verify.VerifyAsync(Client(members));

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public Task Does_not_flag(string members) => Verify.VerifyAsync(Client(members));

    [Fact]
    public Task XmlnsDefinition_attributes_declare_namespaces() => Verify.VerifyAsync(
        Client("").Replace(
            "namespace Partner.Integration",
            "[assembly: Partner.Integration.XmlnsDefinition(\"http://partner.venafi.com/xaml\", \"Partner.Integration\")]\nnamespace Partner.Integration"));

    [Fact]
    public Task Reports_the_url_and_its_text()
    {
        var source = Client("""        private const string BaseUrl = "{|#0:https://api.venafi.cloud/v1|}";""");
        return Verify.VerifyAsync(source, new DiagnosticResult(Descriptors.HardcodedUrl).WithLocation(0).WithArguments("https://api.venafi.cloud/v1"));
    }

    [Theory]
    [InlineData("certkit.allowed_hosts = api.venafi.cloud")]
    [InlineData("certkit.allowed_hosts = *.venafi.cloud")]
    [InlineData("certkit.allowed_hosts = api.na1.adobesign.com, *.venafi.cloud")]
    [InlineData("certkit.allowed_hosts = API.VENAFI.CLOUD; other.net")]
    public Task Allowed_hosts_are_not_flagged(string editorConfig) =>
        Verify.VerifyAsync(Client("""        private const string BaseUrl = "https://api.venafi.cloud/v1";"""), editorConfig);

    [Fact]
    public Task Hosts_outside_the_allow_list_are_still_flagged() =>
        Verify.VerifyAsync(
            Client("""
                    private const string Venafi = "https://api.venafi.cloud/v1";
                    private const string Adobe = "{|CK1001:https://api.na1.adobesign.com/api/rest/v6|}";
                    private const string Apex = "{|CK1001:https://venafi.cloud|}";
            """),
            "certkit.allowed_hosts = *.venafi.cloud");

    [Fact]
    public Task Test_projects_are_skipped_by_default()
    {
        var test = Verify.CreateTest(Client("""        private const string BaseUrl = "https://api.venafi.cloud";"""), editorConfig: null);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }

    [Fact]
    public Task Test_projects_are_analysed_when_configured()
    {
        var test = Verify.CreateTest(
            Client("""        private const string BaseUrl = "{|CK1001:https://api.venafi.cloud|}";"""),
            "certkit.analyze_test_projects = true");
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }

    [Fact]
    public Task IsTestProject_build_property_marks_a_test_project()
    {
        var test = Verify.CreateTest(Client("""        private const string BaseUrl = "https://api.venafi.cloud";"""), editorConfig: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_skipped() => Verify.VerifyAsync("""
        // <auto-generated/>
        public static class Endpoints
        {
            public const string Venafi = "https://api.venafi.cloud";
        }
        """);

    [Theory]
    [InlineData("""
        class C { string url = "{|CK1001:https://api.venafi.cloud|}
        """)]
    [InlineData("""
        class C { System.Uri u = new System.Uri("{|CK1001:https://api.venafi.cloud|}" }
        """)]
    [InlineData("""
        class C { string M(string id) => $"{|CK1001:https://api.venafi.cloud/v1/|}{id
        """)]
    [InlineData("""
        class C { string M(string h) => $"https://{ }
        """)]
    [InlineData("""
        [System.ComponentModel.Description("https://docs.venafi.cloud" class C { }
        """)]
    [InlineData("""
        class C { void M() { switch (x) { case "{|CK1001:https://api.venafi.cloud|}" } } }
        """)]
    [InlineData("""
        class C { string M() => "https://" + ; }
        """)]
    [InlineData("""
        class C { System.Xml.Linq.XNamespace ns = "http://partner.venafi.com/ns" + }
        """)]
    [InlineData("""
        class C { void M() { Call(: "{|CK1001:https://api.venafi.cloud|}"); } }
        """)]
    [InlineData("""
        using X = ; [X("{|CK1001:https://api.venafi.cloud|}")] class C { }
        """)]
    public Task Code_being_typed_does_not_crash_the_analyzer(string source) => Verify.VerifyBrokenCodeAsync(source);
}
