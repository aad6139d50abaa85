using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class UrlNamesTests
{
    [Theory]
    [InlineData("Scope")]
    [InlineData("ValidIssuers")]
    [InlineData("audience")]
    [InlineData("SchemaId")]
    [InlineData("Id")]
    [InlineData("HelpLink")]
    [InlineData("Links")]
    [InlineData("ServiceLink")]
    [InlineData("HomePageUrl")]
    [InlineData("ChangeLogUrl")]
    [InlineData("PrivacyPolicyUrl")]
    [InlineData("ExternalUrls")]
    [InlineData("ImdbExternalUrlProvider")]
    [InlineData("aka_ms_link")]
    public void Names_of_identifiers_links_and_pages_are_not_endpoints(string name) => Assert.True(UrlNames.IsNotEndpointName(name));

    [Theory]
    [InlineData("BaseUrl")]
    [InlineData("IdentityUrl")]
    [InlineData("TokenEndpoint")]
    [InlineData("LinkedInApi")]
    [InlineData("ApiBaseUrl")]
    [InlineData("SendGridApiHost")]
    [InlineData("DefaultServer")]
    [InlineData("")]
    public void Names_of_endpoints_are_endpoints(string name) => Assert.False(UrlNames.IsNotEndpointName(name));

    [Theory]
    [InlineData("SalesAssistedTrialInvitationEmailView", true)]
    [InlineData("WelcomeMailViewModel", true)]
    [InlineData("MailSettings", false)]
    [InlineData("InvoiceViewModel", false)]
    public void An_e_mail_view_model_holds_the_message_links(string name, bool expected) => Assert.Equal(expected, UrlNames.IsMessageViewName(name));
}
