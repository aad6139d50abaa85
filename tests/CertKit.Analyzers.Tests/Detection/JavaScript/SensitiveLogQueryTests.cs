using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

public class SensitiveLogQueryTests
{
    [Theory]
    [InlineData("console.log", true)]
    [InlineData("logger.info", true)]
    [InlineData("this.logger.error", true)]
    [InlineData("request.log.warn", true)]
    [InlineData("fastify.log.debug", true)]
    [InlineData("this._logger.trace", true)]
    [InlineData("auditLog.info", true)]
    [InlineData("pino.fatal", true)]
    [InlineData("catalog.info", false)]
    [InlineData("Math.log", false)]
    [InlineData("log", false)]
    [InlineData(".info", false)]
    public void Logger_calls_by_callee(string callee, bool expected) => Assert.Equal(expected, SensitiveLogQuery.IsLoggerCall(callee));

    [Theory]
    [InlineData("cardLast4", true)]
    [InlineData("card_number", true)]
    [InlineData("cvc", true)]
    [InlineData("lastFourDigits", true)]
    [InlineData("cardNumberLength", false)]
    [InlineData("cardBrand", false)]
    [InlineData("paymentId", false)]
    [InlineData("panel", false)]
    public void Payment_card_data_by_name(string name, bool expected) => Assert.Equal(expected, SensitiveValueNames.IsPaymentCardData(name));

    [Fact]
    public void Reports_the_member_chain_that_holds_the_value()
    {
        const string text = "logger.info(`paid with ${payment.method.cardLast4} for ${order.id}`, { idToken: t.id_token });";
        var findings = new List<JsFinding>();
        SensitiveLogQuery.Find(JsSource.Parse(text, JsDialect.TypeScript), ImmutableArray<string>.Empty, findings);
        Assert.Equal(["payment.method.cardLast4", "idToken"], findings.Select(f => f.Subject));
        Assert.All(findings, f => Assert.Equal("logger.info", f.Target));
    }
}
