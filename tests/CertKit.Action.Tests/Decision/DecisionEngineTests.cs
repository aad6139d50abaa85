using CertKit.Action.Programs.Custom;
using CertKit.Action.Programs.AdobeSign;
using CertKit.Action.Programs.Venafi;
using CertKit.Action.Programs;
using CertKit.Action.Decision;
using CertKit.Action.Policies;
using CertKit.Action.Tests.Git;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Decision;

/// <summary>The engine on real git history built in temp folders.</summary>
public class DecisionEngineTests
{
    private const string ConnectorCsproj = "src/Venafi.Connector/Venafi.Connector.csproj";

    [Theory]
    [InlineData("venafi", "2.0.0", BumpKind.Major, true)]
    [InlineData("venafi", "1.5.0", BumpKind.Minor, true)]
    [InlineData("venafi", "1.4.3", BumpKind.Patch, false)]
    [InlineData("commercetools", "2.0.0", BumpKind.Major, true)]
    [InlineData("commercetools", "1.5.0", BumpKind.Minor, true)]
    [InlineData("commercetools", "1.4.3", BumpKind.Patch, true)]
    [InlineData("adobe-sign", "2.0.0", BumpKind.Major, true)]
    [InlineData("adobe-sign", "1.5.0", BumpKind.Minor, true)]
    [InlineData("adobe-sign", "1.4.3", BumpKind.Patch, false)]
    public void Csproj_version_at_head_against_the_previous_release_tag(string program, string next, BumpKind bump, bool required)
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Tag("v1.4.2");
        repository.Csproj(ConnectorCsproj, next).Commit();

        var decision = Decide(repository, program);

        Assert.Equal(program, decision.Program);
        Assert.Equal("1.4.2", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal(VersionSourceKind.ReleaseTag, decision.Previous!.Source);
        Assert.Equal("tag v1.4.2", decision.Previous.Origin);
        Assert.Equal(next, VersionText.Format(decision.Version));
        Assert.Equal(VersionSourceKind.ProjectFile, decision.Current.Source);
        Assert.Equal($"{ConnectorCsproj} at HEAD", decision.Current.Origin);
        Assert.Equal(bump, decision.Bump);
        Assert.Equal(required, decision.RecertificationRequired);
    }

    [Fact]
    public void The_release_tag_on_head_wins_over_project_files_and_the_previous_is_the_highest_lower_tag()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "0.0.0-dev").Commit();
        repository.Tag("v1.0.0");
        repository.Commit();
        repository.Tag("v1.4.2");
        repository.Commit();
        repository.LightweightTag("v1.4.3");
        repository.Tag("not-a-release");

        var decision = Decide(repository, "commercetools");

        Assert.Equal("1.4.3", VersionText.Format(decision.Version));
        Assert.Equal("tag v1.4.3 on HEAD", decision.Current.Origin);
        Assert.Equal("1.4.2", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal(BumpKind.Patch, decision.Bump);
        Assert.True(decision.RecertificationRequired);
    }

    [Fact]
    public void A_push_after_a_release_without_a_version_change_is_none()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.1").Commit();
        repository.Tag("v1.4.1");
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Tag("v1.4.2");
        repository.Write("docs/usage.md", "# usage").Commit();

        var afterRelease = Decide(repository, "commercetools");
        var explicitAtTag = Decide(repository, "commercetools", headRef: "v1.4.2", version: "1.4.2");

        Assert.Equal(BumpKind.None, afterRelease.Bump);
        Assert.Equal("tag v1.4.2", afterRelease.Previous!.Origin);
        Assert.False(afterRelease.RecertificationRequired);
        Assert.Equal(BumpKind.Patch, explicitAtTag.Bump);
        Assert.Equal("tag v1.4.1", explicitAtTag.Previous!.Origin);
    }

    [Fact]
    public void Pull_request_compares_the_same_source_at_base_and_head()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Branch("feature/new-issuer");
        repository.Csproj(ConnectorCsproj, "1.5.0").Commit();

        var decision = Decide(repository, "venafi", baseRef: "main", headRef: "feature/new-issuer");

        Assert.Equal("1.4.2", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal($"{ConnectorCsproj} at main", decision.Previous!.Origin);
        Assert.Equal(BumpKind.Minor, decision.Bump);
        Assert.True(decision.RecertificationRequired);
        Assert.Contains("feature addition/enhancement", decision.Reasons[0]);
    }

    [Fact]
    public void A_pull_request_that_does_not_bump_is_none()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Branch("fix");
        repository.Write("src/Venafi.Connector/Client.cs", "class Client { }").Commit();

        var decision = Decide(repository, "commercetools", baseRef: "main", headRef: "fix");

        Assert.Equal(BumpKind.None, decision.Bump);
        Assert.False(decision.RecertificationRequired);
        Assert.Contains("no new version or Git tag to certify", decision.Reasons[0]);
    }

    [Fact]
    public void Directory_build_props_comes_before_csproj_and_version_prefix_and_suffix_combine()
    {
        using var repository = TestRepository.Create();
        repository.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <VersionPrefix>3.1.0</VersionPrefix>
                <VersionSuffix>beta.2</VersionSuffix>
              </PropertyGroup>
            </Project>
            """);
        repository.Csproj(ConnectorCsproj, "9.9.9").Commit();

        var decision = Decide(repository, "venafi");

        Assert.Equal("3.1.0-beta.2", VersionText.Format(decision.Version));
        Assert.Equal(VersionSourceKind.DirectoryBuildProps, decision.Current.Source);
        Assert.Equal(BumpKind.Initial, decision.Bump);
        Assert.Null(decision.PreviousVersion);
    }

    [Fact]
    public void Package_json_versions_a_commercetools_connect_app()
    {
        using var repository = TestRepository.Create();
        repository.Write("connect.yaml", "deployAs:\n  - name: service\n    applicationType: service\n");
        repository.Write("service/package.json", """{ "name": "payment-service", "version": "1.2.0" }""");
        repository.Write("service/node_modules/dep/package.json", """{ "name": "dep", "version": "9.0.0" }""").Commit();
        repository.Tag("v1.2.0");
        repository.Write("service/package.json", """{ "name": "payment-service", "version": "1.2.1" }""").Commit();

        var decision = Decide(repository, "commercetools");

        Assert.Equal("1.2.1", VersionText.Format(decision.Version));
        Assert.Equal(VersionSourceKind.PackageJson, decision.Current.Source);
        Assert.Equal("service/package.json at HEAD", decision.Current.Origin);
        Assert.Equal(BumpKind.Patch, decision.Bump);
        Assert.True(decision.RecertificationRequired);
    }

    [Fact]
    public void Four_part_versions_from_a_csproj()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.2.3.4").Commit();
        repository.Tag("v1.2.3.4");
        repository.Csproj(ConnectorCsproj, "1.2.3.5").Commit();

        var venafi = Decide(repository, "venafi");
        var commercetools = Decide(repository, "commercetools");

        Assert.Equal("1.2.3.5", VersionText.Format(venafi.Version));
        Assert.Equal("1.2.3.4", VersionText.Format(venafi.PreviousVersion!));
        Assert.Equal(BumpKind.Patch, venafi.Bump);
        Assert.False(venafi.RecertificationRequired);
        Assert.True(commercetools.RecertificationRequired);
    }

    [Fact]
    public void Test_projects_are_not_version_sources_and_conflicting_projects_are_an_error()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.0.0");
        repository.Csproj("tests/Venafi.Connector.Tests/Venafi.Connector.Tests.csproj", "5.0.0").Commit();

        Assert.Equal("1.0.0", VersionText.Format(Decide(repository, "venafi").Version));

        repository.Csproj("src/Other/Other.csproj", "2.0.0").Commit();
        var error = Assert.Throws<CertKitException>(() => Decide(repository, "venafi"));
        Assert.Equal(
            "*.csproj files at HEAD declare different versions (src/Other/Other.csproj 2.0.0, src/Venafi.Connector/Venafi.Connector.csproj 1.0.0); pass --version, tag the release, or narrow the policy's paths",
            error.Message);
    }

    [Fact]
    public void Monorepo_tag_patterns_keep_connectors_apart()
    {
        using var repository = TestRepository.Create();
        repository.Csproj("connector-a/ConnectorA.csproj", "1.0.0");
        repository.Csproj("connector-b/ConnectorB.csproj", "3.0.0").Commit();
        repository.Tag("connector-a/v1.0.0").Tag("connector-b/v3.0.0");
        repository.Commit();
        repository.Tag("connector-b/v3.1.0");
        repository.Commit();
        repository.Tag("connector-a/v1.0.1");

        var connectorA = Decide(repository, "venafi", tagPattern: "connector-a/v{version}");
        var connectorB = Decide(repository, "venafi", tagPattern: "connector-b/v{version}", headRef: "connector-b/v3.1.0");

        Assert.Equal("1.0.1", VersionText.Format(connectorA.Version));
        Assert.Equal("1.0.0", VersionText.Format(connectorA.PreviousVersion!));
        Assert.Equal(BumpKind.Patch, connectorA.Bump);
        Assert.False(connectorA.RecertificationRequired);
        Assert.Equal("3.1.0", VersionText.Format(connectorB.Version));
        Assert.Equal("3.0.0", VersionText.Format(connectorB.PreviousVersion!));
        Assert.Equal(BumpKind.Minor, connectorB.Bump);
        Assert.True(connectorB.RecertificationRequired);
    }

    [Fact]
    public void Prereleases_per_program()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Tag("v1.4.2");
        repository.Commit();
        repository.Tag("v2.0.0-rc.1");
        repository.Commit();
        repository.Tag("v2.0.0-rc.2");
        repository.Commit();
        repository.Tag("v2.0.0");

        // rc.1 -> rc.2
        var rcVenafi = Decide(repository, "venafi", headRef: "v2.0.0-rc.2");
        var rcCommercetools = Decide(repository, "commercetools", headRef: "v2.0.0-rc.2");
        var rcAdobe = Decide(repository, "adobe-sign", headRef: "v2.0.0-rc.2");
        Assert.All([rcVenafi, rcCommercetools, rcAdobe], decision =>
        {
            Assert.Equal(BumpKind.Prerelease, decision.Bump);
            Assert.Equal("2.0.0-rc.1", VersionText.Format(decision.PreviousVersion!));
        });
        Assert.Equal("tag v2.0.0-rc.2", rcVenafi.Current.Origin);
        Assert.False(rcVenafi.RecertificationRequired);
        Assert.True(rcCommercetools.RecertificationRequired);
        Assert.False(rcAdobe.RecertificationRequired);

        // rc.2 -> 2.0.0: Venafi judges against 1.4.2 (major), commercetools needs the new tag certified, Adobe reviewed it at rc.
        var venafi = Decide(repository, "venafi");
        var commercetools = Decide(repository, "commercetools");
        var adobe = Decide(repository, "adobe-sign");
        Assert.All([venafi, commercetools, adobe], decision =>
        {
            Assert.Equal(BumpKind.Prerelease, decision.Bump);
            Assert.Equal("2.0.0-rc.2", VersionText.Format(decision.PreviousVersion!));
            Assert.Equal("2.0.0", VersionText.Format(decision.Version));
        });
        Assert.True(venafi.RecertificationRequired);
        Assert.Contains("judged against the last release 1.4.2", venafi.Reasons[0]);
        Assert.StartsWith("major bump 1.4.2 -> 2.0.0 requires", venafi.Reasons[1]);
        Assert.True(commercetools.RecertificationRequired);
        Assert.Contains("pre-release tag's certification does not carry over", commercetools.Reasons[0]);
        Assert.False(adobe.RecertificationRequired);
        Assert.Contains("reviewed at the pre-release", adobe.Reasons[0]);

        // 1.4.2 -> 2.0.0-rc.1: Venafi waits for the release; Adobe reviews the functionality change now.
        var firstRcVenafi = Decide(repository, "venafi", headRef: "v2.0.0-rc.1");
        var firstRcAdobe = Decide(repository, "adobe-sign", headRef: "v2.0.0-rc.1");
        Assert.Equal(BumpKind.Major, firstRcVenafi.Bump);
        Assert.False(firstRcVenafi.RecertificationRequired);
        Assert.Contains("against the last release 1.4.2", firstRcVenafi.Reasons[0]);
        Assert.True(firstRcAdobe.RecertificationRequired);
    }

    [Fact]
    public void Zero_major_minor_bump_is_major_by_default_and_configurable()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "0.3.1").Commit();
        repository.Tag("v0.3.1");
        repository.Csproj(ConnectorCsproj, "0.4.0").Commit();

        var byDefault = Decide(repository, "adobe-sign");
        var turnedOff = DecisionEngine.Decide(new DecisionRequest
        {
            Policy = new AdobeSignPolicy(), RepositoryPath = repository.Path, ZeroMajorMinorIsMajor = false,
        });

        Assert.Equal(BumpKind.Major, byDefault.Bump);
        Assert.Contains("in 0.y.z, counted as major", byDefault.Reasons[0]);
        Assert.Equal(BumpKind.Minor, turnedOff.Bump);
        Assert.True(turnedOff.RecertificationRequired);
    }

    [Fact]
    public void Explicit_versions_need_no_repository()
    {
        var decision = DecisionEngine.Decide(new DecisionRequest
        {
            Policy = new VenafiPolicy(),
            RepositoryPath = Path.Combine(Path.GetTempPath(), "certkit-no-such-folder-" + Guid.NewGuid().ToString("N")),
            Version = "v2.1.0",
            PreviousVersion = "2.0.3",
        });

        Assert.Equal(BumpKind.Minor, decision.Bump);
        Assert.True(decision.RecertificationRequired);
        Assert.Equal(VersionSourceKind.Explicit, decision.Current.Source);
    }

    [Fact]
    public void An_explicit_version_is_compared_with_the_highest_lower_tag()
    {
        using var repository = TestRepository.Create();
        repository.Commit();
        repository.Tag("v1.0.0").Tag("v1.1.0").Tag("v3.0.0");
        repository.Commit();

        var decision = Decide(repository, "venafi", version: "2.0.0");

        Assert.Equal("1.1.0", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal(BumpKind.Major, decision.Bump);
    }

    [Fact]
    public void A_lower_version_is_a_downgrade()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.4.2").Commit();
        repository.Branch("oops");
        repository.Csproj(ConnectorCsproj, "1.3.0").Commit();

        var decision = Decide(repository, "venafi", baseRef: "main", headRef: "oops");

        Assert.Equal(BumpKind.Downgrade, decision.Bump);
        Assert.False(decision.RecertificationRequired);
    }

    [Fact]
    public void Custom_policy_with_paths_ignores_changes_elsewhere()
    {
        using var repository = TestRepository.Create();
        repository.Csproj("connector-a/ConnectorA.csproj", "1.0.0");
        repository.Write("docs/index.md", "# Connector A").Commit();
        repository.Tag("connector-a/v1.0.0");
        repository.Write("docs/index.md", "# Connector A\nBetter docs.");
        repository.Csproj("connector-a/ConnectorA.csproj", "1.0.1").Commit();
        var docsOnly = Decide(repository, CustomPolicyFrom("program: acme\nrecertifyOn: [major, minor, patch]\npaths: [connector-a/src/]\ntagPattern: connector-a/v{version}\n"));

        repository.Write("connector-a/src/Client.cs", "class Client { }");
        repository.Csproj("connector-a/ConnectorA.csproj", "1.0.2").Commit();
        var codeChange = Decide(repository, CustomPolicyFrom("program: acme\nrecertifyOn: [major, minor, patch]\npaths: [connector-a/src/]\ntagPattern: connector-a/v{version}\n"));

        Assert.Equal("acme", docsOnly.Program);
        Assert.Equal(BumpKind.Patch, docsOnly.Bump);
        Assert.False(docsOnly.RecertificationRequired);
        Assert.Equal(
            "no file under the policy's paths (connector-a/src/) changed since tag connector-a/v1.0.0 (2 changed elsewhere), so the version change alone does not require re-certification",
            docsOnly.Reasons[1]);
        Assert.True(codeChange.RecertificationRequired);
        Assert.Equal(
            "1 changed file(s) under the policy's paths (connector-a/src/) since tag connector-a/v1.0.0: connector-a/src/Client.cs",
            codeChange.Reasons[1]);
    }

    [Fact]
    public void Adobe_sign_scope_added_in_a_patch_requires_recertification()
    {
        using var repository = TestRepository.Create();
        const string client = "src/AdobeSign.Connector/AdobeSignOAuth.cs";
        repository.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.2");
        repository.Write(client, """
            public sealed class AdobeSignOAuth
            {
                public const string Scopes = "user_read:account agreement_read:account";
            }
            """);
        repository.Write("tests/AdobeSign.Connector.Tests/ScopeTests.cs", "class T { string s = \"webhook_write:account\"; }").Commit();
        repository.Tag("v1.4.2");
        repository.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.3");
        repository.Write(client, """
            public sealed class AdobeSignOAuth
            {
                public const string Scopes = "user_read:account agreement_read:account agreement_write:account";
                public string AuthorizeUrl(string clientId) =>
                    "https://secure.na1.adobesign.com/public/oauth/v2?response_type=code&client_id=" + clientId + "&scope=user_read:account+agreement_read:account+agreement_write:account";
            }
            """).Commit();

        var decision = Decide(repository, "adobe-sign");

        Assert.Equal(BumpKind.Patch, decision.Bump);
        Assert.True(decision.RecertificationRequired);
        Assert.Equal(["agreement_write:account"], decision.Scopes.Added);
        Assert.Empty(decision.Scopes.Removed);
        Assert.Equal("scope string literals in 1 of 1 C# file(s) at HEAD", decision.Scopes.Head!.Origin);
    }

    [Fact]
    public void Adobe_sign_scopes_read_from_csharp_files_without_any_say_how_many_files_were_read()
    {
        using var repository = TestRepository.Create();
        repository.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.2");
        repository.Write("src/AdobeSign.Connector/Client.cs", "public sealed class Client { }").Commit();
        repository.Tag("v1.4.2");
        repository.Csproj("src/AdobeSign.Connector/AdobeSign.Connector.csproj", "1.4.3");
        repository.Write("src/AdobeSign.Connector/Other.cs", "public sealed class Other { }").Commit();

        var decision = Decide(repository, "adobe-sign");

        Assert.Empty(decision.Scopes.Head!.Scopes);
        Assert.Equal("the 2 C# file(s) at HEAD, none with a scope string literal", decision.Scopes.Head.Origin);
        Assert.Contains("OAuth scopes unchanged (none found; from the 2 C# file(s) at HEAD, none with a scope string literal)", decision.Reasons);
    }

    [Fact]
    public void An_explicit_previous_version_compares_scopes_with_its_release_tag()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/App/OAuth.cs", "class O { string s = \"user_read:account\"; }").Commit();
        repository.Tag("v1.0.0");
        repository.Write("src/App/OAuth.cs", "class O { string s = \"user_read:account webhook_write:account\"; }").Commit();

        var decision = Decide(repository, new AdobeSignPolicy(), version: "1.0.1", previousVersion: "1.0.0");

        Assert.True(decision.RecertificationRequired);
        Assert.Equal(["webhook_write:account"], decision.Scopes.Added);
    }

    [Fact]
    public void Adobe_sign_declared_scopes_in_certkit_yml_win_over_code()
    {
        using var repository = TestRepository.Create();
        repository.Csproj("src/App/App.csproj", "1.0.0");
        repository.Write("certkit.yml", "scopes:\n  - user_read:account\n  - agreement_send:account\n");
        repository.Write("src/App/Scopes.cs", "class S { string s = \"library_read:self\"; }").Commit();
        repository.Branch("less-permissions");
        repository.Write("certkit.yml", "scopes: [user_read:account]\n");
        repository.Write("src/App/Scopes.cs", "class S { string s = \"workflow_read:self\"; }").Commit();

        var decision = Decide(repository, "adobe-sign", baseRef: "main", headRef: "less-permissions");

        Assert.Equal(BumpKind.None, decision.Bump);
        Assert.True(decision.RecertificationRequired);
        Assert.Empty(decision.Scopes.Added);
        Assert.Equal(["agreement_send:account"], decision.Scopes.Removed);
        Assert.Equal("certkit.yml scopes at less-permissions", decision.Scopes.Head!.Origin);
    }

    [Theory]
    [InlineData("src/App/App.csproj", "<Project><PropertyGroup><Version>1.x</Version></PropertyGroup></Project>", "version in src/App/App.csproj at HEAD '1.x' is not a version (expected SemVer like 1.4.2, 2.0.0-rc.1 or a 4-part version like 1.2.3.4)")]
    [InlineData("src/App/App.csproj", "<Project><PropertyGroup><Version>$(AppVersion)</Version></PropertyGroup></Project>", "the version in src/App/App.csproj is computed by MSBuild ($(AppVersion)); pass --version or tag the release")]
    [InlineData("src/App/App.csproj", "<Project><PropertyGroup><Version>1.0.0</Version>", "src/App/App.csproj is not valid XML (line 1): ")]
    [InlineData("service/package.json", "{ \"version\": \"1.0.0\",, }", "service/package.json is not valid JSON (line 1): ")]
    public void Unreadable_project_versions_are_one_line_errors(string path, string content, string expectedStart)
    {
        using var repository = TestRepository.Create();
        repository.Write(path, content).Commit();

        var error = Assert.Throws<CertKitException>(() => Decide(repository, "commercetools"));

        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Project_files_saved_with_a_byte_order_mark_are_read()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/App/App.csproj", "\uFEFF<Project><PropertyGroup><Version>1.2.3</Version></PropertyGroup></Project>");
        repository.Write("web/package.json", "\uFEFF{ \"version\": \"1.2.3\" }").Commit();

        Assert.Equal("1.2.3", VersionText.Format(Decide(repository, "venafi").Version));
        repository.Delete("src/App/App.csproj").Commit();
        Assert.Equal(VersionSourceKind.PackageJson, Decide(repository, "venafi").Current.Source);
    }

    [Fact]
    public void A_version_prefix_alone_is_the_version_and_conditional_versions_are_ignored()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <VersionPrefix>2.3.0</VersionPrefix>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)' == 'Debug'">
                <Version>9.9.9-debug</Version>
              </PropertyGroup>
            </Project>
            """).Commit();

        Assert.Equal("2.3.0", VersionText.Format(Decide(repository, "venafi").Version));
    }

    [Fact]
    public void Missing_repository_is_a_user_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "certkit-missing-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<CertKitException>(() => DecisionEngine.Decide(new DecisionRequest { Policy = new VenafiPolicy(), RepositoryPath = missing }));

        Assert.Equal($"repository folder '{missing}' does not exist", error.Message);
    }

    [Fact]
    public void A_folder_that_is_not_a_repository_is_a_user_error()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-not-a-repo-").FullName;
        try
        {
            var error = Assert.Throws<CertKitException>(() => DecisionEngine.Decide(new DecisionRequest { Policy = new VenafiPolicy(), RepositoryPath = folder }));
            Assert.StartsWith($"'{folder}' is not a git repository (", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_repository_without_commits_says_so()
    {
        using var repository = TestRepository.Create();

        var error = Assert.Throws<CertKitException>(() => Decide(repository, "venafi"));

        Assert.Equal($"head ref 'HEAD' was not found in {repository.Path}: the repository has no commits yet", error.Message);
    }

    [Fact]
    public void A_missing_base_ref_is_named()
    {
        using var repository = TestRepository.Create();
        repository.Csproj(ConnectorCsproj, "1.0.0").Commit();

        var error = Assert.Throws<CertKitException>(() => Decide(repository, "venafi", baseRef: "origin/main"));

        Assert.Equal($"base ref 'origin/main' was not found in {repository.Path} (fetch the base branch, e.g. git fetch origin origin/main)", error.Message);
    }

    [Fact]
    public void No_version_anywhere_says_what_was_looked_for()
    {
        using var repository = TestRepository.Create();
        repository.Write("README.md", "# connector").Commit();

        var error = Assert.Throws<CertKitException>(() => Decide(repository, "venafi"));

        Assert.Equal(
            "no version found at HEAD: no release tag matching v{version} or {version} on the commit, and no Version in Directory.Build.props, *.csproj, AssemblyInfo.cs, version in package.json or ModuleVersion in *.psd1; pass --version",
            error.Message);
    }

    [Fact]
    public void A_shallow_clone_asks_for_fetch_depth_0()
    {
        using var origin = TestRepository.Create();
        origin.Csproj(ConnectorCsproj, "1.4.2").Commit();
        origin.Tag("v1.4.2");
        origin.Csproj(ConnectorCsproj, "1.5.0").Commit();
        using var shallow = TestRepository.ShallowCloneOf(origin);

        var noTags = Assert.Throws<CertKitException>(() => Decide(shallow, "venafi"));
        var noBase = Assert.Throws<CertKitException>(() => Decide(shallow, "venafi", baseRef: "HEAD~1"));

        Assert.Equal(
            "no previous version found for 1.5.0: the clone is shallow (actions/checkout fetches one commit and no tags by default): check out with fetch-depth: 0, or pass --previous-version",
            noTags.Message);
        Assert.Equal(
            $"base ref 'HEAD~1' was not found in {shallow.Path}: the clone is shallow (actions/checkout fetches one commit and no tags by default): check out with fetch-depth: 0",
            noBase.Message);
    }

    [Fact]
    public void A_tag_pattern_without_placeholder_is_rejected_before_git_is_read()
    {
        var error = Assert.Throws<CertKitException>(() => DecisionEngine.Decide(new DecisionRequest
        {
            Policy = new VenafiPolicy(), RepositoryPath = "/nonexistent", TagPattern = "connector-a/v",
        }));

        Assert.Equal("tag pattern 'connector-a/v' has no {version} placeholder (e.g. v{version} or connector-a/v{version})", error.Message);
    }

    private static RecertificationDecision Decide(
        TestRepository repository, string program, string? baseRef = null, string headRef = "HEAD", string? tagPattern = null, string? version = null) =>
        Decide(repository, ProgramRegistry.Policies.Single(policy => policy.Id == program), baseRef, headRef, tagPattern, version);

    private static RecertificationDecision Decide(
        TestRepository repository, RecertificationPolicy policy, string? baseRef = null, string headRef = "HEAD", string? tagPattern = null, string? version = null, string? previousVersion = null) =>
        DecisionEngine.Decide(new DecisionRequest
        {
            PreviousVersion = previousVersion,
            Policy = policy,
            RepositoryPath = repository.Path,
            BaseRef = baseRef,
            HeadRef = headRef,
            TagPattern = tagPattern,
            Version = version,
        });

    private static CustomPolicy CustomPolicyFrom(string yaml) => CustomPolicy.From(PolicyFile.Parse(yaml, "certkit.yml"));
}
