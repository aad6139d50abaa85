using System.Text.Json;
using CertKit.Action.Tests.Git;

namespace CertKit.Action.Tests.Cli;

/// <summary>The built certkit tool, run as a child process on real repositories: output, JSON fields, exit codes.</summary>
public class DecideCommandTests : IClassFixture<DecideCommandTests.SampleRepositories>
{
    private readonly SampleRepositories samples;

    public DecideCommandTests(SampleRepositories samples)
    {
        this.samples = samples;
    }

    [Theory]
    [InlineData("venafi", true)]
    [InlineData("commercetools", true)]
    [InlineData("adobe-sign", true)]
    public void Json_for_a_major_release_field_by_field(string program, bool required)
    {
        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", program, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardError);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(
            ["program", "previousVersion", "previousVersionSource", "version", "versionSource", "comparedWith", "bump", "recertificationRequired", "reasons", "scopes", "evidence", "impliedBump", "bumpUnderstated", "evidenceIncomplete", "notCompared", "warnings", "certifiedVersion", "certifiedSource", "certifiedBaseline", "baseline"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(program, root.GetProperty("program").GetString());
        Assert.Equal("1.4.2", root.GetProperty("previousVersion").GetString());
        Assert.Equal("tag v1.4.2", root.GetProperty("previousVersionSource").GetString());
        Assert.Equal("2.0.0", root.GetProperty("version").GetString());
        Assert.Equal("src/Venafi.Connector/Venafi.Connector.csproj at HEAD", root.GetProperty("versionSource").GetString());
        Assert.Equal("1.4.2", root.GetProperty("comparedWith").GetString());
        Assert.Equal("major", root.GetProperty("bump").GetString());
        Assert.Equal(required, root.GetProperty("recertificationRequired").GetBoolean());
        var reasons = root.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()).ToList();
        Assert.StartsWith("major bump 1.4.2 -> 2.0.0 requires re-certification: ", reasons[0]);
        var scopes = root.GetProperty("scopes");
        Assert.Equal(["added", "removed"], scopes.EnumerateObject().Select(property => property.Name));
        Assert.Empty(scopes.GetProperty("added").EnumerateArray());
        Assert.Empty(scopes.GetProperty("removed").EnumerateArray());
    }

    [Theory]
    [InlineData("venafi", false)]
    [InlineData("commercetools", true)]
    [InlineData("adobe-sign", true)]
    public void Json_for_a_patch_that_adds_an_oauth_scope(string program, bool required)
    {
        var run = CertkitProcess.Run(samples.Root, "decide", "--repo", samples.ScopePatch.Path, "--program", program, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("1.4.2", root.GetProperty("previousVersion").GetString());
        Assert.Equal("1.4.3", root.GetProperty("version").GetString());
        Assert.Equal("patch", root.GetProperty("bump").GetString());
        Assert.Equal(required, root.GetProperty("recertificationRequired").GetBoolean());
        var added = root.GetProperty("scopes").GetProperty("added").EnumerateArray().Select(scope => scope.GetString());
        var removed = root.GetProperty("scopes").GetProperty("removed").EnumerateArray().Select(scope => scope.GetString());
        if (program == "adobe-sign")
        {
            Assert.Equal(["agreement_write:account"], added);
            Assert.Equal(["widget_read:self"], removed);
            Assert.Contains(
                root.GetProperty("reasons").EnumerateArray(),
                reason => reason.GetString()!.StartsWith("OAuth scope change (added agreement_write:account; removed widget_read:self) requires re-certification", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(added);
            Assert.Empty(removed);
        }
    }

    [Fact]
    public void Json_for_a_pull_request_with_base_and_head_and_a_monorepo_tag_pattern()
    {
        var run = CertkitProcess.Run(
            samples.Monorepo.Path, "decide", "--program", "venafi", "--base", "main", "--head", "feature", "--tag-pattern", "connector-a/v{version}", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("1.0.0", json.RootElement.GetProperty("previousVersion").GetString());
        Assert.Equal("1.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("minor", json.RootElement.GetProperty("bump").GetString());
        Assert.True(json.RootElement.GetProperty("recertificationRequired").GetBoolean());
    }

    [Fact]
    public void Json_for_a_custom_policy_file()
    {
        var policy = Path.Combine(samples.Root, "docs-do-not-count.yml");
        File.WriteAllText(policy, "program: acme-marketplace\nrecertifyOn: [major, minor, patch]\npaths: [connector-a/]\ntagPattern: connector-a/v{version}\n");

        var run = CertkitProcess.Run(samples.Monorepo.Path, "decide", "--policy", policy, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("acme-marketplace", json.RootElement.GetProperty("program").GetString());
        Assert.Equal("initial", json.RootElement.GetProperty("bump").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("previousVersion").ValueKind);
        Assert.Contains("first certification, not a re-certification", json.RootElement.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public void Text_output_names_the_verdict_versions_and_reasons()
    {
        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "venafi");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Venafi TLS Protect Cloud: RE-CERTIFICATION REQUIRED
              version:          2.0.0 (src/Venafi.Connector/Venafi.Connector.csproj at HEAD)
              previous version: 1.4.2 (tag v1.4.2)
              certified:        no certified version known: judged against the previous version 1.4.2 (tag v1.4.2)
              bump:             major
              implied bump:     patch (evidence since tag v1.4.2)
              reasons:
                - major bump 1.4.2 -> 2.0.0 requires re-certification: Venafi asks to re-certify for any Major release
                - no public API, endpoint or contract change since tag v1.4.2

            """.ReplaceLineEndings(),
            run.StandardOutput);
    }

    [Theory]
    [InlineData("--program venafi --version 1.0.0 --base HEAD~1", "certkit decide: version 1.0.0 (--version) is lower than the previous version 1.4.2 (tag v1.4.2 on HEAD~1)")]
    [InlineData("--program venafi --version one", "certkit decide: --version 'one' is not a version")]
    [InlineData("--program venafi --tag-pattern release", "certkit decide: tag pattern 'release' has no {version} placeholder")]
    [InlineData("--program venafi --base no-such-branch", "certkit decide: base ref 'no-such-branch' was not found in ")]
    [InlineData("--program venafi --head v9.9.9", "certkit decide: head ref 'v9.9.9' was not found in ")]
    [InlineData("--program custom --policy missing.yml", "certkit decide: policy file 'missing.yml' does not exist")]
    [InlineData("--program custom", "certkit decide: --program custom needs --policy FILE (no certkit.yml in .)")]
    [InlineData("--program venafi --policy missing.yml", "certkit decide: --policy is for --program custom; the venafi policy is built in")]
    [InlineData("", "certkit decide: choose a program with --program (venafi|commercetools|adobe-sign|custom) or a policy file with --policy FILE")]
    public void User_errors_are_one_line_on_stderr_with_exit_code_1(string arguments, string expectedStart)
    {
        var run = CertkitProcess.Run(samples.Major.Path, ["decide", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith(expectedStart, line);
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    [Fact]
    public void Json_of_a_release_of_a_prerelease_says_it_was_compared_with_the_last_release()
    {
        var run = CertkitProcess.Run(samples.ReleaseOfPrerelease.Path, "decide", "--program", "venafi", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("2.0.0-rc.2", root.GetProperty("previousVersion").GetString());
        Assert.Equal("tag v2.0.0-rc.2", root.GetProperty("previousVersionSource").GetString());
        Assert.Equal("2.0.0", root.GetProperty("version").GetString());
        Assert.Equal("src/Venafi.Connector/Venafi.Connector.csproj at HEAD", root.GetProperty("versionSource").GetString());
        Assert.Equal("1.4.2", root.GetProperty("comparedWith").GetString());
        Assert.True(root.GetProperty("recertificationRequired").GetBoolean());
    }

    [Fact]
    public void Json_sources_of_explicit_versions_are_the_options_and_an_initial_version_has_none()
    {
        var run = CertkitProcess.Run(samples.Root, "decide", "--program", "venafi", "--previous-version", "1.0.0", "--version", "1.1.0", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("--previous-version", json.RootElement.GetProperty("previousVersionSource").GetString());
        Assert.Equal("--version", json.RootElement.GetProperty("versionSource").GetString());
        Assert.Equal("1.0.0", json.RootElement.GetProperty("comparedWith").GetString());
    }

    [Fact]
    public void A_tag_pattern_that_matches_none_of_the_tags_is_an_error_that_names_the_tags_found()
    {
        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "venafi", "--tag-pattern", "release-{version}", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal(
            "certkit decide: tag pattern release-{version} matches none of the 1 tag(s) before HEAD (v1.4.2): pass a --tag-pattern that matches the release tags, or --previous-version to go on without them",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_tag_pattern_that_matches_none_of_the_tags_is_no_error_with_a_previous_version()
    {
        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "venafi", "--tag-pattern", "release-{version}", "--previous-version", "1.4.2", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("major", json.RootElement.GetProperty("bump").GetString());
    }

    [Theory]
    [InlineData("program: acme\nrecertifyOn:\n  - : minor\n", 3, "not valid here: an empty key")]
    [InlineData("program: acme\nrecertifyOn:\n  - major\n  - : minor\npaths: [src]\n", 4, "not valid here: an empty key")]
    [InlineData("program: acme\nrecertifyOn: [major]\n\tpaths: [src]\n", 3, "not valid YAML: ")]
    [InlineData("program: &a acme\nrecertifyOn: *b\n", 2, "not valid YAML: ")]
    [InlineData("program: acme\n\n\nrecertifyOn: [major\n", 4, "not valid YAML: ")]
    [InlineData("program: acme\nrecertifyOn: \"major\n", 2, "not valid YAML: ")]
    [InlineData("program: acme\nrecertifyOn: [major]\npaths: [src\nscopes: [a]\n", 3, "not valid YAML: ")]
    public void Odd_yaml_in_a_policy_file_is_one_line_with_the_right_line_number(string yaml, int line, string expected)
    {
        var policy = Path.Combine(samples.Root, $"odd-{Guid.NewGuid():N}.yml");
        File.WriteAllText(policy, yaml);

        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "custom", "--policy", policy);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.StartsWith($"certkit decide: {policy}:{line}: {expected}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    [Fact]
    public void A_bad_policy_file_is_one_line_with_its_line_number()
    {
        var policy = Path.Combine(samples.Root, "bad-policy.yml");
        File.WriteAllText(policy, "program: acme\nrecertifyOn: [major]\nrecertify-on: [patch]\n");

        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "custom", "--policy", policy);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit decide: {policy}:3: unknown key 'recertify-on' (expected one of: program, recertifyOn, paths, tagPattern, scopes, zeroMajorMinorIsMajor, checks, files, publicKeys, certified)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Missing_repository_and_shallow_clone_are_one_line_errors()
    {
        var missing = CertkitProcess.Run(samples.Root, "decide", "--program", "venafi", "--repo", "no-such-folder");
        var shallow = CertkitProcess.Run(samples.Shallow.Path, "decide", "--program", "commercetools", "--json");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("certkit decide: repository folder 'no-such-folder' does not exist", Assert.Single(missing.ErrorLines));
        Assert.Equal(1, shallow.ExitCode);
        Assert.Equal(string.Empty, shallow.StandardOutput);
        Assert.Contains("check out with fetch-depth: 0", Assert.Single(shallow.ErrorLines));
    }

    [Theory]
    [InlineData("decide --program bogus", "certkit decide: --program: unknown program 'bogus' (expected venafi|commercetools|adobe-sign|custom; aliases: cyberark → venafi, certificate-manager → venafi, certificate-manager-saas → venafi, tls-protect-cloud → venafi, connect → commercetools, acrobat-sign → adobe-sign); see certkit decide --help")]
    [InlineData("decide --program venafi --no-such-option", "certkit decide: Unrecognized command or argument '--no-such-option'; see certkit decide --help")]
    [InlineData("decide --program", "certkit decide: Required argument missing for option: '--program'; see certkit decide --help")]
    [InlineData("decide --program venafi --zero-minor-is-major perhaps", "certkit decide: Unrecognized command or argument 'perhaps'; see certkit decide --help")]
    [InlineData("scan --fail-on sometimes", "certkit scan: Argument 'sometimes' not recognized. Must be one of: 'none' 'warning' 'error'; see certkit scan --help")]
    [InlineData("no-such-command", "certkit: Unrecognized command or argument 'no-such-command'; see certkit --help")]
    public void Bad_usage_is_one_line_on_stderr_naming_the_help_and_exits_with_2(string arguments, string expected)
    {
        var run = CertkitProcess.Run(samples.Major.Path, arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Bad_usage_with_json_prints_one_json_error_object()
    {
        var run = CertkitProcess.Run(samples.Major.Path, "decide", "--program", "bogus", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(["error", "usage", "exitCode"], json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal("--program: unknown program 'bogus' (expected venafi|commercetools|adobe-sign|custom; aliases: cyberark → venafi, certificate-manager → venafi, certificate-manager-saas → venafi, tls-protect-cloud → venafi, connect → commercetools, acrobat-sign → adobe-sign)", json.RootElement.GetProperty("error").GetString());
        Assert.Equal("see certkit decide --help", json.RootElement.GetProperty("usage").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Single(run.ErrorLines);
    }

    [Theory]
    [InlineData("decide --help")]
    [InlineData("--help")]
    public void Help_is_there_and_exits_0(string arguments)
    {
        var run = CertkitProcess.Run(samples.Root, arguments.Split(' '));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("decide", run.StandardOutput);
        if (arguments.StartsWith("decide", StringComparison.Ordinal))
        {
            Assert.Contains("--program <venafi|commercetools|adobe-sign|custom>", run.StandardOutput);
            Assert.Contains("--tag-pattern <P>", run.StandardOutput);
            Assert.Contains("--json", run.StandardOutput);
        }
    }

    [Fact]
    public void Zero_minor_is_major_can_be_turned_off_on_the_command_line()
    {
        var run = CertkitProcess.Run(samples.Root, "decide", "--program", "venafi", "--previous-version", "0.3.0", "--version", "0.4.0", "--zero-minor-is-major", "false", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("minor", json.RootElement.GetProperty("bump").GetString());
    }

    /// <summary>The repositories the CLI tests share, built once.</summary>
    public sealed class SampleRepositories : IDisposable
    {
        public SampleRepositories()
        {
            Root = Directory.CreateTempSubdirectory("certkit-cli-").FullName;

            Major = TestRepository.Create();
            Major.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "1.4.2").Commit();
            Major.Tag("v1.4.2");
            Major.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "2.0.0").Commit();

            ScopePatch = TestRepository.Create();
            ScopePatch.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.2");
            ScopePatch.Write("src/AdobeSign.Connector/OAuth.cs", "class OAuth { const string Scopes = \"user_read:account widget_read\"; }").Commit();
            ScopePatch.Tag("v1.4.2");
            ScopePatch.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.3");
            ScopePatch.Write("src/AdobeSign.Connector/OAuth.cs", "class OAuth { const string Scopes = \"user_read:account agreement_write:account\"; }").Commit();

            Monorepo = TestRepository.Create();
            Monorepo.Csproj("connector-a/ConnectorA.csproj", "1.0.0");
            Monorepo.Csproj("connector-b/ConnectorB.csproj", "4.0.0").Commit();
            Monorepo.Tag("connector-a/v1.0.0").Tag("connector-b/v4.0.0");
            Monorepo.Branch("feature");
            Monorepo.Commit();
            Monorepo.Tag("connector-a/v1.1.0");
            Monorepo.Checkout("main");

            Shallow = TestRepository.ShallowCloneOf(Major);

            ReleaseOfPrerelease = TestRepository.Create();
            ReleaseOfPrerelease.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "1.4.2").Commit();
            ReleaseOfPrerelease.Tag("v1.4.2");
            ReleaseOfPrerelease.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "2.0.0-rc.2").Commit();
            ReleaseOfPrerelease.Tag("v2.0.0-rc.2");
            ReleaseOfPrerelease.Csproj("src/Venafi.Connector/Venafi.Connector.csproj", "2.0.0").Commit();
        }

        public string Root { get; }

        public TestRepository Major { get; }

        public TestRepository ScopePatch { get; }

        public TestRepository Monorepo { get; }

        public TestRepository Shallow { get; }

        public TestRepository ReleaseOfPrerelease { get; }

        public void Dispose()
        {
            Major.Dispose();
            ScopePatch.Dispose();
            Monorepo.Dispose();
            Shallow.Dispose();
            ReleaseOfPrerelease.Dispose();
            Directory.Delete(Root, recursive: true);
        }
    }
}
