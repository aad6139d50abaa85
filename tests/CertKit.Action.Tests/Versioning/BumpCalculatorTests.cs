using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Versioning;

public class BumpCalculatorTests
{
    [Theory]
    [InlineData("1.4.2", "2.0.0", BumpKind.Major)]
    [InlineData("1.4.2", "1.5.0", BumpKind.Minor)]
    [InlineData("1.4.2", "1.4.3", BumpKind.Patch)]
    [InlineData("1.4.2", "1.4.2", BumpKind.None)]
    [InlineData("2.0.0", "1.4.2", BumpKind.Downgrade)]
    [InlineData("1.4.2", "1.4.2-rc.1", BumpKind.Downgrade)]
    [InlineData("2.0.0-rc.1", "2.0.0-rc.2", BumpKind.Prerelease)]
    [InlineData("2.0.0-rc.2", "2.0.0-rc.10", BumpKind.Prerelease)]
    [InlineData("2.0.0-beta", "2.0.0-rc", BumpKind.Prerelease)]
    [InlineData("2.0.0-rc.1", "2.0.0", BumpKind.Prerelease)]
    [InlineData("1.4.2", "2.0.0-rc.1", BumpKind.Major)]
    [InlineData("2.0.0-rc.1", "2.1.0", BumpKind.Minor)]
    [InlineData("1.2.3.4", "1.2.3.5", BumpKind.Patch)]
    [InlineData("1.2.3.4", "1.2.4", BumpKind.Patch)]
    [InlineData("1.2.3.4", "1.3.0.0", BumpKind.Minor)]
    [InlineData("1.2.3", "1.2.3.1", BumpKind.Patch)]
    [InlineData("1.2.3+build.1", "1.2.3+build.2", BumpKind.None)]
    [InlineData("1.2.3", "v1.3.0", BumpKind.Minor)]
    public void Classifies_the_move_between_two_versions(string previous, string current, BumpKind expected)
    {
        var bump = BumpCalculator.Compute(VersionText.TryParse(previous), VersionText.TryParse(current)!, zeroMajorMinorIsMajor: true);

        Assert.Equal(expected, bump.Kind);
        Assert.False(bump.PromotedFromZeroMajorMinor);
    }

    [Fact]
    public void No_previous_version_is_initial()
    {
        Assert.Equal(BumpKind.Initial, BumpCalculator.Compute(null, VersionText.TryParse("1.0.0")!, true).Kind);
    }

    [Fact]
    public void The_release_of_a_prerelease_is_marked()
    {
        var release = BumpCalculator.Compute(VersionText.TryParse("2.0.0-rc.1"), VersionText.TryParse("2.0.0")!, true);
        var next = BumpCalculator.Compute(VersionText.TryParse("2.0.0-rc.1"), VersionText.TryParse("2.0.0-rc.2")!, true);

        Assert.True(release.ReleasesPrerelease);
        Assert.False(next.ReleasesPrerelease);
    }

    [Theory]
    [InlineData(true, BumpKind.Major, true)]
    [InlineData(false, BumpKind.Minor, false)]
    public void A_minor_bump_in_0_y_z_counts_as_major_unless_turned_off(bool setting, BumpKind expected, bool promoted)
    {
        var bump = BumpCalculator.Compute(VersionText.TryParse("0.3.1"), VersionText.TryParse("0.4.0")!, setting);

        Assert.Equal(expected, bump.Kind);
        Assert.Equal(promoted, bump.PromotedFromZeroMajorMinor);
    }

    [Fact]
    public void A_patch_in_0_y_z_stays_a_patch_and_0_to_1_is_major()
    {
        Assert.Equal(BumpKind.Patch, BumpCalculator.Compute(VersionText.TryParse("0.3.1"), VersionText.TryParse("0.3.2")!, true).Kind);
        Assert.Equal(BumpKind.Major, BumpCalculator.Compute(VersionText.TryParse("0.9.0"), VersionText.TryParse("1.0.0")!, true).Kind);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("not-a-version")]
    [InlineData("1.2.3.4.5")]
    [InlineData("")]
    public void Parse_rejects_what_is_not_a_version_with_one_line(string text)
    {
        if (text == "1.2")
        {
            // NuGet reads "1.2" as 1.2.0, as dotnet pack does.
            Assert.Equal("1.2.0", VersionText.Format(VersionText.Parse(text, "--version")));
            return;
        }

        var error = Assert.Throws<CertKitException>(() => VersionText.Parse(text, "--version"));
        Assert.Contains($"--version '{text}' is not a version", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
