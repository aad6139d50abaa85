using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

[Collection(ScanCollection.Name)]
public sealed class AdobeSignCheckTests
{
    private const string GoodClient = """
        using System;
        using System.Net.Http;

        namespace Partner.AdobeSign;

        public sealed class AdobeSignOAuth
        {
            private const string Scopes = "user_login:self agreement_send:self agreement_read:self";
            private const string RedirectUri = "https://partner.example.com/adobe-sign/callback";

            public Uri AuthorizeUrl(string clientId, string state) =>
                new Uri($"https://secure.adobesign.com/public/oauth/v2?redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code&client_id={clientId}&scope={Uri.EscapeDataString(Scopes)}&state={state}");

            public HttpClient For(string apiAccessPoint) => new HttpClient { BaseAddress = new Uri(new Uri(apiAccessPoint), "api/rest/v6/") };
        }
        """;

    [Fact]
    public void A_client_on_the_api_access_point_with_state_and_https_passes()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient);

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Equal(["token-encryption", "app-secret", "oauth-redirect-https", "oauth-state", "api-access-point", "base-uri-cached", "soap-api", "oauth-scopes", "tls"], run.Ids("passed"));
        Assert.Equal("no GET /baseUris (getBaseUri) in the 1 shipped code and configuration file(s): the api_access_point comes with the OAuth token", Assert.Single(run.Evidence("base-uri-cached")));
        Assert.Equal("no Adobe Sign SOAP endpoint, WSDL or generated SOAP client in the 1 shipped code and configuration file(s)", Assert.Single(run.Evidence("soap-api")));
        Assert.Equal("src/AdobeSignOAuth.cs:9: https://partner.example.com/adobe-sign/callback", Assert.Single(run.Evidence("oauth-redirect-https")));
        Assert.Equal("src/AdobeSignOAuth.cs:12: authorize request; state at src/AdobeSignOAuth.cs:12", Assert.Single(run.Evidence("oauth-state")));
        Assert.Equal("scopes: agreement_read:self (src/AdobeSignOAuth.cs), agreement_send:self (src/AdobeSignOAuth.cs), user_login:self (src/AdobeSignOAuth.cs)", Assert.Single(run.Evidence("oauth-scopes")));
        Assert.True(run.Ready);
    }

    [Fact]
    public void A_hardcoded_shard_host_fails_api_access_point_with_the_ck1004_finding()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient.Replace(
            "public HttpClient For(string apiAccessPoint) => new HttpClient { BaseAddress = new Uri(new Uri(apiAccessPoint), \"api/rest/v6/\") };",
            "public HttpClient For(string apiAccessPoint) => new HttpClient { BaseAddress = new Uri(\"https://api.na1.adobesign.com/api/rest/v6/\") };",
            StringComparison.Ordinal));

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Equal(["api-access-point"], run.Ids("failed"));
        Assert.Equal(
            "src/AdobeSignOAuth.cs:14: CK1004 'api.na1.adobesign.com' is one Adobe Sign region's host; call the api_access_point that OAuth returns for the account",
            Assert.Single(run.Evidence("api-access-point")));
        Assert.Equal(1, run.Run.ExitCode);
    }

    [Fact]
    public void An_http_redirect_a_missing_state_and_an_account_scope_are_each_reported()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient
            .Replace("https://partner.example.com/adobe-sign/callback", "http://partner.example.com/adobe-sign/callback", StringComparison.Ordinal)
            .Replace("&state={state}", string.Empty, StringComparison.Ordinal)
            .Replace("agreement_read:self", "agreement_read:account", StringComparison.Ordinal));

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Equal(["oauth-redirect-https", "oauth-state"], run.Ids("failed"));
        Assert.Equal(["oauth-scopes"], run.Ids("manual"));
        Assert.Equal("src/AdobeSignOAuth.cs:9: the redirect URI http://partner.example.com/adobe-sign/callback is not https; the authorization code would travel in the clear", Assert.Single(run.Evidence("oauth-redirect-https")));
        Assert.Equal("src/AdobeSignOAuth.cs:12: the authorize request carries no state parameter; send a random state and check it in the callback (CSRF, OWASP A01)", Assert.Single(run.Evidence("oauth-state")));
        Assert.Equal("src/AdobeSignOAuth.cs: agreement_read:account acts on every user of the customer's account: justify it to the reviewer, or request :self or :group", run.Evidence("oauth-scopes")[1]);
    }

    // A client that asks for the base URI inside the method that sends every request (Adobe's bad practice).
    private const string LookupPerRequest = """
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Partner.AdobeSign;

        public sealed class SignClient(HttpClient http)
        {
            public async Task<string> SendAsync(HttpMethod method, string path)
            {
                var baseUris = await http.GetStringAsync("https://api.adobesign.com/api/rest/v6/baseUris");
                var accessPoint = AccessPointOf(baseUris);
                using var request = new HttpRequestMessage(method, accessPoint + "api/rest/v6" + path);
                var response = await http.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }

            private static string AccessPointOf(string json) => json;
        }
        """;

    // The same client with the lookup in a helper the send method calls each time.
    private const string HelperPerRequest = """
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Partner.AdobeSign;

        public sealed class SignClient(HttpClient http)
        {
            private const string BaseUrisPath = "/api/rest/v6/baseUris";

            private async Task<string> GetApiAccessPointAsync() => await http.GetStringAsync("https://api.adobesign.com" + BaseUrisPath);

            public async Task<string> SendAsync(HttpMethod method, string path)
            {
                var accessPoint = await GetApiAccessPointAsync();
                var response = await http.SendAsync(new HttpRequestMessage(method, accessPoint + "api/rest/v6" + path));
                return await response.Content.ReadAsStringAsync();
            }
        }
        """;

    // Cached in a field, looked up again only when Adobe says the access point is wrong.
    private const string Cached = """
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Partner.AdobeSign;

        public sealed class SignClient(HttpClient http)
        {
            private string? _apiAccessPoint;

            private Task<string> GetApiAccessPointAsync() => http.GetStringAsync("https://api.adobesign.com/api/rest/v6/baseUris");

            public async Task<string> SendAsync(HttpMethod method, string path)
            {
                _apiAccessPoint ??= await GetApiAccessPointAsync();
                var response = await http.SendAsync(new HttpRequestMessage(method, _apiAccessPoint + "api/rest/v6" + path));
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains("INVALID_API_ACCESS_POINT"))
                {
                    _apiAccessPoint = await GetApiAccessPointAsync();
                    response = await http.SendAsync(new HttpRequestMessage(method, _apiAccessPoint + "api/rest/v6" + path));
                    body = await response.Content.ReadAsStringAsync();
                }

                return body;
            }
        }
        """;

    [Fact]
    public void A_client_that_calls_GET_baseUris_in_the_method_that_sends_every_request_fails_base_uri_cached()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/SignClient.cs", LookupPerRequest);

        var run = CheckRun.Of(repository.Root, "acrobat-sign");

        Assert.Contains("base-uri-cached", run.Ids("failed"));
        Assert.Equal(
            "src/SignClient.cs:10: GET /baseUris in SendAsync, which sends the requests: cache the api_access_point per account and look it up again only on INVALID_API_ACCESS_POINT",
            Assert.Single(run.Evidence("base-uri-cached")));
    }

    [Fact]
    public void A_helper_called_before_every_request_fails_base_uri_cached_at_the_call()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/SignClient.cs", HelperPerRequest);

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("base-uri-cached", run.Ids("failed"));
        Assert.Equal(
            "src/SignClient.cs:14: SendAsync calls GetApiAccessPointAsync (GET /baseUris at src/SignClient.cs:10) before every request it sends: cache the api_access_point per account and look it up again only on INVALID_API_ACCESS_POINT",
            Assert.Single(run.Evidence("base-uri-cached")));
    }

    [Fact]
    public void A_helper_in_another_file_is_followed_to_the_methods_that_call_it()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/BaseUri.cs", """
            using System.Net.Http;

            namespace Partner.AdobeSign;

            internal static partial class Api
            {
                private const string BaseUrisUrl = "https://api.adobesign.com/api/rest/v6/baseUris";

                private static string FetchBaseUri(HttpClient http) => http.GetStringAsync(BaseUrisUrl).Result;
            }
            """);
        repository.Write("src/Agreements.cs", """
            using System.Net.Http;

            namespace Partner.AdobeSign;

            internal static partial class Api
            {
                public static string Agreement(HttpClient http, string id) => http.GetStringAsync($"{FetchBaseUri(http)}/api/rest/v6/agreements/{id}").Result;
            }
            """);

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("base-uri-cached", run.Ids("failed"));
        Assert.Equal(
            "src/Agreements.cs:7: Agreement calls FetchBaseUri (GET /baseUris at src/BaseUri.cs:9) before every request it sends: cache the api_access_point per account and look it up again only on INVALID_API_ACCESS_POINT",
            Assert.Single(run.Evidence("base-uri-cached")));
    }

    [Fact]
    public void A_client_that_caches_the_access_point_passes_base_uri_cached()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/SignClient.cs", Cached);

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("base-uri-cached", run.Ids("passed"));
        Assert.Equal(
            [
            "src/SignClient.cs:14: GetApiAccessPointAsync (GET /baseUris at src/SignClient.cs:10) called from SendAsync, cached (_apiAccessPoint ??=)",
            "src/SignClient.cs:19: GetApiAccessPointAsync (GET /baseUris at src/SignClient.cs:10) called from SendAsync, only on INVALID_API_ACCESS_POINT",
            ],
            run.Evidence("base-uri-cached"));
    }

    [Theory]
    [InlineData("private const string Endpoint = \"https://secure.echosign.com/services/EchoSignDocumentService22\";", "echosign.com/services/EchoSignDocumentService22")]
    [InlineData("public static object Client() => new EchoSignDocumentService22PortTypeClient();", "EchoSignDocumentService22PortTypeClient")]
    public void A_soap_endpoint_or_client_fails_soap_api(string member, string found)
    {
        using var repository = TempRepository.Create();
        repository.Write("src/Legacy.cs", $"namespace Partner.AdobeSign;\n\npublic static class Legacy\n{{\n    {member}\n}}\n");

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("soap-api", run.Ids("failed"));
        Assert.Equal($"src/Legacy.cs:5: Adobe Sign SOAP API ({found}): SOAP is disallowed on Embed 2.0 and out of support; use the v6 REST API", Assert.Single(run.Evidence("soap-api")));
    }
    // Access and refresh tokens kept through EF6, as .NET Framework integrations do. EntityFramework is a package: where
    // it is not restored, DbContext and DbSet do not resolve and neither does the save.
    private static string TokenRepository(bool ef6Declared, bool encrypted) => (ef6Declared ? """
        namespace System.Data.Entity
        {
            public class DbContext : System.IDisposable { public virtual int SaveChanges() => 0; public void Dispose() { } }
            public class DbSet<TEntity> where TEntity : class { public virtual TEntity Add(TEntity entity) => entity; }
        }

        """ : string.Empty) + $$"""
        namespace Partner.AdobeSign
        {
            public class OAuthTokenSet
            {
                public int Id { get; set; }
                public string accessToken { get; set; }
                public string refreshToken { get; set; }
            }

            public class TokenContext : System.Data.Entity.DbContext
            {
                public System.Data.Entity.DbSet<OAuthTokenSet> Tokens { get; set; }
            }

            public class TokenRepository
            {
                private readonly byte[] _key;

                public TokenRepository(byte[] key) => _key = key;

                public void Store(string accessToken, string refreshToken)
                {
                    var db = new TokenContext();
                    var set = new OAuthTokenSet();
                    set.accessToken = {{(encrypted ? "Encrypt(accessToken)" : "accessToken")}};
                    set.refreshToken = {{(encrypted ? "Encrypt(refreshToken)" : "refreshToken")}};
                    db.Tokens.Add(set);
                    db.SaveChanges();
                }

                private string Encrypt(string value)
                {
                    using var aes = System.Security.Cryptography.Aes.Create();
                    aes.Key = _key;
                    return System.Convert.ToBase64String(aes.EncryptCbc(System.Text.Encoding.UTF8.GetBytes(value), new byte[16]));
                }
            }
        }
        """;

    [Fact]
    public void Tokens_saved_through_a_context_that_did_not_resolve_make_token_encryption_manual()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient);
        repository.Write("src/TokenRepository.cs", TokenRepository(ef6Declared: false, encrypted: false));

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("token-encryption", run.Ids("manual"));
        Assert.Equal(
            [
            "not analysed: src/TokenRepository.cs:25: CK2001 'accessToken' is written to an object of type 'OAuthTokenSet', whose save call 'db.SaveChanges()' did not resolve (a missing reference); whether the token is stored encrypted could not be checked",
            "not analysed: src/TokenRepository.cs:26: CK2001 'refreshToken' is written to an object of type 'OAuthTokenSet', whose save call 'db.SaveChanges()' did not resolve (a missing reference); whether the token is stored encrypted could not be checked",
            "certkit scan: no CK2001 finding in what it did analyse (2 file(s) analysed (2 C# shipped)); review the rest by hand",
            ],
            run.Evidence("token-encryption"));
    }

    [Fact]
    public void Tokens_encrypted_before_a_context_that_resolves_pass_token_encryption()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient);
        repository.Write("src/TokenRepository.cs", TokenRepository(ef6Declared: true, encrypted: true));

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("token-encryption", run.Ids("passed"));
        Assert.Equal("certkit scan: no CK2001 finding in 2 file(s)", Assert.Single(run.Evidence("token-encryption")));
    }

    [Fact]
    public void Plaintext_tokens_saved_through_a_context_that_resolves_fail_token_encryption()
    {
        using var repository = TempRepository.Create();
        repository.Write("src/AdobeSignOAuth.cs", GoodClient);
        repository.Write("src/TokenRepository.cs", TokenRepository(ef6Declared: true, encrypted: false));

        var run = CheckRun.Of(repository.Root, "adobe-sign");

        Assert.Contains("token-encryption", run.Ids("failed"));
        Assert.All(run.Evidence("token-encryption"), line => Assert.Contains(": CK2001 ", line, StringComparison.Ordinal));
    }
}
