using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class AdobeSignShardHostsTests
{
    [Theory]
    [InlineData("https://api.na1.adobesign.com/api/rest/v6", "api.na1.adobesign.com", 8)]
    [InlineData("secure.eu1.echosign.com", "secure.eu1.echosign.com", 0)]
    [InlineData("host=api.na4.adobesign.com;", "api.na4.adobesign.com", 5)]
    [InlineData("x.api.in1.adobesign.com", "x.api.in1.adobesign.com", 0)]
    [InlineData("https://api.au12.adobesign.com.", "api.au12.adobesign.com", 8)]
    [InlineData("https://secure.na1.adobesign.us/api/rest/v6", "secure.na1.adobesign.us", 8)]
    [InlineData("API.NA1.AdobeSign.US", "api.na1.adobesign.us", 0)]
    [InlineData("https://api.na2.echosign.com/api/rest/v5", "api.na2.echosign.com", 8)]
    public void Finds_shard_hosts(string text, string host, int start)
    {
        Assert.True(AdobeSignShardHosts.TryFind(text, 0, out var match));
        Assert.Equal(host, match.Host);
        Assert.Equal(start, match.Start);
    }

    [Theory]
    [InlineData("https://api.echosign.com/api/rest/v6/baseUris")]
    [InlineData("https://secure.adobesign.com/public/oauth/v2")]
    [InlineData("https://api.n1.adobesign.com")]
    [InlineData("https://api.na.adobesign.com")]
    [InlineData("https://api.na1.docusign.com")]
    [InlineData("https://api.na1.adobesign.company")]
    [InlineData(".na1.adobesign.com")]
    [InlineData("sign.com")]
    [InlineData("https://secure.adobesign.us/public/oauth/v2")]
    [InlineData("https://api.na1.echosign.us")]
    [InlineData("https://api.na1.adobesign.used.example")]
    [InlineData("https://sign.us.example.com")]
    [InlineData("")]
    public void Ignores_other_hosts(string text) => Assert.False(AdobeSignShardHosts.TryFind(text, 0, out _));
}
