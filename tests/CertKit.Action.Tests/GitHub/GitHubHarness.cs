using CertKit.Action.GitHub;
using CertKit.Action.Runtime;
using CertKit.Action.Tests.TestServer;
using Octokit;

namespace CertKit.Action.Tests.GitHub;

/// <summary>An Octokit client from <see cref="GitHubClientFactory"/> against the test server, with tiny delays.</summary>
internal sealed class GitHubHarness
{
    public const string Token = "ghs_faketokenfortests000000000000000000";

    public static readonly RetryOptions FastRetries = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxTotalWait = TimeSpan.FromSeconds(3),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    public GitHubHarness(GitHubTestServer server, RetryOptions? options = null)
    {
        Options = options ?? FastRetries;
        Stdout = new StringWriter { NewLine = "\n" };
        Core = new ActionsCore(Stdout, _ => null);
        Client = GitHubClientFactory.Create(server.ApiUrl, Token, Options, Core.Info);
    }

    public RetryOptions Options { get; }
    public StringWriter Stdout { get; }
    public ActionsCore Core { get; }
    public GitHubClient Client { get; }

    public RecertificationIssues Issues => new(Client, Core, Options);
    public IssueComments Comments => new(Client, Core, Options);
}
