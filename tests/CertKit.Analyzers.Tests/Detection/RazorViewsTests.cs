using System.Collections.Generic;
using System.Linq;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class RazorViewsTests
{
    [Theory]
    [InlineData("<p>@Model.AccessToken</p>", "Model.AccessToken")]
    [InlineData("<script>var token = '@Model.Tokens.RefreshToken';</script>", "Model.Tokens.RefreshToken")]
    [InlineData("<span>@ViewBag.ApiKey</span>", "ViewBag.ApiKey")]
    [InlineData("<span>@ViewData[\"ClientSecret\"]</span>", "ViewData[\"ClientSecret\"]")]
    [InlineData("<span>@(Model.AccessToken)</span>", "Model.AccessToken")]
    [InlineData("@Html.Raw(Model.ClientSecret)", "Model.ClientSecret")]
    [InlineData("<input type=\"hidden\" value=\"@Model.Password\" />", "Model.Password")]
    public void A_credential_named_member_rendered_into_the_page_is_found(string view, string expression)
    {
        var found = Find(view);
        Assert.Equal(new[] { expression }, found.Select(f => f.Expression));
        Assert.Equal(expression, view.Substring(found[0].Start, found[0].Length));
    }

    [Theory]
    [InlineData("<p>@Model.UserName</p>")]
    [InlineData("<p>@Model.Token</p>")]
    [InlineData("@Html.AntiForgeryToken()")]
    [InlineData("<p>@Model.GetAccessToken()</p>")]
    [InlineData("@* @Model.AccessToken *@")]
    [InlineData("<p>@@Model.AccessToken</p>")]
    [InlineData("<p>mail support@Model.AccessToken</p>")]
    [InlineData("<p>@Model.AccessTokenExpiresAt</p>")]
    [InlineData("@if (Model.HasApiKey) { <p>configured</p> }")]
    [InlineData("<p>@Model.AccessToken.Length</p>")]
    [InlineData("<input value=\"@Model.RandomLicenseKey\" readonly />")]
    public void Other_values_are_not(string view) => Assert.Empty(Find(view));

    private static List<RenderedValue> Find(string view)
    {
        var found = new List<RenderedValue>();
        RazorViews.FindRenderedCredentials(view, found);
        return found;
    }
}
