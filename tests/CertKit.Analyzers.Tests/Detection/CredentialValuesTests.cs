using System.Collections.Immutable;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class CredentialValuesTests
{
    [Theory]
    [InlineData("3AAABLblqZhC8xYz")]
    [InlineData("9fQ2xL7vR4wT8kM3pZ6b")]
    public void A_token_of_mixed_characters_is_a_hardcoded_secret(string value) =>
        Assert.True(CredentialValues.IsHardcodedSecret(CredentialNameKind.BareToken, value, "token", ImmutableArray<string>.Empty));

    [Theory]
    [InlineData("theme-music")]
    [InlineData("-trailer")]
    [InlineData("_trailer")]
    [InlineData("Behind-The-Scenes")]
    public void Words_given_to_a_bare_token_are_not(string value) =>
        Assert.False(CredentialValues.IsHardcodedSecret(CredentialNameKind.BareToken, value, "token", ImmutableArray<string>.Empty));

    [Theory]
    [InlineData("9fQ2xL7vR4wT8kM3pZ6b", true)]
    [InlineData("theme-music", false)]
    [InlineData("x264-Hi10P", false)]
    [InlineData("S01E02", false)]
    [InlineData("Pr0d#Sync24", false)]
    public void A_credential_by_shape_alone_is_a_known_format_or_a_generated_string(string value, bool credential) =>
        Assert.Equal(credential, CredentialValues.LooksLikeCredential(value));
}
