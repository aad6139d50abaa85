using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

public class TokenStorageQueryTests
{
    [Theory]
    [InlineData("localStorage.setItem('jwt', accessToken)", "accessToken>localStorage")]
    [InlineData("localStorage['access_token'] = t", "access_token>localStorage")]
    [InlineData("globalThis.localStorage?.setItem('access_token', token)", "access_token>localStorage")]
    [InlineData("document.cookie = 'session_token=' + token + '; Secure'", "session_token>document.cookie")]
    [InlineData("writeFileSync(file, tokens.refresh_token)", "tokens.refresh_token>a file")]
    [InlineData("localStorage.setItem('token', encryptToken(t))", "")]
    [InlineData("localStorage.setItem('lang', lang)", "")]
    [InlineData("stream.writeFile(f, token)", "")]
    public void Finds_tokens_stored_as_they_are(string text, string expected)
    {
        var findings = new List<JsFinding>();
        TokenStorageQuery.Find(JsSource.Parse(text, JsDialect.JavaScript), ImmutableArray<string>.Empty, findings);
        Assert.Equal(expected, string.Join("|", findings.Select(f => f.Subject + ">" + f.Target)));
    }
}
