using System.Text.RegularExpressions;

namespace CertKit.Action.Tests.TestServer;

public enum FaultKind
{
    /// <summary>500 Internal Server Error, nothing done.</summary>
    InternalServerError,

    /// <summary>502 Bad Gateway, nothing done.</summary>
    BadGateway,

    /// <summary>403 secondary rate limit with <c>Retry-After</c>, nothing done.</summary>
    SecondaryRateLimit,

    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and a reset in the near future, nothing done.</summary>
    PrimaryRateLimit,

    /// <summary>The request is carried out, then the answer is a 502 (the proxy lost the response).</summary>
    SucceedThenBadGateway,

    /// <summary>The request is carried out at once; the answer comes after <see cref="Fault.Delay"/>.</summary>
    Slow,

    /// <summary>403 Resource not accessible by integration.</summary>
    Forbidden,

    /// <summary>401 Bad credentials.</summary>
    Unauthorized,

    /// <summary>422 Validation Failed.</summary>
    Validation,
}

/// <summary>A fault applied to the next <see cref="Times"/> requests that match the method and path.</summary>
public sealed class Fault(string method, string pathPattern, FaultKind kind, int times = 1)
{
    private readonly Regex _path = new(pathPattern, RegexOptions.CultureInvariant);

    public string Method { get; } = method;
    public FaultKind Kind { get; } = kind;
    public int Remaining { get; set; } = times;
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);
    public int RetryAfterSeconds { get; init; }

    public bool Matches(string requestMethod, string path) =>
        Remaining > 0 && string.Equals(Method, requestMethod, StringComparison.OrdinalIgnoreCase) && _path.IsMatch(path);
}
