using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class CredentialSinkNamesTests
{
    [Theory]
    [InlineData("token", true)]
    [InlineData("Tokens", true)]
    [InlineData("key", true)]
    [InlineData("secret", true)]
    [InlineData("accessToken", false)]
    [InlineData("apiKey", false)]
    [InlineData("password", false)]
    public void A_bare_sink_name_is_one_word_that_also_names_non_credentials(string name, bool bare) =>
        Assert.Equal(bare, CredentialSinkNames.IsBareSinkName(name));

    [Theory]
    [InlineData("LoginAsync", "DiscordClient", "Discord.Rest")]
    [InlineData(null, "TelegramBotClient", "Telegram.Bot")]
    [InlineData(null, "Credentials", "Octokit")]
    [InlineData("Use", "Handler", "Acme.Auth")]
    [InlineData("SignInAsync", "Portal", "Acme")]
    [InlineData(null, "OAuthSettings", null)]
    public void An_api_whose_names_say_it_authenticates_or_calls_a_service_is_about_authentication(string? method, string? type, string? ns) =>
        Assert.True(CredentialSinkNames.IsAuthenticationApi(method, type, ns));

    [Theory]
    [InlineData(null, "ExtraRule", "Emby.Naming.Video")]
    [InlineData("Accept", "Lexer", "Acme.Parsing")]
    [InlineData("Next", "PageCursor", "Acme.Paging")]
    [InlineData("GetOrAdd", "MemoryCache", "Acme.Caching")]
    [InlineData(null, null, null)]
    public void Naming_rules_lexers_pagination_and_caches_are_not(string? method, string? type, string? ns) =>
        Assert.False(CredentialSinkNames.IsAuthenticationApi(method, type, ns));
}
