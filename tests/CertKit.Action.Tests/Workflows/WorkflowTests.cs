using CertKit.Action.Tests.ActionCommand;
using YamlDotNet.RepresentationModel;

namespace CertKit.Action.Tests.Workflows;

/// <summary>
/// The repository's workflows: every one passes actionlint; CI runs the README's test command and the Action on this
/// repository through the reusable workflow; the release workflow pins action.yml to the image it pushed.
/// </summary>
public sealed class WorkflowTests : IClassFixture<ActionlintWasm>
{
    private readonly ActionlintWasm actionlint;

    public WorkflowTests(ActionlintWasm actionlint)
    {
        this.actionlint = actionlint;
    }

    private static string Root => PublishedAction.RepositoryRoot();

    private static string WorkflowFolder => Path.Combine(Root, ".github", "workflows");

    [Fact]
    public void Every_workflow_passes_actionlint()
    {
        var workflows = Directory.GetFiles(WorkflowFolder).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["certkit.yml", "ci.yml", "release.yml"], workflows.Select(Path.GetFileName));

        var result = actionlint.Lint(workflows.Select(path => (path, ".github/workflows/" + Path.GetFileName(path))));

        Assert.True(result.ExitCode == 0, $"actionlint:\n{result.Stdout}{result.Stderr}");
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Actionlint_reports_a_broken_workflow()
    {
        // The check can fail: an undefined job output and an unknown context property.
        var broken = Path.Combine(actionlint.Folder, "broken.yml");
        File.WriteAllText(broken, """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ github.no_such_property }}
              b:
                needs: a
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ needs.a.outputs.missing }}
            """);

        var result = actionlint.Lint([(broken, ".github/workflows/broken.yml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".github/workflows/broken.yml:6:", result.Stdout);
        Assert.Contains(".github/workflows/broken.yml:11:", result.Stdout);
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_and_the_action_on_this_repository_through_the_reusable_workflow()
    {
        var ci = Load("ci.yml");
        var jobs = Map(ci, "jobs");

        var steps = Sequence(Map(jobs, "test"), "steps").Children.Cast<YamlMappingNode>();
        Assert.Contains(steps, step => Scalar(step, "run") == "dotnet test Toolkit.sln");
        var certkit = Map(jobs, "certkit");
        Assert.Equal("./.github/workflows/certkit.yml", Scalar(certkit, "uses"));
        Assert.Equal("true", Scalar(Map(certkit, "with"), "scan"));
        Assert.Equal("true", Scalar(Map(certkit, "with"), "from-source"));
        Assert.Equal("write", Scalar(Map(certkit, "permissions"), "security-events"));
    }

    [Fact]
    public void The_reusable_workflow_runs_the_action_from_source_or_the_release_and_uploads_the_sarif_and_the_pack()
    {
        var reusable = Load("certkit.yml");
        Assert.NotNull(Map(Map(reusable, "on"), "workflow_call"));

        var steps = Sequence(Map(Map(reusable, "jobs"), "certkit"), "steps").Children.Cast<YamlMappingNode>().ToList();
        Assert.Contains(steps, step => Scalar(step, "uses") == "./");
        Assert.Contains(steps, step => Scalar(step, "uses") == "certkit/certkit@v1");
        Assert.Contains(steps, step => Scalar(step, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        // The Action writes the evidence pack with the re-certification request; the workflow uploads the folder it names.
        Assert.All(steps.Where(step => Scalar(step, "uses") is "./" or "certkit/certkit@v1"), step => Assert.Equal("${{ inputs.pack && 'certkit-pack' || '' }}", Scalar(Map(step, "with"), "pack")));
        var upload = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("${{ steps.released.outputs.pack-dir || steps.source.outputs.pack-dir }}", Scalar(Map(upload, "with"), "path"));
        Assert.Contains("pack-dir", Scalar(upload, "if"));
        var checkout = steps.First(step => Scalar(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", Scalar(Map(checkout, "with"), "fetch-depth"));
    }

    [Fact]
    public void The_release_workflow_pins_the_manifests_image_line_to_the_pushed_digest()
    {
        var release = File.ReadAllText(Path.Combine(WorkflowFolder, "release.yml"));
        // The sed in the release job rewrites this exact line of action.yml; on main it builds the Dockerfile (CI's `uses: ./`).
        Assert.Contains("sed -i \"s|^  image: .*|  image: 'docker://${IMAGE}@${DIGEST}'|\" action.yml", release);
        Assert.Contains("  image: 'Dockerfile'", File.ReadAllLines(Path.Combine(Root, "action.yml")));
        Assert.Contains("tags: ['v*.*.*']", release);
        Assert.Contains("dotnet pack analyzers/CertKit.Analyzers.Package -c Release -o packages \"-p:Version=$VERSION\"", release);
        Assert.Contains("dotnet pack action/CertKit.Action -c Release -o packages \"-p:Version=$VERSION\"", release);
        Assert.Contains("secrets.NUGET_API_KEY", release);
        Assert.Contains("git push -f origin \"refs/tags/${TAG}\" \"refs/tags/${major}\"", release);
    }

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(WorkflowFolder, name))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
