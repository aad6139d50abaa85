using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class CredentialNamesTests
{
    [Theory]
    [InlineData("clientSecret", new[] { "client", "secret" })]
    [InlineData("CLIENT_SECRET", new[] { "client", "secret" })]
    [InlineData("tppl-api-key", new[] { "tppl", "api", "key" })]
    [InlineData("Auth:ClientSecret", new[] { "auth", "client", "secret" })]
    [InlineData("XMLHttpRequest", new[] { "xml", "http", "request" })]
    [InlineData("apiKey2", new[] { "api", "key", "2" })]
    [InlineData("", new string[0])]
    public void Splits_identifiers_into_lower_case_words(string identifier, string[] expected)
    {
        Assert.Equal(expected, IdentifierWords.Split(identifier));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("Passwd")]
    [InlineData("dbPwd")]
    [InlineData("clientSecret")]
    [InlineData("client_secret")]
    [InlineData("ApiKey")]
    [InlineData("apikey")]
    [InlineData("tppl-api-key")]
    [InlineData("AccessToken")]
    [InlineData("refresh_token")]
    [InlineData("BearerToken")]
    [InlineData("PrivateKey")]
    [InlineData("IntegrationKey")]
    [InlineData("SecretKey")]
    [InlineData("credentials")]
    [InlineData("OAuthToken")]
    [InlineData("passPhrase")]
    public void Credential_names(string name)
    {
        Assert.Equal(CredentialNameKind.Credential, CredentialNames.Classify(name));
    }

    [Theory]
    [InlineData("PasswordFieldName")]
    [InlineData("ApiKeyHeaderName")]
    [InlineData("SecretNameInVault")]
    [InlineData("TokenUrl")]
    [InlineData("AccessTokenEndpoint")]
    [InlineData("PasswordPrompt")]
    [InlineData("MinPasswordLength")]
    [InlineData("IsPasswordValid")]
    [InlineData("ClientSecretPath")]
    [InlineData("ApiKeyEnvVar")]
    [InlineData("AuthScheme")]
    [InlineData("authFlow")]
    public void Names_about_credentials(string name)
    {
        Assert.Equal(CredentialNameKind.AboutCredential, CredentialNames.Classify(name));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("cancellationToken")]
    public void Bare_token_is_its_own_kind(string name)
    {
        Assert.Equal(CredentialNameKind.BareToken, CredentialNames.Classify(name));
    }

    [Theory]
    [InlineData("clientId")]
    [InlineData("baseUrl")]
    [InlineData("keyboard")]
    [InlineData("monkey")]
    [InlineData("spinner")]
    [InlineData("author")]
    [InlineData("PublicKeyToken")]
    [InlineData("publicKey")]
    public void Not_credentials(string name)
    {
        Assert.Equal(CredentialNameKind.None, CredentialNames.Classify(name));
    }

    [Fact]
    public void Extra_keywords_from_configuration_count()
    {
        Assert.Equal(CredentialNameKind.Credential, CredentialNames.Classify("venafiZone", ["zone"]));
    }
}
