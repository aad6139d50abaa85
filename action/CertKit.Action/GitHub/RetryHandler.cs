using System.Globalization;
using System.Net;

namespace CertKit.Action.GitHub;

/// <summary>
/// Retries GitHub API requests, bounded in attempts and in total waiting:
/// <list type="bullet">
/// <item>secondary rate limits (403/429 with <c>Retry-After</c>, or <c>x-ratelimit-remaining: 0</c> with
/// <c>x-ratelimit-reset</c>) for every method: GitHub did not process the request;</item>
/// <item>5xx, connection failures and attempt timeouts for idempotent methods only. A POST that failed that way
/// may have been carried out (GitHub created the issue, then the proxy answered 502), so it is handed back to the
/// caller, which looks before it creates again.</item>
/// </list>
/// </summary>
public sealed class RetryHandler(RetryOptions options, Action<string> log) : DelegatingHandler
{
    private static readonly HttpMethod[] IdempotentMethods =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Patch];

    /// <summary>Waits; replaceable so unit tests can observe the delays without sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = IdempotentMethods.Contains(request.Method);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= options.MaxAttempts;
            HttpResponseMessage response;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(options.AttemptTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var timeout = new TimeoutException(
                        $"{request.Method} {request.RequestUri?.AbsolutePath} timed out after {options.AttemptTimeout.TotalSeconds:0.###} s");
                    if (!idempotent || last || !TryWait(Backoff(attempt), ref waited, out var delay))
                    {
                        throw timeout;
                    }

                    log($"GitHub API: {timeout.Message}; retrying in {Seconds(delay)} (attempt {attempt + 1} of {options.MaxAttempts}).");
                    await Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException exception) when (idempotent && !last && TryWait(Backoff(attempt), ref waited, out var delay))
                {
                    log($"GitHub API: {request.Method} {request.RequestUri?.AbsolutePath} failed ({exception.Message}); retrying in {Seconds(delay)} (attempt {attempt + 1} of {options.MaxAttempts}).");
                    await Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (last)
            {
                return response;
            }

            TimeSpan? wanted;
            string why;
            if (await RateLimitWaitAsync(response, cancellationToken).ConfigureAwait(false) is { } rateLimitWait)
            {
                wanted = rateLimitWait;
                why = $"rate limited ({(int)response.StatusCode})";
            }
            else if (idempotent && IsTransientServerError(response.StatusCode))
            {
                wanted = Backoff(attempt);
                why = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            else
            {
                return response;
            }

            if (!TryWait(wanted.Value, ref waited, out var wait))
            {
                // Waiting longer than the budget: hand the response to Octokit, which turns it into a clear error.
                return response;
            }

            log($"GitHub API: {why} on {request.Method} {request.RequestUri?.AbsolutePath}; retrying in {Seconds(wait)} (attempt {attempt + 1} of {options.MaxAttempts}).");
            response.Dispose();
            await Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsTransientServerError(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait GitHub asks for on a secondary (or exhausted primary) rate limit, or null when the response is not one.
    /// GitHub's guidance: honour <c>Retry-After</c>; else when <c>x-ratelimit-remaining</c> is 0 wait until
    /// <c>x-ratelimit-reset</c> (epoch seconds); else, for a 403/429 that says "secondary rate limit", wait a minute.
    /// </summary>
    internal async Task<TimeSpan?> RateLimitWaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var untilDate = date - Now();
                return untilDate < TimeSpan.Zero ? TimeSpan.Zero : untilDate;
            }
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetEpoch))
        {
            var untilReset = DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - Now();
            return untilReset < TimeSpan.Zero ? TimeSpan.Zero : untilReset;
        }

        // Buffered, so Octokit can still read the body when we hand the response back.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromMinutes(1) : null;
    }

    private TimeSpan Backoff(int attempt) => options.BaseDelay * Math.Pow(2, attempt - 1);

    private bool TryWait(TimeSpan wanted, ref TimeSpan waited, out TimeSpan wait)
    {
        wait = wanted;
        if (waited + wanted > options.MaxTotalWait)
        {
            return false;
        }

        waited += wanted;
        return true;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Seconds(TimeSpan delay) => $"{delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
