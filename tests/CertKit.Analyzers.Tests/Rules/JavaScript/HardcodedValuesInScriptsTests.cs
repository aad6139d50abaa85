using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Detection;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

/// <summary>CK1001–CK1004 on JS/TS read through the shared reader: code and its literals count, comments and JSX text do not.</summary>
public class HardcodedValuesInScriptsTests
{
    [Fact]
    public async Task Urls_and_credentials_in_code_are_flagged_and_in_comments_regexes_and_jsx_text_not()
    {
        await ScriptAnalyzerTest<HardcodedValuesInFilesAnalyzer>.VerifyAsync(("/processor/src/client.tsx", """
            // Docs: https://docs.payments-provider.com/api/v2
            /* const legacy = 'https://legacy.payments-provider.com'; */
            const base = '{|CK1001:https://api.payments-provider.com/v2|}'; // see https://status.payments-provider.com
            const clientSecret = '{|CK1002:q8Fz2LmR7vXc9PwT|}';
            // const clientSecret = 'Zk3v9TqLw2Xp8RmN';
            const isUrl = /https:\/\/checkout\.payments-provider\.com/;
            export const Help = () => <p>Open https://dashboard.payments-provider.com to find your key</p>;
            """));
    }

    [Fact]
    public async Task A_secret_in_a_comment_is_still_a_leaked_secret()
    {
        var token = FakeSecrets.GitHub('p');
        await ScriptAnalyzerTest<HardcodedValuesInFilesAnalyzer>.VerifyAsync(("/src/index.js", "// old token: {|CK1003:" + token + "|}\nexport {};\n"));
    }

    [Fact]
    public async Task An_adobe_sign_shard_in_code_is_flagged_and_in_a_comment_not()
    {
        await ScriptAnalyzerTest<CK1004HardcodedAdobeSignShardAnalyzer>.VerifyAsync(("/src/sign.ts", """
            // e.g. https://api.na1.adobesign.com
            const api = 'https://{|CK1004:api.eu1.adobesign.com|}/api/rest/v6';
            """));
    }

    [Fact]
    public async Task In_a_test_file_only_a_secret_by_content_counts()
    {
        var token = FakeSecrets.GitHub('p');
        await ScriptAnalyzerTest<HardcodedValuesInFilesAnalyzer>.VerifyAsync(("/processor/test/client.spec.ts",
            "const base = 'https://api.payments-provider.com/v2';\nconst clientSecret = 'q8Fz2LmR7vXc9PwT';\nconst leaked = '{|CK1003:" + token + "|}';\n"));
    }
}
