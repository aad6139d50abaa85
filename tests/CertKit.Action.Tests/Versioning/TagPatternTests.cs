using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Versioning;

public class TagPatternTests
{
    [Theory]
    [InlineData("v{version}", "v1.4.2", "1.4.2")]
    [InlineData("v{version}", "v2.0.0-rc.1", "2.0.0-rc.1")]
    [InlineData("v{version}", "v1.2.3.4", "1.2.3.4")]
    [InlineData("{version}", "1.4.2", "1.4.2")]
    [InlineData("connector-a/v{version}", "connector-a/v1.0.0", "1.0.0")]
    [InlineData("release-{version}-final", "release-3.1.0-final", "3.1.0")]
    public void Matches_a_tag_and_strips_the_prefix_and_suffix(string pattern, string tag, string expected)
    {
        var version = TagPattern.Parse(pattern).TryMatch(tag);

        Assert.NotNull(version);
        Assert.Equal(expected, VersionText.Format(version));
    }

    [Theory]
    [InlineData("v{version}", "1.4.2")]
    [InlineData("v{version}", "vv1.4.2")]
    [InlineData("v{version}", "v1.4.x")]
    [InlineData("{version}", "v1.4.2")]
    [InlineData("connector-a/v{version}", "connector-b/v1.0.0")]
    [InlineData("connector-a/v{version}", "v1.0.0")]
    [InlineData("v{version}", "v")]
    public void Does_not_match_other_tags(string pattern, string tag)
    {
        Assert.Null(TagPattern.Parse(pattern).TryMatch(tag));
    }

    [Fact]
    public void The_default_set_matches_v_prefixed_and_bare_tags_only()
    {
        var matches = new TagPatternSet(null).Match(["v1.0.0", "1.1.0", "connector-a/v2.0.0", "latest"]);

        Assert.Equal(["v1.0.0", "1.1.0"], matches.Select(match => match.Tag));
    }

    [Theory]
    [InlineData("v1.0.0", "has no {version} placeholder")]
    [InlineData("{version}-{version}", "more than one {version} placeholder")]
    public void A_pattern_needs_exactly_one_placeholder(string pattern, string message)
    {
        var error = Assert.Throws<CertKitException>(() => TagPattern.Parse(pattern));

        Assert.Contains(message, error.Message);
    }
}
