using System.Globalization;

namespace CertKit.Action.GitHub;

/// <summary>
/// How hard the GitHub client retries. Defaults suit a workflow run; the <c>CERTKIT_*</c> environment variables
/// exist for tests, which shrink the delays so a suite with injected faults stays fast.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>First backoff delay; doubled on each retry. <c>CERTKIT_RETRY_BASE_MS</c> (for tests).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// The total time one request may spend waiting between attempts; a rate limit that resets later than this is
    /// reported instead of waited for. <c>CERTKIT_RETRY_MAX_WAIT_SECONDS</c> (for tests).
    /// </summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long one attempt may take before it counts as timed out. <c>CERTKIT_HTTP_TIMEOUT_SECONDS</c> (for tests).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Times the re-certification issue is tried to be created when creating fails transiently.</summary>
    public int MaxCreateAttempts { get; init; } = 3;

    public static RetryOptions FromEnvironment(Func<string, string?> environment)
    {
        var options = new RetryOptions();
        if (Number(environment("CERTKIT_RETRY_BASE_MS")) is { } baseMilliseconds)
        {
            options = options with { BaseDelay = TimeSpan.FromMilliseconds(baseMilliseconds) };
        }

        if (Number(environment("CERTKIT_RETRY_MAX_WAIT_SECONDS")) is { } maxWait)
        {
            options = options with { MaxTotalWait = TimeSpan.FromSeconds(maxWait) };
        }

        if (Number(environment("CERTKIT_HTTP_TIMEOUT_SECONDS")) is { } timeout && timeout > 0)
        {
            options = options with { AttemptTimeout = TimeSpan.FromSeconds(timeout) };
        }

        return options;
    }

    /// <summary>The whole budget of one request: every attempt timing out plus every wait, with a margin.</summary>
    public TimeSpan RequestBudget => AttemptTimeout * MaxAttempts + MaxTotalWait + TimeSpan.FromSeconds(5);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
