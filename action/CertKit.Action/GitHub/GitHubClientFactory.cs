using System.Reflection;
using Octokit;
using Octokit.Internal;

namespace CertKit.Action.GitHub;

/// <summary>
/// Builds the Octokit client for the API the runner names in <c>GITHUB_API_URL</c>: github.com
/// (<c>https://api.github.com</c>), GitHub Enterprise Server (<c>https://HOST/api/v3</c>) or GHE.com
/// (<c>https://api.SUBDOMAIN.ghe.com</c>). The <see cref="Connection"/> is built here with the address as given,
/// because <c>new GitHubClient(product, uri)</c> rewrites any non-github.com address to <c>/api/v3/</c>, which is
/// wrong for GHE.com. Requests go through <see cref="RetryHandler"/>.
/// </summary>
public static class GitHubClientFactory
{
    public const string DefaultApiUrl = "https://api.github.com";

    public static GitHubClient Create(string? apiUrl, string token, RetryOptions options, Action<string> log)
    {
        var baseAddress = BaseAddress(apiUrl);
        var version = typeof(GitHubClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var product = new ProductHeaderValue("certkit-action", version.Split('+')[0]);
        var httpClient = new HttpClientAdapter(() => new RetryHandler(options, log) { InnerHandler = HttpMessageHandlerFactory.CreateDefault() });
        var credentials = string.IsNullOrEmpty(token) ? Credentials.Anonymous : new Credentials(token);
        var connection = new Connection(product, baseAddress, new InMemoryCredentialStore(credentials), httpClient, new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(options.RequestBudget);
        return client;
    }

    /// <summary>The API address with a trailing slash, so relative paths such as <c>repos/o/r</c> keep its path.</summary>
    public static Uri BaseAddress(string? apiUrl)
    {
        var text = string.IsNullOrWhiteSpace(apiUrl) ? DefaultApiUrl : apiUrl.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new Runtime.ActionInputException($"GITHUB_API_URL '{apiUrl}' is not an http(s) address.");
        }

        return uri;
    }
}
