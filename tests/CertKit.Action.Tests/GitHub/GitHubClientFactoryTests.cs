using CertKit.Action.GitHub;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.TestServer;

namespace CertKit.Action.Tests.GitHub;

public sealed class GitHubClientFactoryTests
{
    [Theory]
    [InlineData(null, "https://api.github.com/")]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/")]
    [InlineData("https://api.acme.ghe.com/", "https://api.acme.ghe.com/")]
    public void Keeps_the_api_address_as_given_with_a_trailing_slash(string? apiUrl, string expected) =>
        Assert.Equal(expected, GitHubClientFactory.BaseAddress(apiUrl).ToString());

    [Fact]
    public void Rejects_an_address_that_is_not_http()
    {
        var error = Assert.Throws<ActionInputException>(() => GitHubClientFactory.BaseAddress("ftp://example.com"));

        Assert.Equal("GITHUB_API_URL 'ftp://example.com' is not an http(s) address.", error.Message);
    }

    [Theory]
    [InlineData("/api/v3")]
    [InlineData("/custom/prefix")]
    [InlineData("")]
    public async Task Requests_go_to_the_path_of_GITHUB_API_URL_not_to_a_rewritten_one(string prefix)
    {
        await using var server = await GitHubTestServer.StartAsync(prefix);
        server.AddRepository("acme/certifications");
        var harness = new GitHubHarness(server);

        var repository = await harness.Client.Repository.Get("acme", "certifications");

        Assert.Equal("acme/certifications", repository.FullName);
        Assert.Equal($"{prefix}/repos/acme/certifications", Assert.Single(server.Requests).Path);
    }
}
