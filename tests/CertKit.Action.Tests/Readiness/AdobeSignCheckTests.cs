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

        Assert.Equal(["token-encryption", "app-secret", "oauth-redirect-https", "oauth-state", "api-access-point", "oauth-scopes", "tls"], run.Ids("passed"));
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
}
