using CertKit.Action.Programs.Commercetools;
using CertKit.Action.Programs.AdobeSign;
using CertKit.Action.Programs.Venafi;
using CertKit.Action.Programs;
using CertKit.Action.Policies;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Policies;

/// <summary>Each program's table, row by row, on the versions alone (the git side is in Decision/DecisionEngineTests).</summary>
public class BuiltInPolicyTests
{
    [Theory]
    [InlineData("venafi", "1.4.2", "2.0.0", true)]
    [InlineData("venafi", "1.4.2", "1.5.0", true)]
    [InlineData("venafi", "1.4.2", "1.4.3", false)]
    [InlineData("venafi", "1.4.2", "1.4.2", false)]
    [InlineData("venafi", null, "1.0.0", true)]
    [InlineData("commercetools", "1.4.2", "2.0.0", true)]
    [InlineData("commercetools", "1.4.2", "1.5.0", true)]
    [InlineData("commercetools", "1.4.2", "1.4.3", true)]
    [InlineData("commercetools", "1.4.2.0", "1.4.2.1", true)]
    [InlineData("commercetools", "2.0.0-rc.1", "2.0.0-rc.2", true)]
    [InlineData("commercetools", "2.0.0-rc.1", "2.0.0", true)]
    [InlineData("commercetools", "1.4.2", "1.4.2", false)]
    [InlineData("commercetools", null, "1.0.0", true)]
    [InlineData("adobe-sign", "1.4.2", "2.0.0", true)]
    [InlineData("adobe-sign", "1.4.2", "1.5.0", true)]
    [InlineData("adobe-sign", "1.4.2", "1.4.3", false)]
    [InlineData("adobe-sign", "1.4.2", "2.0.0-rc.1", true)]
    [InlineData("adobe-sign", "2.0.0-rc.1", "2.0.0-rc.2", false)]
    [InlineData("adobe-sign", "2.0.0-rc.1", "2.0.0", false)]
    [InlineData("adobe-sign", "1.4.2", "1.4.2", false)]
    [InlineData("adobe-sign", null, "1.0.0", true)]
    public void Rules_on_the_version_change(string program, string? previous, string current, bool required)
    {
        var verdict = Evaluate(program, previous, current);

        Assert.Equal(required, verdict.Required);
        Assert.Contains(required ? " requires " : " does not require ", verdict.Reasons[0]);
    }

    [Fact]
    public void Venafi_does_not_rule_on_a_prerelease_and_judges_its_release_against_the_last_release()
    {
        var preRelease = Evaluate("venafi", "1.4.2", "2.0.0-rc.1", lastRelease: "1.4.2");
        var release = Evaluate("venafi", "2.0.0-rc.1", "2.0.0", lastRelease: "1.4.2");
        var patchRelease = Evaluate("venafi", "1.4.3-rc.1", "1.4.3", lastRelease: "1.4.2");

        Assert.False(preRelease.Required);
        Assert.Contains("2.0.0-rc.1 is a pre-release", preRelease.Reasons[0]);
        Assert.Contains("when 2.0.0 is released, against the last release 1.4.2", preRelease.Reasons[0]);
        Assert.True(release.Required);
        Assert.Equal(2, release.Reasons.Count);
        Assert.Contains("judged against the last release 1.4.2", release.Reasons[0]);
        Assert.StartsWith("major bump 1.4.2 -> 2.0.0 requires re-certification: Venafi asks to re-certify for any Major release", release.Reasons[1]);
        Assert.False(patchRelease.Required);
        Assert.StartsWith("patch bump 1.4.2 -> 1.4.3 does not require", patchRelease.Reasons[1]);
    }

    [Fact]
    public void Venafi_release_of_a_prerelease_without_an_earlier_release_is_a_first_certification()
    {
        var verdict = Evaluate("venafi", "1.0.0-rc.1", "1.0.0", lastRelease: null);

        Assert.True(verdict.Required);
        Assert.Contains("the last release, and there is none", verdict.Reasons[0]);
        Assert.StartsWith("first version 1.0.0 (no previous version found) requires certification", verdict.Reasons[1]);
    }

    [Fact]
    public void Venafi_first_prerelease_waits_for_the_first_release()
    {
        var verdict = Evaluate("venafi", null, "1.0.0-beta.1");

        Assert.False(verdict.Required);
        Assert.Equal(
            "1.0.0-beta.1 is a pre-release and does not require re-certification: Venafi TLS Protect Cloud certifies releases, so the decision is made when 1.0.0 is released, as its first certification (there is no earlier release)",
            Assert.Single(verdict.Reasons));
    }

    [Fact]
    public void Initial_says_first_certification_not_recertification()
    {
        foreach (var policy in ProgramRegistry.Policies)
        {
            var verdict = Evaluate(policy.Id, null, "1.0.0");
            Assert.Contains("first certification, not a re-certification", verdict.Reasons[0]);
        }
    }

    [Fact]
    public void Adobe_sign_requires_recertification_for_a_scope_change_even_in_a_patch()
    {
        var scopes = ScopeComparison.Between(
            new ScopeSet(["agreement_read:account", "user_read:account"], "base"),
            new ScopeSet(["agreement_read:account", "agreement_write:account", "user_read:account"], "head"));

        var verdict = Evaluate("adobe-sign", "1.4.2", "1.4.3", scopes: scopes);

        Assert.True(verdict.Required);
        Assert.Equal(2, verdict.Reasons.Count);
        Assert.StartsWith("patch bump 1.4.2 -> 1.4.3 does not require", verdict.Reasons[0]);
        Assert.StartsWith("OAuth scope change (added agreement_write:account) requires re-certification", verdict.Reasons[1]);
    }

    [Fact]
    public void Adobe_sign_with_unchanged_scopes_says_so_and_venafi_ignores_scopes()
    {
        var same = ScopeComparison.Between(new ScopeSet(["user_read:account"], "base"), new ScopeSet(["user_read:account"], "code at HEAD"));

        var adobe = Evaluate("adobe-sign", "1.4.2", "1.4.3", scopes: same);
        var venafi = Evaluate("venafi", "1.4.2", "1.4.3", scopes: ScopeComparison.Between(new ScopeSet([], "b"), new ScopeSet(["user_read:self"], "h")));

        Assert.False(adobe.Required);
        Assert.Equal("OAuth scopes unchanged (user_read:account; from code at HEAD)", adobe.Reasons[1]);
        Assert.False(venafi.Required);
        Assert.Single(venafi.Reasons);
    }

    [Fact]
    public void Adobe_sign_says_when_scopes_could_not_be_compared()
    {
        var verdict = Evaluate("adobe-sign", "1.4.2", "1.4.3", scopes: ScopeComparison.NotCompared("there is no base commit"));

        Assert.Equal("OAuth scopes were not compared: there is no base commit", verdict.Reasons[1]);
    }

    [Fact]
    public void A_promoted_0_y_z_minor_bump_says_why_it_counts_as_major()
    {
        var verdict = Evaluate("venafi", "0.3.0", "0.4.0");

        Assert.True(verdict.Required);
        Assert.StartsWith("minor bump 0.3.0 -> 0.4.0 in 0.y.z, counted as major", verdict.Reasons[0]);
    }

    [Fact]
    public void Every_built_in_policy_has_a_rule_for_every_change_and_a_seed_sentence()
    {
        foreach (var policy in ProgramRegistry.Policies)
        {
            Assert.Equal(Enum.GetValues<ChangeKind>().Order(), policy.Rules.Keys.Order());
            Assert.False(string.IsNullOrWhiteSpace(policy.SeedSentence));
            Assert.All(policy.Rules.Values, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Rationale)));
        }
    }

    [Fact]
    public void The_seed_sentences_are_quoted_verbatim_from_the_program_documentation()
    {
        // The sentences as the programs publish them (the Adobe page's typo included).
        Assert.Equal(
            "For now, we'd like you to re-certify for any Major release or feature addition/enhancement. Minor releases don't require re-certification.",
            new VenafiPolicy().SeedSentence);
        Assert.StartsWith("If you make any changes to your Connect applications, such as fixing bugs or adding new features, you must re-certify", new CommercetoolsPolicy().SeedSentence);
        Assert.Contains("permissions realted to your app need to change in the future", new AdobeSignPolicy().SeedSentence);
    }

    internal static PolicyVerdict Evaluate(string program, string? previous, string current, string? lastRelease = null, ScopeComparison? scopes = null)
    {
        var policy = ProgramRegistry.Policies.Single(candidate => candidate.Id == program);
        var previousVersion = VersionText.TryParse(previous);
        var version = VersionText.TryParse(current)!;
        return policy.Evaluate(new PolicyInput
        {
            PreviousVersion = previousVersion,
            Version = version,
            Bump = BumpCalculator.Compute(previousVersion, version, zeroMajorMinorIsMajor: true),
            LastRelease = VersionText.TryParse(lastRelease),
            Scopes = scopes ?? ScopeComparison.NotCompared("not compared in this test"),
        });
    }
}
