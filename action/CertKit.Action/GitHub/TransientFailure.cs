using Octokit;

namespace CertKit.Action.GitHub;

/// <summary>Failures after which a write may or may not have happened: look before writing again.</summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        ApiException api => (int)api.StatusCode >= 500,
        TimeoutException or HttpRequestException or TaskCanceledException => true,
        _ => false,
    };

    public static string Describe(Exception exception) => exception switch
    {
        ApiException api => $"{(int)api.StatusCode} {api.StatusCode}",
        TaskCanceledException => "the request timed out",
        _ => exception.Message,
    };
}
