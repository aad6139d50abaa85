using CertKit.Action.Readiness;

namespace CertKit.Action.Tests.Readiness;

public sealed class ReadinessWritersTests
{
    [Theory]
    [InlineData(new[] { CheckStatus.Passed, CheckStatus.Passed }, "ready (2 passed, 0 failed, 0 manual)")]
    [InlineData(new[] { CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Manual }, "not ready (1 passed, 1 failed, 1 manual)")]
    [InlineData(new[] { CheckStatus.Manual, CheckStatus.Manual, CheckStatus.Manual }, "nothing failed, 3 to review by hand (0 passed, 0 failed, 3 manual)")]
    [InlineData(new[] { CheckStatus.Passed, CheckStatus.Manual }, "nothing failed, 1 to review by hand (1 passed, 0 failed, 1 manual)")]
    internal void The_headline_says_ready_only_when_every_check_passed(CheckStatus[] statuses, string expected)
    {
        var report = new ReadinessReport("adobe-sign", "Adobe Sign", [.. statuses.Select((status, i) => new CheckResult($"check-{i}", status, "A requirement.", [], []))]);

        Assert.Equal(expected, ReadinessWriters.Headline(report));
    }
}
