using System.Collections.Immutable;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class PlaceholdersTests
{
    private static readonly ImmutableArray<string> None = ImmutableArray<string>.Empty;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("changeme")]
    [InlineData("CHANGE_ME")]
    [InlineData("<your-api-key>")]
    [InlineData("YOUR_API_KEY_HERE")]
    [InlineData("your-client-secret")]
    [InlineData("${CTP_CLIENT_SECRET}")]
    [InlineData("{{adobe_sign_client_secret}}")]
    [InlineData("%VENAFI_API_KEY%")]
    [InlineData("$(VenafiApiKey)")]
    [InlineData("#{Venafi.ApiKey}")]
    [InlineData("$VENAFI_API_KEY")]
    [InlineData("{0}")]
    [InlineData("[insert key]")]
    [InlineData("****")]
    [InlineData("********")]
    [InlineData("xxx")]
    [InlineData("XXXX-XXXX-XXXX")]
    [InlineData("dummy")]
    [InlineData("dummy-secret-123")]
    [InlineData("test")]
    [InlineData("Test123")]
    [InlineData("example")]
    [InlineData("sample_token")]
    [InlineData("fake-api-key")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://certkit.vault.azure.net/secrets/venafi)")]
    [InlineData("TODO")]
    [InlineData("&lt;token&gt;")]
    [InlineData("$remote_path")]
    [InlineData("$1")]
    [InlineData("$(grep -oP 'MSSQL_SA_PASSWORD=[")]
    [InlineData("your_client_secret_here")]
    [InlineData("test-secret")]
    [InlineData("Testing 123")]
    public void Placeholders_without_a_name(string value)
    {
        Assert.True(Placeholders.IsPlaceholder(value, null, None));
    }

    [Theory]
    [InlineData("password", "Password")]
    [InlineData("client_secret", "clientSecret")]
    [InlineData("secret", "ClientSecret")]
    [InlineData("my-client-secret", "clientSecret")]
    [InlineData("VENAFI_API_KEY", "apiKey")]
    [InlineData("tppl-api-key", "ApiKey")]
    public void A_value_equal_to_or_containing_its_own_name(string value, string name)
    {
        Assert.True(Placeholders.IsPlaceholder(value, name, None));
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("S3cr3t!Pass")]
    [InlineData("P@ssw0rd2024")]
    [InlineData("8c1f4e2a9b7d4f0e")]
    [InlineData("$ecretPass")]
    [InlineData("TestOnlyP@ss123")]
    [InlineData("Sample2024!")]
    [InlineData("Testing#Prod7")]
    [InlineData("fake!Pass99")]
    [InlineData("3f9a1c2e-77b4-4c1e-9a0e-5d2f6b8c9e10")]
    [InlineData("Pa$$W0RD-2024")]
    [InlineData("abc$XYZ9q")]
    [InlineData("100%OFF%now")]
    public void Real_looking_values_are_not_placeholders(string value)
    {
        Assert.False(Placeholders.IsPlaceholder(value, "clientSecret", None));
    }

    [Theory]
    [InlineData("$ACCESS_TOKEN\")")]
    [InlineData("token=$access_token;")]
    [InlineData("pre-${DB_PASSWORD}-post")]
    [InlineData("x-$(cat /run/secrets/key)")]
    [InlineData("Bearer {{ .Values.token }}")]
    [InlineData("pre-%DB_PASSWORD%")]
    public void A_shell_or_template_reference_anywhere_in_the_value_is_not_a_secret(string value)
    {
        Assert.True(Placeholders.ContainsTemplateReference(value));
        Assert.True(Placeholders.IsPlaceholder(value, "accessToken", None));
    }

    [Theory]
    [InlineData("local-dev-*", "local-dev-venafi", true)]
    [InlineData("LOCAL-DEV-*", "local-dev-venafi", true)]
    [InlineData("*-sandbox", "adobe-sandbox", true)]
    [InlineData("ct_*_key", "ct_demo_key", true)]
    [InlineData("local-dev-*", "prod-venafi", false)]
    [InlineData("sandbox", "sandbox-2", false)]
    public void Configured_patterns_match_with_wildcards(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Placeholders.IsPlaceholder(value, "apiKey", [pattern]));
    }
}
