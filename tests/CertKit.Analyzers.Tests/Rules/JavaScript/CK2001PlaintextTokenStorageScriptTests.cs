using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Rules.JavaScript.ScriptAnalyzerTest<CertKit.Analyzers.Rules.JavaScript.CK2001PlaintextTokenStorageScriptAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

public class CK2001PlaintextTokenStorageScriptTests
{
    [Fact]
    public async Task Tokens_in_web_storage_cookies_and_files_are_flagged()
    {
        await Verify.VerifyAsync(("/enabler/src/session.ts", """
            export function remember(tokens, session) {
              {|CK2001:localStorage.setItem('access_token', tokens.access_token)|};
              {|CK2001:window.sessionStorage.setItem(key, session.refreshToken)|};
              {|CK2001:localStorage.apiKey = config.apiKey|};
              {|CK2001:document.cookie = `auth_token=${tokens.idToken}; path=/`|};
              {|CK2001:fs.writeFileSync('.tokens.json', JSON.stringify(refreshToken))|};
              await {|CK2001:fs.promises.writeFile(path, clientSecret)|};
            }
            """));
    }

    [Fact]
    public async Task Encrypted_values_and_other_data_are_not_flagged()
    {
        await Verify.VerifyAsync(("/enabler/src/prefs.js", """
            localStorage.setItem('theme', theme);
            localStorage.setItem('token', encrypt(token));
            sessionStorage.setItem('cart', JSON.stringify(cart));
            document.cookie = `locale=${locale}; path=/`;
            fs.writeFileSync('out.json', JSON.stringify(report));
            // localStorage.setItem('token', token);
            """));
    }

    [Fact]
    public async Task The_message_names_the_value_and_the_store()
    {
        var test = Verify.Create(("/src/index.js", "localStorage.setItem('refreshToken', t);\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CK2001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/src/index.js", 1, 1, 1, 40)
            .WithArguments("refreshToken", "localStorage"));
        await test.RunAsync();
    }
}
