using Verify = CertKit.Analyzers.Tests.Rules.JavaScript.ScriptAnalyzerTest<CertKit.Analyzers.Rules.JavaScript.CK4001TlsValidationDisabledScriptAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

public class CK4001TlsValidationDisabledScriptTests
{
    [Fact]
    public async Task Disabled_certificate_validation_is_flagged()
    {
        await Verify.VerifyAsync(("/processor/src/client.ts", """
            import https from 'node:https';
            const agent = new https.Agent({ {|CK4001:rejectUnauthorized: false|} });
            const client = axios.create({ httpsAgent: new https.Agent({ keepAlive: true, {|CK4001:'rejectUnauthorized': false|} }) });
            process.env.{|CK4001:NODE_TLS_REJECT_UNAUTHORIZED = '0'|};
            process.env[{|CK4001:'NODE_TLS_REJECT_UNAUTHORIZED'] = "0"|};
            request({ url, {|CK4001:strictSSL: false|} });
            tlsOptions.{|CK4001:rejectUnauthorized = false|};
            """));
    }

    [Fact]
    public async Task Validation_kept_or_decided_at_run_time_is_not_flagged()
    {
        await Verify.VerifyAsync(("/processor/src/client.js", """
            const a = new https.Agent({ rejectUnauthorized: true });
            const b = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });
            const c = { rejectUnauthorized: false || strict };
            process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
            // process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
            const doc = "set rejectUnauthorized: false only locally";
            """));
    }
}
