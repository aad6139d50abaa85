using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Rules.JavaScript.ScriptAnalyzerTest<CertKit.Analyzers.Rules.JavaScript.CK3002SensitiveDataInLogsScriptAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

public class CK3002SensitiveDataInLogsScriptTests
{
    [Fact]
    public async Task Tokens_secrets_and_card_data_to_console_and_loggers_are_flagged()
    {
        await Verify.VerifyAsync(("/processor/src/webhook.ts", """
            export async function onNotification(request, reply, payment) {
              console.log('card', {|CK3002:payment.cardLast4|}, payment.cardBrand, payment.id);
              request.log.info({ {|CK3002:accessToken|}: tokens.access_token, orderId: order.id });
              this.logger.debug(`refreshing ${{|CK3002:refreshToken|}}`);
              logger.error('client secret was', {|CK3002:config.clientSecret|});
              fastify.log.warn({|CK3002:apiKey|});
              appLogger.info({ {|CK3002:password|} });
            }
            """));
    }

    [Fact]
    public async Task Presence_checks_masking_literals_and_non_loggers_are_not_flagged()
    {
        await Verify.VerifyAsync(("/processor/src/auth.js", """
            console.log('access token refreshed');
            logger.info('token present', !!accessToken, typeof apiKey, token ? 'set' : 'missing');
            logger.info({ tokenLength: accessToken.length, token: mask(accessToken), password: '***' });
            logger.debug(redact(clientSecret), hasPassword(user));
            tokens.push(accessToken); res.send(accessToken); store.set('token', accessToken);
            // logger.info(accessToken)
            """));
    }

    [Fact]
    public async Task The_message_names_the_value_and_the_logger()
    {
        var test = Verify.Create(("/src/index.js", "logger.info(user.password);\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CK3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/src/index.js", 1, 13, 1, 26)
            .WithArguments("user.password", "logger.info"));
        await test.RunAsync();
    }
}
