using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Rules;

using Verify = AnalyzerVerifier<CK1002HardcodedCredentialAnalyzer>;

public class CK1002HardcodedCredentialTests
{
    // A commercetools / Venafi / Adobe Sign integration class; each case adds members to it. Every secret here is fake.
    internal static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.RegularExpressions;
        using Microsoft.Extensions.Configuration;

        namespace Partner.Integration
        {
            public class CommercetoolsClient
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly IConfiguration _configuration;
                private string _refreshToken = "";
                private string _apiKey = "";

                public CommercetoolsClient(IConfiguration configuration) => _configuration = configuration;

        {{members}}

                private static void Connect(string user, string password) { }
                private static void SetApiKey(string apiKey) { }
            }

            public sealed class CommercetoolsOptions
            {
                public string ClientId { get; set; } = "";
                public string ClientSecret { get; set; } = "";
            }
        }
        """;

    public static TheoryData<string> Flagged() => new()
    {
        // locals, fields, constants, properties
        """        public void Local() { var clientSecret = {|CK1002:"Kx8mP2vQ9rT5wY3z"|}; }""",
        """        private const string ApiKey = {|CK1002:"4f0c9a7e-venafi-tls"|};""",
        """        private readonly string _clientSecret = {|CK1002:"q7Rt-2mZx-Lp9W"|};""",
        """        public string AccessToken { get; set; } = {|CK1002:"eyJhbGciOiJIUzI1NiJ9.e30.abc"|};""",
        """        public string IntegrationKey => {|CK1002:"3AAABLblqZhC8x"|};""",
        """        public string GetApiKey() { return {|CK1002:"vn-4411-aa90-k2"|}; }""",
        """        private readonly string _privateKey = {|CK1002:"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"|};""",
        // assignments and object initialisers
        """        public void Refresh() { _refreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|}; }""",
        """        public CommercetoolsOptions Options() => new CommercetoolsOptions { ClientId = "ct-client-id", ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|} };""",
        """        public void Fallback() { _apiKey = _configuration["Venafi:ApiKey"] ?? {|CK1002:"vn-dev-key-8842"|}; }""",
        """        public void Choose(bool eu) { _apiKey = eu ? {|CK1002:"vn-eu-7731"|} : {|CK1002:"vn-us-9914"|}; }""",
        // dictionary and indexer keys, pairs, tuples
        """        public void Form(Dictionary<string, string> form) { form["client_secret"] = {|CK1002:"Zx81-kLm2-Qp07"|}; }""",
        """        public Dictionary<string, string> Token() => new() { ["grant_type"] = "client_credentials", ["client_secret"] = {|CK1002:"Zx81-kLm2-Qp07"|} };""",
        """        public Dictionary<string, string> Refresh2() => new() { { "refresh_token", {|CK1002:"3AAABLblqZhA-refresh-7Qx"|} } };""",
        """        public KeyValuePair<string, string> Pair() => new KeyValuePair<string, string>("client_secret", {|CK1002:"Zx81-kLm2-Qp07"|});""",
        """        public (string, string) Tuple() => ("client_secret", {|CK1002:"Zx81-kLm2-Qp07"|});""",
        // arguments: named, NetworkCredential, parameters named as credentials
        """        public void Named() => Connect("svc-ct", password: {|CK1002:"W1nter-2024!"|});""",
        """        public ICredentials Credentials() => new NetworkCredential("svc-venafi", {|CK1002:"W1nter-2024!"|});""",
        """        public void Key() => SetApiKey({|CK1002:"vn-4411-aa90-k2"|});""",
        // anonymous objects
        """        public object Body() => new { client_id = "ct-client-id", client_secret = {|CK1002:"Zx81-kLm2-Qp07"|} };""",
        // HTTP headers
        """        public void Venafi() => _http.DefaultRequestHeaders.Add("tppl-api-key", {|CK1002:"4f0c9a7e-1b2c-4d5e"|});""",
        """        public void Venafi2() => _http.DefaultRequestHeaders.TryAddWithoutValidation("tppl-api-key", {|CK1002:"4f0c9a7e-1b2c-4d5e"|});""",
        """        public void Authorization() => _http.DefaultRequestHeaders.Add("Authorization", {|CK1002:"Kx8mP2vQ9rT5wY3z"|});""",
        """        public void Bearer() => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|CK1002:"3AAABLblqZhC8xYz"|});""",
        """        public void Basic() => _http.DefaultRequestHeaders.Add("Authorization", "Basic {|CK1002:aW50ZWdyYXRpb246QWRvYmUtU2lnbi0yMDI0|}");""",
        """        private const string Header = "Bearer {|CK1002:3AAABLblqZhC8xYz-adobe|}";""",
        // connection strings and URLs
        """        private const string Db = "Server=sql.internal;Database=certkit;User Id=svc;Password={|CK1002:S3cr3t!2024|};";""",
        """        private const string Pg = "Host=pg;Username=app;Pwd={|CK1002:pg-pass-91|}";""",
        """        private const string Amqp = "amqps://svc-ct:{|CK1002:Rabb1t-Pw|}@mq.partner.net/";""",
        // comparisons and returns
        """        public bool Check(string password) => password == {|CK1002:"W1nter-2024!"|};""",
        """        public bool Check2(string password) => string.Equals({|CK1002:"W1nter-2024!"|}, password);""",
        """        public bool Check3(string password) => string.Equals(password, {|CK1002:"W1nter-2024!"|}, StringComparison.Ordinal);""",
        """        public bool Check4(string apiKey) => apiKey.Equals({|CK1002:"vn-4411-aa90-k2"|});""",
        """        public bool Check5(string clientSecret) => clientSecret is {|CK1002:"Zx81-kLm2-Qp07"|};""",
        // defaults and bare "token" with text
        """        public void Login(string apiKey = {|CK1002:"vn-4411-aa90-k2"|}) { }""",
        """        public void Bare() { string token = {|CK1002:"3AAABLblqZhC8xYz"|}; }""",
        """        private const string GithubToken = {|CK1002:"gh-3AAABLblqZhC8xYz"|};""",
        // a value that merely contains "test" or "sample" is a weak real password, not a placeholder
        """        private const string ServicePassword = {|CK1002:"TestOnlyP@ss123"|};""",
        """        private const string AdminPassword = {|CK1002:"Sample2024!"|};""",
        // a credential under a header- or scheme-like name is still one
        """        private const string GatewayAuth = {|CK1002:"Zx81-kLm2-Qp07"|};""",
        """        private const string HEADER_AUTH = {|CK1002:"Authorization-Zx81-kLm2-Qp07"|};""",
    };

    public static TheoryData<string> NotFlagged() => new()
    {
        // empty values and placeholders
        """        private const string ApiKey = "";""",
        """        private const string ClientSecret = "   ";""",
        """        private const string Password = "changeme";""",
        """        private const string ApiKey2 = "<your-api-key>";""",
        """        private const string ApiKey3 = "YOUR_API_KEY_HERE";""",
        """        private const string ClientSecret2 = "${CTP_CLIENT_SECRET}";""",
        """        private const string ClientSecret3 = "{{client_secret}}";""",
        """        private const string ApiKey4 = "%VENAFI_API_KEY%";""",
        """        private const string ApiKey5 = "$(VenafiApiKey)";""",
        """        private const string Password2 = "****";""",
        """        private const string Password3 = "xxx";""",
        """        private const string ApiKey6 = "dummy";""",
        """        private const string Password4 = "test";""",
        """        private const string ClientSecret4 = "example";""",
        """        private const string Password5 = "password";""",
        """        private const string ApiKey7 = "tppl-api-key";""",
        // values from configuration, the environment or a secret store
        """        public string Secret() => _configuration["Commercetools:ClientSecret"]!;""",
        """        public string? Secret2() => Environment.GetEnvironmentVariable("CTP_CLIENT_SECRET");""",
        """        public IConfigurationSection Secret3() => _configuration.GetSection("ClientSecret");""",
        """        private const string SecretUri = "https://certkit.vault.azure.net/secrets/venafi-api-key";""",
        """        public string ClientSecret5 { get; } = "https://certkit.vault.azure.net/secrets/ct-client-secret";""",
        // names that hold a name, path, message or id
        """        private const string PasswordFieldName = "svc_password_input";""",
        """        private const string ApiKeyHeaderName = "tppl-api-key";""",
        """        private const string SecretNameInVault = "venafi-api-key-prod";""",
        """        private const string TokenUrl = "/oauth/token";""",
        """        private const string PasswordPrompt = "Enter the service account password: ";""",
        """        private const string ClientSecretEnvironmentVariable = "CTP_CLIENT_SECRET";""",
        """        private const string ClientId = "Kx8mP2vQ9rT5wY3z";""",
        """        private const string PublicKeyToken = "cc7b13ffcd2ddd51";""",
        // header names, prompts and messages, regex patterns
        """        public void Header() => _http.DefaultRequestHeaders.Add("tppl-api-key", _apiKey);""",
        """        public void Bearer() => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _refreshToken);""",
        """        public string Bearer2() => "Bearer " + _refreshToken;""",
        """        public void Throw(string password) { if (password.Length == 0) throw new ArgumentException("Password is required", nameof(password)); }""",
        """        public bool Strong(string password) => Regex.IsMatch(password, "^[A-Za-z0-9!@#]{12,}$");""",
        """        private static readonly Regex Mask = new Regex("Password=([^;]+)");""",
        """        private const string PasswordPattern = "Password=(?<pwd>[^;]*)";""",
        """        public bool Empty(string apiKey) => apiKey == "";""",
        // connection strings without a secret
        """        private const string Db = "Server=sql.internal;Database=certkit;Integrated Security=true";""",
        """        private const string Db2 = "Server=sql.internal;User Id=svc;Password=;";""",
        """        private const string Db3 = "Server=sql.internal;User Id=svc;Password={0};";""",
        """        private const string Db4 = "Server=sql.internal;User Id=svc;Password=${DB_PASSWORD};";""",
        """        private const string Assembly = "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51";""",
        """        private const string NoPassword = "https://svc-venafi@api.venafi.cloud/v1";""",
        // comments and metadata attributes
        "        // password = \"W1nter-2024!\"\n        public void Comment() { }",
        """        [DefaultValue("W1nter-2024!")] public string Password { get; set; } = "";""",
        // authentication settings that are not secrets
        """        private const string AuthScheme = "Bearer";""",
        """        public bool IsBasic(string authScheme) => authScheme == "Basic";""",
        """        private const string TokenType = "Bearer";""",
        // the header or scheme a credential travels in, by the value (a payment connector's header constants)
        """        private const string HEADER_AUTH = "Authorization";""",
        """        private const string GatewayAuth = "Basic";""",
        """        private const string ProxyAuth = "Proxy-Authorization";""",
        """        public Dictionary<string, string> Grant() => new() { ["grant_type"] = "refresh_token", ["scope"] = "agreement_read:account" };""",
        // constants that name or describe a credential, by the value's shape
        """        private const string DevClientSecretVariable = "ACME_DEV_CLIENTSECRET";""",
        """        private const string HintPassphrase = "SSH Passphrase";""",
        """        private const string StripeSecretKey = "a Stripe live secret key";""",
        """        private const string SecretsCategory = "Certification.Secrets";""",
        """        private const string PrivateKeyBlob = "PRIVATEBLOB";""",
        """        private const string HardcodedCredential = "CK1002";""",
        """        private const string ClientHashedPassword = "password_hash_b64";""",
        """        private const string ClientSecretKeyPath = "Commercetools:ClientSecret";""",
        """        private const string UseClientSecret = "true";""",
        // "token" that is not a credential
        """        public void Lexer() { string token = ";"; }""",
        """        public void Parse() { var token = "end of input"; }""",
        """        public void Text() { var tokenText = "identifier"; }""",
        """        public void Kind() { var token = "identifier"; }""",
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public Task Flags_hardcoded_credentials(string members) => Verify.VerifyAsync(Client(members));

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public Task Does_not_flag(string members) => Verify.VerifyAsync(Client(members));

    [Fact]
    public Task Names_the_credential_in_the_message() => Verify.VerifyAsync(
        Client("""
                private const string ClientSecret = {|#0:"Zx81-kLm2-Qp07"|};
                private const string Db = "Server=db;Password={|#1:S3cr3t!2024|}";
                private const string Mq = "amqps://svc:{|#2:Rabb1t-Pw|}@mq.partner.net/";
                private const string Adobe = "Bearer {|#3:3AAABLblqZhC8xYz-adobe|}";
        """),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(0).WithArguments("ClientSecret"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(1).WithArguments("Password"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(2).WithArguments("URL password"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(3).WithArguments("Authorization: Bearer"));

    [Fact]
    public Task An_api_key_in_a_url_query_is_a_credential() => Verify.VerifyAsync(
        Client("""
                private const string Shows = "https://api.tvmaze.example/v1/shows?apikey={|#0:9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6|}&format=json";
                private const string Feed = "https://feeds.example.test/rss?lang=en&api_key={|#1:Q7x2Lm9Pz4Rt8Vw3Kd6N|}";
                private const string Template = "https://api.tvmaze.example/v1/shows?apikey={0}&format=json";
                private const string Theme = "https://app.example.test/settings?key=theme-dark-mode";
        """),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(0).WithArguments("apikey"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(1).WithArguments("api_key"));

    [Fact]
    public Task An_api_key_as_a_path_segment_after_api_is_a_credential() => Verify.VerifyAsync(
        Client("""
                private const string SeriesUrl = "http://www.tvdb.example/api/{|#0:1D62F2F90030C444|}/series/{0}/all/{1}.zip";
                private const string Omdb = "https://www.moviedb.example?apikey={|#1:4e7a1c93|}";
                private const string Versioned = "https://www.tvdb.example/api/v4/series/{0}";
                private const string Placeholder = "https://www.tvdb.example/api/{0}/series/{1}";
                public string Zip(int id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "http://www.tvdb.example/api/{|#2:8E51F2A90031D555|}/series/{0}/all/en.zip", id);
        """),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(0).WithArguments("API key in the URL path"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(1).WithArguments("apikey"),
        new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(2).WithArguments("API key in the URL path"));

    [Fact]
    public Task Configured_credential_keywords_are_added_to_the_built_in_ones() => Verify.VerifyAsync(
        Client("""
                private const string VenafiZone = {|CK1002:"zone-7731-prod"|};
                private const string ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};
        """),
        "certkit.credential_keywords = zone, tenant");

    [Fact]
    public Task Configured_placeholder_patterns_are_not_flagged() => Verify.VerifyAsync(
        Client("""
                private const string ClientSecret = "local-dev-secret-01";
                private const string ApiKey = {|CK1002:"vn-4411-aa90-k2"|};
        """),
        "certkit.placeholder_patterns = local-dev-*");

    [Fact]
    public Task A_url_with_credentials_gets_both_rules()
    {
        // CK1002 reports the password; CK1001 (tested in its own class) reports the URL.
        return Verify.VerifyAsync(Client("""        private const string Endpoint = "https://svc:{|CK1002:Sup3rS3cret|}@api.venafi.cloud/v1";"""));
    }

    [Fact]
    public Task Test_projects_are_skipped_by_default()
    {
        var test = Verify.CreateTest(Client("""        private const string ClientSecret = "Zx81-kLm2-Qp07";"""), editorConfig: null);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }

    [Fact]
    public Task Test_projects_are_analysed_when_configured()
    {
        var test = Verify.CreateTest(
            Client("""        private const string ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};"""),
            "certkit.analyze_test_projects = true");
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""
        class C { string clientSecret = {|CK1002:"Zx81-kLm2-Qp07"|}
        """)]
    [InlineData("""
        class C { string password = {|CK1002:"W1nter|}
        """)]
    [InlineData("""
        class C { void M() { form[] = "Zx81-kLm2-Qp07"; } }
        """)]
    [InlineData("""
        class C { void M() { Connect(password: {|CK1002:"W1nter-2024!"|} } }
        """)]
    [InlineData("""
        class C { void M() { var c = new System.Net.NetworkCredential("svc", {|CK1002:"W1nter-2024!"|} } }
        """)]
    [InlineData("""
        class C { void M() { Unknown("Zx81-kLm2-Qp07"); } }
        """)]
    [InlineData("""
        class C { bool M(string password) => password == ; }
        """)]
    [InlineData("""
        class C { object M() => new { client_secret = {|CK1002:"Zx81-kLm2-Qp07"|}, }; }
        """)]
    [InlineData("""
        class C { string Db = "Server=db;Password={|CK1002:S3cr3t|}
        """)]
    [InlineData("""
        class C { string GetClientSecret() { return {|CK1002:"Zx81-kLm2-Qp07"|} } string ClientSecret => M(
        """)]
    [InlineData("""
        class C { void M() { string.Equals(, "Zx81-kLm2-Qp07"); } }
        """)]
    public Task Code_being_typed_does_not_crash_the_analyzer(string source) => Verify.VerifyBrokenCodeAsync(source);
}
