using System.Net;
using CertKit.Action.GitHub;

namespace CertKit.Action.Tests.GitHub;

public sealed class RetryHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Answers from a script and records each request; the handler's waits are recorded, not slept.</summary>
    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers[Math.Min(Calls++, answers.Length - 1)]());
    }

    private static (HttpMessageInvoker Invoker, List<TimeSpan> Waits, List<string> Log) Build(ScriptedHandler inner, RetryOptions? options = null)
    {
        var waits = new List<TimeSpan>();
        var log = new List<string>();
        var handler = new RetryHandler(options ?? new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxTotalWait = TimeSpan.FromSeconds(90) }, log.Add)
        {
            InnerHandler = inner,
            Delay = (delay, _) =>
            {
                waits.Add(delay);
                return Task.CompletedTask;
            },
            Now = () => Now,
        };
        return (new HttpMessageInvoker(handler), waits, log);
    }

    private static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"message\":\"x\"}") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private static Task<HttpResponseMessage> Send(HttpMessageInvoker invoker, HttpMethod method) =>
        invoker.SendAsync(new HttpRequestMessage(method, "https://api.github.com/repos/acme/c/issues"), CancellationToken.None);

    [Fact]
    public async Task Backs_off_exponentially_on_5xx_for_reads_up_to_the_attempt_limit()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.BadGateway));
        var (invoker, waits, _) = Build(inner);

        var response = await Send(invoker, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, inner.Calls);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
    }

    [Fact]
    public async Task Does_not_retry_a_post_on_5xx_because_it_may_have_happened()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.BadGateway), () => Status(HttpStatusCode.Created));
        var (invoker, waits, _) = Build(inner);

        var response = await Send(invoker, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, inner.Calls);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task Waits_as_long_as_Retry_After_says_on_a_secondary_rate_limit_even_for_a_post()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.Forbidden, ("Retry-After", "7")), () => Status(HttpStatusCode.Created));
        var (invoker, waits, log) = Build(inner);

        var response = await Send(invoker, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], waits);
        Assert.Equal(["GitHub API: rate limited (403) on POST /repos/acme/c/issues; retrying in 7 s (attempt 2 of 4)."], log);
    }

    [Fact]
    public async Task Waits_until_x_ratelimit_reset_when_none_remain()
    {
        var reset = Now.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.TooManyRequests, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), () => Status(HttpStatusCode.OK));
        var (invoker, waits, _) = Build(inner);

        var response = await Send(invoker, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(30)], waits);
    }

    [Fact]
    public async Task Hands_back_a_rate_limit_that_would_exceed_the_total_wait_cap()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.Forbidden, ("Retry-After", "120")));
        var (invoker, waits, _) = Build(inner);

        var response = await Send(invoker, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, inner.Calls);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task Stops_when_the_waits_add_up_to_the_cap()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.ServiceUnavailable));
        var (invoker, waits, _) = Build(inner, new RetryOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxTotalWait = TimeSpan.FromSeconds(7) });

        await Send(invoker, HttpMethod.Get);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_403_about_permissions_is_not_retried()
    {
        var inner = new ScriptedHandler(() => Status(HttpStatusCode.Forbidden));
        var (invoker, waits, _) = Build(inner);

        var response = await Send(invoker, HttpMethod.Post);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, inner.Calls);
        Assert.Empty(waits);
    }

    [Fact]
    public void Options_come_from_the_test_knobs_in_the_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["CERTKIT_RETRY_BASE_MS"] = "5", ["CERTKIT_RETRY_MAX_WAIT_SECONDS"] = "2.5", ["CERTKIT_HTTP_TIMEOUT_SECONDS"] = "bad",
        };

        var options = RetryOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(TimeSpan.FromMilliseconds(5), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.MaxTotalWait);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
    }
}
