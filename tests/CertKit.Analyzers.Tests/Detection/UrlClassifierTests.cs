using System.Collections.Immutable;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class UrlClassifierTests
{
    private static readonly ImmutableArray<string> NoAllowedHosts = ImmutableArray<string>.Empty;

    [Theory]
    [InlineData("https://api.venafi.cloud", "https://api.venafi.cloud", "api.venafi.cloud")]
    [InlineData("https://api.venafi.cloud/v1/certificaterequests", "https://api.venafi.cloud/v1/certificaterequests", "api.venafi.cloud")]
    [InlineData("https://auth.europe-west1.gcp.commercetools.com/oauth/token", "https://auth.europe-west1.gcp.commercetools.com/oauth/token", "auth.europe-west1.gcp.commercetools.com")]
    [InlineData("Base: https://api.na1.adobesign.com/api/rest/v6.", "https://api.na1.adobesign.com/api/rest/v6", "api.na1.adobesign.com")]
    [InlineData("wss://events.venafi.cloud:443/stream", "wss://events.venafi.cloud:443/stream", "events.venafi.cloud")]
    [InlineData("ws://10.0.4.12:8080", "ws://10.0.4.12:8080", "10.0.4.12")]
    [InlineData("ftp://files.partner.net/drop", "ftp://files.partner.net/drop", "files.partner.net")]
    [InlineData("HTTPS://API.VENAFI.CLOUD", "HTTPS://API.VENAFI.CLOUD", "api.venafi.cloud")]
    [InlineData("https://svc:pw@api.venafi.cloud/v1", "https://svc:pw@api.venafi.cloud/v1", "api.venafi.cloud")]
    [InlineData("https://[2001:db8::10]:8443/", "https://[2001:db8::10]:8443/", "[2001:db8::10]")]
    [InlineData("https://api.venafi.cloud/v1/certificates/{0}", "https://api.venafi.cloud/v1/certificates/{0}", "api.venafi.cloud")]
    public void Finds_urls_with_real_network_hosts(string text, string url, string host)
    {
        Assert.True(UrlClassifier.TryFindHardcodedUrl(text, 0, false, NoAllowedHosts, out var match));
        Assert.Equal(url, match.Url);
        Assert.Equal(host, match.Host);
        Assert.Equal(url, text.Substring(match.Start, match.Length));
        Assert.Equal(UrlHostKind.Network, match.HostKind);
    }

    [Theory]
    [InlineData("http://www.w3.org/2001/XMLSchema", UrlHostKind.XmlNamespace)]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope/", UrlHostKind.XmlNamespace)]
    [InlineData("http://schemas.microsoft.com/2003/10/Serialization/", UrlHostKind.XmlNamespace)]
    [InlineData("http://schemas.openxmlformats.org/wordprocessingml/2006/main", UrlHostKind.XmlNamespace)]
    [InlineData("http://tempuri.org/", UrlHostKind.XmlNamespace)]
    [InlineData("http://localhost:5000/callback", UrlHostKind.Loopback)]
    [InlineData("http://venafi.localhost/", UrlHostKind.Loopback)]
    [InlineData("http://127.0.0.1:8080", UrlHostKind.Loopback)]
    [InlineData("http://127.1.2.3", UrlHostKind.Loopback)]
    [InlineData("http://[::1]:8080/", UrlHostKind.Loopback)]
    [InlineData("http://host.docker.internal:8080", UrlHostKind.Loopback)]
    [InlineData("http://10.0.2.2:11632/", UrlHostKind.Loopback)]
    [InlineData("http://0.0.0.0:8080", UrlHostKind.Loopback)]
    [InlineData("http://+:80/", UrlHostKind.Loopback)]
    [InlineData("https://example.com/callback", UrlHostKind.Reserved)]
    [InlineData("https://api.example.org", UrlHostKind.Reserved)]
    [InlineData("https://shop.example.net", UrlHostKind.Reserved)]
    [InlineData("https://venafi.example", UrlHostKind.Reserved)]
    [InlineData("https://ct.test/oauth/token", UrlHostKind.Reserved)]
    [InlineData("http://jwt-server:9000/jwt/token", UrlHostKind.NonPublic)]
    [InlineData("https://merchant.return.url", UrlHostKind.NonPublic)]
    [InlineData("https://your_app_hostname.com", UrlHostKind.Templated)]
    [InlineData("https://shop_api.acme-payments.com/v1", UrlHostKind.NonPublic)]
    [InlineData("http://jwt_server:9000", UrlHostKind.NonPublic)]
    [InlineData("https://your-app-url.com", UrlHostKind.Templated)]
    [InlineData("https://your.domain.com/callback", UrlHostKind.Templated)]
    [InlineData("http://printer.local/status", UrlHostKind.NonPublic)]
    [InlineData("https://vault.corp.internal/v1/secret", UrlHostKind.NonPublic)]
    [InlineData("https://adobe.invalid", UrlHostKind.Reserved)]
    [InlineData("https://{0}/api/rest/v6", UrlHostKind.Templated)]
    [InlineData("https://${CTP_AUTH_HOST}/oauth/token", UrlHostKind.Templated)]
    [InlineData("https://%VENAFI_HOST%/v1", UrlHostKind.Templated)]
    [InlineData("https://{{host}}/v1", UrlHostKind.Templated)]
    [InlineData("https:///path", UrlHostKind.NoHost)]
    [InlineData("https://", UrlHostKind.NoHost)]
    public void Classifies_hosts_that_are_not_endpoints(string text, UrlHostKind kind)
    {
        Assert.True(UrlClassifier.TryFindUrl(text, 0, false, NoAllowedHosts, out var match));
        Assert.Equal(kind, match.HostKind);
        Assert.False(UrlClassifier.TryFindHardcodedUrl(text, 0, false, NoAllowedHosts, out _));
    }

    [Theory]
    [InlineData("/v1/certificates")]
    [InlineData("api/rest/v6/agreements")]
    [InlineData("mailto:support@venafi.com")]
    [InlineData("file:///etc/certkit/config.json")]
    [InlineData("git+https://github.com/certkit/certkit")]
    [InlineData("urn:ietf:params:oauth:grant-type:jwt-bearer")]
    [InlineData("api.venafi.cloud")]
    public void Ignores_relative_urls_paths_and_other_schemes(string text)
    {
        Assert.False(UrlClassifier.TryFindHardcodedUrl(text, 0, false, NoAllowedHosts, out _));
    }

    [Theory]
    [InlineData("https://api.", true, false)]
    [InlineData("https://api", true, false)]
    [InlineData("https://tenant-", true, false)]
    [InlineData("https://api.venafi.cloud", true, true)]
    [InlineData("https://api.io", false, true)]
    [InlineData("https://api", false, false)] // finished, but one label: not a public host (a compose service, an intranet name)
    public void A_host_that_runs_into_an_expression_may_be_unfinished(string fragment, bool continues, bool flagged)
    {
        Assert.Equal(flagged, UrlClassifier.TryFindHardcodedUrl(fragment, 0, continues, NoAllowedHosts, out _));
    }

    [Theory]
    [InlineData("api.venafi.cloud", "api.venafi.cloud", true)]
    [InlineData("API.Venafi.Cloud", "api.venafi.cloud", true)]
    [InlineData("api.eu.venafi.cloud", "*.venafi.cloud", true)]
    [InlineData("venafi.cloud", "*.venafi.cloud", false)]
    [InlineData("evilvenafi.cloud", "*.venafi.cloud", false)]
    [InlineData("api.venafi.cloud", "venafi.cloud", false)]
    public void Allowed_hosts_match_exactly_or_by_wildcard_suffix(string host, string allowed, bool expected)
    {
        Assert.Equal(expected, UrlClassifier.IsAllowedHost(host, [allowed]));
        Assert.Equal(expected ? UrlHostKind.Allowed : UrlHostKind.Network, UrlClassifier.ClassifyHost(host, [allowed]));
    }

    [Fact]
    public void Finds_every_url_in_a_text()
    {
        const string text = "token: https://auth.europe-west1.gcp.commercetools.com/oauth/token api: https://api.europe-west1.gcp.commercetools.com local: http://localhost";
        Assert.True(UrlClassifier.TryFindHardcodedUrl(text, 0, false, NoAllowedHosts, out var first));
        Assert.True(UrlClassifier.TryFindHardcodedUrl(text, first.End, false, NoAllowedHosts, out var second));
        Assert.False(UrlClassifier.TryFindHardcodedUrl(text, second.End, false, NoAllowedHosts, out _));
        Assert.Equal("auth.europe-west1.gcp.commercetools.com", first.Host);
        Assert.Equal("api.europe-west1.gcp.commercetools.com", second.Host);
    }

    [Theory]
    [InlineData("See https://docs.venafi.cloud for setup", true)]
    [InlineData("Create an API key first: https://docs.venafi.cloud/vaas/api-keys", true)]
    [InlineData("https://api.venafi.cloud", false)]
    [InlineData("GET https://api.venafi.cloud/v1/certificates", false)]
    [InlineData("https://api.venafi.cloud;https://api.venafi.eu", false)]
    [InlineData("Endpoint=https://ct.servicebus.windows.net/;SharedAccessKeyName=send", false)]
    public void Prose_is_told_apart_from_values(string text, bool prose)
    {
        Assert.Equal(prose, UrlClassifier.IsProse(text));
    }

    [Fact]
    public void Text_without_a_scheme_separator_is_rejected_by_the_pre_filter()
    {
        Assert.False(UrlClassifier.MayContainUrl("api.venafi.cloud/v1"));
        Assert.True(UrlClassifier.MayContainUrl("https://api.venafi.cloud"));
    }

    [Theory]
    [InlineData("<a href=\"https://www.venafi.com/privacy\">", 9, true)]
    [InlineData("<img src='https://assets.venafi.com/logo.png' />", 10, true)]
    [InlineData("<Link to={'https://docs.venafi.com'}>", 11, true)]
    [InlineData("- [Release](https://github.com/venafi/connector/releases)", 12, true)]
    [InlineData("url = \"https://api.venafi.cloud\"", 7, false)]
    [InlineData("GetAsync(\"https://api.venafi.cloud\")", 10, false)]
    [InlineData("(https://api.venafi.cloud)", 1, false)]
    public void A_link_target_in_markup_is_recognised(string text, int urlStart, bool expected) =>
        Assert.Equal(expected, UrlClassifier.IsLinkTarget(text, urlStart));

    [Theory]
    [InlineData("de: https://github.com/a & https://github.com/b", true)]
    [InlineData(": https://github.com/a\n0: https://github.com/b", true)]
    [InlineData("https://api.venafi.cloud;https://api.venafi.eu", false)]
    [InlineData("https://api.venafi.cloud https://api.venafi.eu", false)]
    [InlineData("https://web.archive.org/save/https://api.venafi.cloud", false)]
    [InlineData("see https://docs.venafi.cloud", false)]
    public void A_text_with_several_urls_among_words_is_text(string text, bool expected) =>
        Assert.Equal(expected, UrlClassifier.IsTextWithSeveralUrls(text));
}
