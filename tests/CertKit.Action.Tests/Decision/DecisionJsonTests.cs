using CertKit.Action.Decision;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Decision;

public class DecisionJsonTests
{
    [Fact]
    public void Renders_exactly_the_documented_object_in_order()
    {
        var decision = new RecertificationDecision
        {
            Program = "adobe-sign",
            ProgramName = "Adobe Sign",
            Previous = new DiscoveredVersion(VersionText.TryParse("1.4.2+build.7")!, VersionSourceKind.ReleaseTag, "tag v1.4.2", null),
            Current = new DiscoveredVersion(VersionText.TryParse("1.4.3")!, VersionSourceKind.ProjectFile, "App.csproj at HEAD", null),
            Bump = BumpKind.Patch,
            RecertificationRequired = true,
            Reasons = ["a \"quoted\" reason -> with an arrow", "second"],
            Scopes = ScopeComparison.Between(new ScopeSet(["user_read:account"], "b"), new ScopeSet(["agreement_write:account"], "h")),
            ComparedWith = VersionText.TryParse("1.4.2"),
        };

        Assert.Equal(
            """{"program":"adobe-sign","previousVersion":"1.4.2","previousVersionSource":"tag v1.4.2","version":"1.4.3","versionSource":"App.csproj at HEAD","comparedWith":"1.4.2","bump":"patch","recertificationRequired":true,"reasons":["a \"quoted\" reason -> with an arrow","second"],"scopes":{"added":["agreement_write:account"],"removed":["user_read:account"]},"evidence":null,"impliedBump":null,"bumpUnderstated":false,"evidenceIncomplete":false,"notCompared":[],"warnings":[],"certifiedVersion":null,"certifiedSource":null,"certifiedBaseline":false,"baseline":null}""",
            DecisionJson.Render(decision));
    }

    [Fact]
    public void An_initial_version_has_a_null_previous_version_and_empty_scope_lists()
    {
        var decision = new RecertificationDecision
        {
            Program = "venafi",
            ProgramName = "Venafi TLS Protect Cloud",
            Previous = null,
            Current = new DiscoveredVersion(VersionText.TryParse("1.0.0")!, VersionSourceKind.Explicit, "--version", null),
            Bump = BumpKind.Initial,
            RecertificationRequired = true,
            Reasons = ["first"],
            Scopes = ScopeComparison.NotCompared("n/a"),
        };

        Assert.Equal(
            """{"program":"venafi","previousVersion":null,"previousVersionSource":null,"version":"1.0.0","versionSource":"--version","comparedWith":null,"bump":"initial","recertificationRequired":true,"reasons":["first"],"scopes":{"added":[],"removed":[]},"evidence":null,"impliedBump":null,"bumpUnderstated":false,"evidenceIncomplete":false,"notCompared":[],"warnings":[],"certifiedVersion":null,"certifiedSource":null,"certifiedBaseline":false,"baseline":null}""",
            DecisionJson.Render(decision));
    }
}
