using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

public class TlsValidationQueryTests
{
    [Theory]
    [InlineData("new Agent({ rejectUnauthorized: false })", "rejectUnauthorized: false")]
    [InlineData("o.rejectUnauthorized = false", "rejectUnauthorized = false")]
    [InlineData("env: { NODE_TLS_REJECT_UNAUTHORIZED: 0 }", "NODE_TLS_REJECT_UNAUTHORIZED: 0")]
    [InlineData("({ strictSSL: false })", "strictSSL: false")]
    [InlineData("({ rejectUnauthorized: !isProduction })", "")]
    [InlineData("({ rejectUnauthorized: false ? a : b })", "")]
    [InlineData("NODE_TLS_REJECT_UNAUTHORIZED = '1'", "")]
    public void Finds_disabled_validation(string text, string expected)
    {
        var findings = new List<JsFinding>();
        TlsValidationQuery.Find(JsSource.Parse(text, JsDialect.JavaScript), findings);
        Assert.Equal(expected, string.Join("|", findings.Select(f => f.Subject)));
    }
}
