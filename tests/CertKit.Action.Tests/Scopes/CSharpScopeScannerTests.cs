using CertKit.Action.Scopes;

namespace CertKit.Action.Tests.Scopes;

public class CSharpScopeScannerTests
{
    [Fact]
    public void Finds_scopes_in_string_literals_and_adds_the_default_modifier()
    {
        const string source = """
            public sealed class AdobeSignOAuth
            {
                private const string Scopes = "user_read:account agreement_write:self agreement_send";
            }
            """;

        Assert.Equal(["agreement_send:self", "agreement_write:self", "user_read:account"], CSharpScopeScanner.Scan(source));
    }

    [Fact]
    public void The_x_api_user_header_is_listed_as_a_permission_beside_the_scopes()
    {
        const string source = """
            request.Headers.Add("X-Api-User", "email:" + adminEmail);
            var scopes = "agreement_read:account";
            // "x-api-user" in a comment is not sent
            """;
        const string without = """
            var scopes = "agreement_read:account";
            // request.Headers.Add("x-api-user", user);
            """;

        Assert.Equal(["agreement_read:account", "x-api-user"], CSharpScopeScanner.Scan(source));
        Assert.Equal(["agreement_read:account"], CSharpScopeScanner.Scan(without));
    }

    [Fact]
    public void Reads_every_token_of_a_scope_parameter_in_an_authorize_url()
    {
        const string source = """
            var url = "https://secure.na1.adobesign.com/public/oauth/v2?redirect_uri=https%3A%2F%2Fapp.example%2Fcb&response_type=code&client_id=" + clientId
                + "&scope=user_login:self+agreement_read:account%20library_read:group+future_scope";
            """;

        Assert.Equal(["agreement_read:account", "future_scope:self", "library_read:group", "user_login:self"], CSharpScopeScanner.Scan(source));
    }

    [Fact]
    public void Skips_comments_identifiers_and_char_literals()
    {
        const string source = """
            // "webhook_read:account" was requested by the old version
            /* "widget_write:account" too */
            var user_read = '"';
            var agreement_read = Read("workflow_read:self");
            """;

        Assert.Equal(["workflow_read:self"], CSharpScopeScanner.Scan(source));
    }

    [Fact]
    public void Reads_verbatim_interpolated_and_raw_literals()
    {
        const string source = "var a = @\"user_read:account \"\"quoted\"\"\";\n" +
                              "var b = $\"agreement_send:group {x}\";\n" +
                              "var c = \"\"\"\n  library_write:account\n  \"\"\";\n" +
                              "var d = \"escaped \\\" webhook_write:self\";";

        Assert.Equal(["agreement_send:group", "library_write:account", "user_read:account", "webhook_write:self"], CSharpScopeScanner.Scan(source));
    }

    [Fact]
    public void Half_typed_code_does_not_throw()
    {
        Assert.Equal(["user_read:self"], CSharpScopeScanner.Scan("var s = \"user_read"));
        Assert.Empty(CSharpScopeScanner.Scan("/* unterminated \"user_read\""));
        Assert.Empty(CSharpScopeScanner.Scan("var c = '"));
        Assert.Equal(["agreement_read:self"], CSharpScopeScanner.Scan("var r = \"\"\"agreement_read"));
    }

    [Fact]
    public void Ignores_words_that_only_look_like_scopes()
    {
        Assert.Empty(CSharpScopeScanner.Scan("var s = \"superuser_read_only and user_reader:account and user_read:elsewhere\";"));
    }
}
