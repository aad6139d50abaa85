using System.Collections.Immutable;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class SensitiveNamesTests
{
    [Theory]
    [InlineData("accessToken", true, SensitiveNameKind.Secret)]
    [InlineData("refresh_token", true, SensitiveNameKind.Secret)]
    [InlineData("_apiKey", true, SensitiveNameKind.Secret)]
    [InlineData("Venafi:ApiKey", true, SensitiveNameKind.Secret)]
    [InlineData("VENAFI_API_KEY", true, SensitiveNameKind.Secret)]
    [InlineData("token", true, SensitiveNameKind.Secret)]
    [InlineData("token", false, SensitiveNameKind.Unknown)]
    [InlineData("tokenUrl", true, SensitiveNameKind.Unknown)]
    [InlineData("ApiKeyHeaderName", true, SensitiveNameKind.Unknown)]
    [InlineData("encryptedRefreshToken", true, SensitiveNameKind.Protected)]
    [InlineData("protectedToken", true, SensitiveNameKind.Protected)]
    [InlineData("apiKeyHash", true, SensitiveNameKind.Protected)]
    [InlineData("passwordHash", true, SensitiveNameKind.Protected)]
    [InlineData("connectionString", true, SensitiveNameKind.ConnectionString)]
    [InlineData("ConnectionStrings:Default", true, SensitiveNameKind.ConnectionString)]
    [InlineData("connStr", true, SensitiveNameKind.ConnectionString)]
    [InlineData("ConnectionStringName", true, SensitiveNameKind.Unknown)]
    [InlineData("requestId", true, SensitiveNameKind.Unknown)]
    [InlineData("", true, SensitiveNameKind.Unknown)]
    public void Classifies_names(string name, bool text, SensitiveNameKind expected)
    {
        Assert.Equal(expected, SensitiveNames.Classify(name, text, ImmutableArray<string>.Empty));
    }

    [Fact]
    public void Extra_keywords_mark_names_as_secrets()
    {
        Assert.Equal(SensitiveNameKind.Unknown, SensitiveNames.Classify("tpplValue", true, ImmutableArray<string>.Empty));
        Assert.Equal(SensitiveNameKind.Secret, SensitiveNames.Classify("tpplValue", true, ImmutableArray.Create("tppl")));
    }

    [Theory]
    [InlineData("EncryptToken", true)]
    [InlineData("Protect", true)]
    [InlineData("HashApiKey", true)]
    [InlineData("Redact", true)]
    [InlineData("MaskSecret", true)]
    [InlineData("Decrypt", false)]
    [InlineData("Send", false)]
    public void Recognises_protecting_method_names(string name, bool expected)
    {
        Assert.Equal(expected, SensitiveNames.SaysProtected(name));
    }

    [Theory]
    [InlineData("Seal", "Acme.TokenVault", "TokenVault", "Seal", true)]
    [InlineData("TokenVault.Seal", "Acme.TokenVault", "TokenVault", "Seal", true)]
    [InlineData("Acme.TokenVault.Seal", "Acme.TokenVault", "TokenVault", "Seal", true)]
    [InlineData("OtherVault.Seal", "Acme.TokenVault", "TokenVault", "Seal", false)]
    [InlineData("TokenVault.SealAll", "Acme.TokenVault", "TokenVault", "Seal", false)]
    public void Matches_configured_protectors(string entry, string typeFullName, string typeName, string method, bool expected)
    {
        Assert.Equal(expected, SensitiveNames.MatchesProtector(ImmutableArray.Create(entry), typeFullName, typeName, method));
    }
}
