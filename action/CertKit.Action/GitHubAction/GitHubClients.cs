using CertKit.Action.GitHub;
using Octokit;

namespace CertKit.Action.GitHubAction;

/// <summary>The run's GitHub client: the API the runner names, the token input, the retry settings of the environment.</summary>
internal static class GitHubClients
{
    public static IGitHubClient For(ActionRun run) =>
        GitHubClientFactory.Create(run.Core.GetEnvironment("GITHUB_API_URL"), run.Inputs.GitHubToken, RetryOptions.FromEnvironment(run.Core.GetEnvironment), run.Core.Info);
}
