using CertKit.Action.Decision;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Decision;

public class DecisionTextTests
{
    [Fact]
    public void Shows_the_verdict_versions_with_their_sources_scope_changes_and_reasons()
    {
        var decision = new RecertificationDecision
        {
            Program = "adobe-sign",
            ProgramName = "Adobe Sign",
            Previous = new DiscoveredVersion(VersionText.TryParse("1.0.0")!, VersionSourceKind.ReleaseTag, "tag v1.0.0", null),
            Current = new DiscoveredVersion(VersionText.TryParse("1.0.1")!, VersionSourceKind.ProjectFile, "src/App/App.csproj at HEAD", null),
            Bump = BumpKind.Patch,
            RecertificationRequired = true,
            Reasons = ["first reason", "second reason"],
            Scopes = ScopeComparison.Between(new ScopeSet(["user_read:account"], "b"), new ScopeSet(["agreement_send:account", "user_read:account"], "h")),
        };

        Assert.Equal(
            """
            Adobe Sign: RE-CERTIFICATION REQUIRED
              version:          1.0.1 (src/App/App.csproj at HEAD)
              previous version: 1.0.0 (tag v1.0.0)
              bump:             patch
              scopes added:     agreement_send:account
              scopes removed:   none
              reasons:
                - first reason
                - second reason

            """.ReplaceLineEndings(),
            DecisionText.Render(decision));
    }

    [Fact]
    public void An_initial_version_asks_for_a_first_certification()
    {
        var decision = new RecertificationDecision
        {
            Program = "venafi",
            ProgramName = "Venafi TLS Protect Cloud",
            Previous = null,
            Current = new DiscoveredVersion(VersionText.TryParse("1.0.0")!, VersionSourceKind.ReleaseTag, "tag v1.0.0", null),
            Bump = BumpKind.Initial,
            RecertificationRequired = true,
            Reasons = ["first"],
            Scopes = ScopeComparison.NotCompared("n/a"),
        };

        var text = DecisionText.Render(decision);

        Assert.StartsWith("Venafi TLS Protect Cloud: CERTIFICATION REQUIRED (first certification)", text);
        Assert.Contains("previous version: none", text);
        Assert.DoesNotContain("scopes", text);
    }
}
