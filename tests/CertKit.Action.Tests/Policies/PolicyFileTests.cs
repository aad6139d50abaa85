using CertKit.Action.Programs.Custom;
using CertKit.Action.Policies;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Policies;

public class PolicyFileTests
{
    private const string Valid = """
        # Acme marketplace: re-certify features and permission changes of connector A only.
        program: acme-marketplace
        recertifyOn: [major, minor, scopes]
        paths:
          - connector-a/
          - shared/**/*.cs
        tagPattern: connector-a/v{version}
        scopes: [user_read:account, agreement_write]
        zeroMajorMinorIsMajor: false
        """;

    [Fact]
    public void Reads_every_key()
    {
        var file = PolicyFile.Parse(Valid, "certkit.yml");

        Assert.Equal("acme-marketplace", file.Program);
        Assert.Equal([RecertifyTrigger.Major, RecertifyTrigger.Minor, RecertifyTrigger.Scopes], file.RecertifyOn);
        Assert.Equal(["connector-a/", "shared/**/*.cs"], file.Paths);
        Assert.Equal("connector-a/v{version}", file.TagPattern);
        Assert.Equal(["user_read:account", "agreement_write"], file.Scopes);
        Assert.False(file.ZeroMajorMinorIsMajor);
    }

    [Fact]
    public void A_custom_policy_follows_its_file()
    {
        var policy = CustomPolicy.From(PolicyFile.Parse(Valid, "certkit.yml"));

        Assert.Equal("acme-marketplace", policy.Id);
        Assert.True(policy.Rules[ChangeKind.Major].Required);
        Assert.True(policy.Rules[ChangeKind.Minor].Required);
        Assert.False(policy.Rules[ChangeKind.Patch].Required);
        Assert.False(policy.Rules[ChangeKind.Prerelease].Required);
        Assert.False(policy.Rules[ChangeKind.ReleaseOfPrerelease].Required);
        Assert.True(policy.ConsidersScopes);
        Assert.False(policy.ZeroMajorMinorIsMajor);
        Assert.Equal("connector-a/v{version}", policy.TagPattern);
        Assert.True(policy.Paths.Matches("connector-a/src/Client.cs"));
        Assert.False(policy.Paths.Matches("docs/index.md"));
        Assert.Equal(
            "recertifyOn: [major, minor, scopes] in certkit.yml does not list patch",
            policy.Rules[ChangeKind.Patch].Rationale);
    }

    [Theory]
    [InlineData("program: acme\nrecertifyOn: [major]\nrecertify: [minor]\n", "certkit.yml:3: unknown key 'recertify' (expected one of: program, recertifyOn, paths, tagPattern, scopes, zeroMajorMinorIsMajor, checks, files, publicKeys, certified)")]
    [InlineData("program: acme\nrecertifyOn:\n  - major\n  - feature\n", "certkit.yml:4: recertifyOn value 'feature' is not one of: major, minor, patch, prerelease, scopes")]
    [InlineData("program: acme\nrecertifyOn: major\n", "certkit.yml:2: recertifyOn must be a list, e.g. recertifyOn: [a, b]")]
    [InlineData("program: acme\nrecertifyOn: [major]\ntagPattern: connector-a/v1\n", "certkit.yml:3: tagPattern 'connector-a/v1' has no {version} placeholder (e.g. connector-a/v{version})")]
    [InlineData("program: acme\nrecertifyOn: [major]\nzeroMajorMinorIsMajor: maybe\n", "certkit.yml:3: zeroMajorMinorIsMajor must be true or false, not 'maybe'")]
    [InlineData("program: acme\nprogram: other\n", "certkit.yml:2: not valid YAML: Duplicate key program")]
    [InlineData("program: [a, b]\n", "certkit.yml:1: program must be a single non-empty value")]
    [InlineData("program: two words\n", "certkit.yml:1: program 'two words' must be a short name of letters, digits, '-', '_' or '.'")]
    [InlineData("program: acme\npaths: []\n", "certkit.yml:2: paths must not be empty (leave the key out to mean the whole repository)")]
    [InlineData("- major\n- minor\n", "certkit.yml:1: expected a mapping of keys (program, recertifyOn, paths, tagPattern, scopes, zeroMajorMinorIsMajor, checks, files, publicKeys, certified)")]
    [InlineData("", "certkit.yml:1: the file is empty (expected keys: program, recertifyOn, paths, tagPattern, scopes, zeroMajorMinorIsMajor, checks, files, publicKeys, certified)")]
    public void Rejects_bad_files_with_the_line_number(string text, string expected)
    {
        var error = Assert.Throws<CertKitException>(() => PolicyFile.Parse(text, "certkit.yml"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Bad_indentation_is_one_line_with_its_line_number()
    {
        var error = Assert.Throws<CertKitException>(() => PolicyFile.Parse("program: acme\nrecertifyOn: [major]\npaths: a\n  b: c\n", "certkit.yml"));

        Assert.StartsWith("certkit.yml:4: not valid YAML", error.Message);
    }

    [Fact]
    public void Invalid_yaml_is_one_line_with_its_line_number()
    {
        var error = Assert.Throws<CertKitException>(() => PolicyFile.Parse("program: acme\nrecertifyOn: [major\npaths: x\n", "certkit.yml"));

        Assert.StartsWith("certkit.yml:2: not valid YAML", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("recertifyOn: [major]\n", "certkit.yml:1: a custom policy needs 'program: NAME'")]
    [InlineData("program: acme\n", "certkit.yml:1: a custom policy needs 'recertifyOn: [...]' (any of major, minor, patch, prerelease, scopes)")]
    public void A_custom_policy_needs_a_program_and_recertify_on(string text, string expected)
    {
        var error = Assert.Throws<CertKitException>(() => CustomPolicy.From(PolicyFile.Parse(text, "certkit.yml")));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void The_release_of_a_prerelease_counts_when_prerelease_is_listed()
    {
        var policy = CustomPolicy.From(PolicyFile.Parse("program: acme\nrecertifyOn: [prerelease]\n", "p.yml"));
        var previous = VersionText.TryParse("2.0.0-rc.1");
        var version = VersionText.TryParse("2.0.0")!;

        var verdict = policy.Evaluate(new PolicyInput { PreviousVersion = previous, Version = version, Bump = BumpCalculator.Compute(previous, version, true) });

        Assert.True(verdict.Required);
        Assert.Equal(
            "2.0.0-rc.1 -> 2.0.0, the release of a pre-release, requires re-certification: recertifyOn: [prerelease] in p.yml lists prerelease (the release of a pre-release counts as a pre-release change)",
            verdict.Reasons[0]);
    }
}
