using CertKit.Action.Programs.Commercetools;
using CertKit.Action.Programs.AdobeSign;
using CertKit.Action.Programs.Venafi;
using CertKit.Action.Decision;
using CertKit.Action.Policies;
using CertKit.Action.Tests.Git;
using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Samples;

/// <summary>
/// The histories samples/demo.sh builds (one commit per samples/NAME/history step, tagged as the step is named)
/// give the decisions the demo and the README advertise.
/// </summary>
public class SampleHistoriesTests
{
    [Fact]
    public void Venafi_connector_patch_then_major()
    {
        using var repository = Build("venafi-connector", tagLast: false);

        var patch = Decide(repository, new VenafiPolicy(), headRef: "v1.4.3");
        var major = Decide(repository, new VenafiPolicy());

        Assert.Equal((BumpKind.Patch, false), (patch.Bump, patch.RecertificationRequired));
        Assert.Equal("1.4.3", VersionText.Format(major.PreviousVersion!));
        Assert.Equal("2.0.0", VersionText.Format(major.Version));
        Assert.Equal((BumpKind.Major, true), (major.Bump, major.RecertificationRequired));
    }

    [Fact]
    public void Adobe_sign_connector_patch_with_a_new_scope()
    {
        using var repository = Build("adobe-sign-connector", tagLast: false);

        var decision = Decide(repository, new AdobeSignPolicy());

        Assert.Equal((BumpKind.Patch, true), (decision.Bump, decision.RecertificationRequired));
        Assert.Equal(["agreement_send:account"], decision.Scopes.Added);
        Assert.Empty(decision.Scopes.Removed);
    }

    [Fact]
    public void Commercetools_connector_bug_fix()
    {
        using var repository = Build("commercetools-connector", tagLast: true);

        var decision = Decide(repository, new CommercetoolsPolicy());

        Assert.Equal(VersionSourceKind.ReleaseTag, decision.Current.Source);
        Assert.Equal("1.2.0", VersionText.Format(decision.PreviousVersion!));
        Assert.Equal((BumpKind.Patch, true), (decision.Bump, decision.RecertificationRequired));
    }

    private static RecertificationDecision Decide(TestRepository repository, RecertificationPolicy policy, string headRef = "HEAD") =>
        DecisionEngine.Decide(new DecisionRequest { Policy = policy, RepositoryPath = repository.Path, HeadRef = headRef });

    /// <summary>The history samples/demo.sh builds for <paramref name="sample"/>, in a temporary git repository.</summary>
    internal static TestRepository Build(string sample, bool tagLast)
    {
        var steps = Directory.GetDirectories(Path.Combine(SourceTree.Root, "samples", sample, "history")).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(steps);
        var repository = TestRepository.Create();
        for (var index = 0; index < steps.Count; index++)
        {
            foreach (var file in Directory.GetFiles(steps[index], "*", SearchOption.AllDirectories))
            {
                repository.Write(Path.GetRelativePath(steps[index], file).Replace('\\', '/'), File.ReadAllText(file));
            }

            repository.Commit();
            if (index < steps.Count - 1 || tagLast)
            {
                var name = Path.GetFileName(steps[index]);
                repository.Tag(name[(name.IndexOf('-') + 1)..]);
            }
        }

        return repository;
    }
}
