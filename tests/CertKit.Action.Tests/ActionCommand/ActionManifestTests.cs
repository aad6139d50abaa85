using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>action.yml, the Dockerfile and docs/action.md agree with each other and with what the app reads.</summary>
public sealed class ActionManifestTests
{
    private static readonly string[] Inputs =
    [
        "program", "policy-file", "github-token", "target-repository", "labels", "assignees", "version", "previous-version",
        "tag-pattern", "fail-on", "comment-on-pr", "closed-issue", "scan", "sarif-file", "baseline", "evidence", "endpoints-file", "check",
        "certified-version", "certified-label", "pack",
    ];

    private static readonly string[] Outputs =
        ["previous-version", "version", "bump", "recertification-required", "reasons", "issue-number", "issue-url", "findings", "sarif-file", "ready", "failed-checks", "pack-dir"];

    private static string Root => PublishedAction.RepositoryRoot();

    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "action.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void Runs_the_Dockerfile_as_a_container_action_with_branding()
    {
        var manifest = Manifest();

        Assert.Equal("docker", Scalar(Map(manifest, "runs"), "using"));
        Assert.Equal("Dockerfile", Scalar(Map(manifest, "runs"), "image"));
        Assert.Null(Scalar(Map(manifest, "runs"), "args"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(manifest, "branding"), "icon")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(manifest, "branding"), "color")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(manifest, "description")));
    }

    [Fact]
    public void Declares_every_input_with_a_description_and_the_documented_defaults()
    {
        var inputs = Map(Manifest(), "inputs");

        Assert.Equal(Inputs.Order(), inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        foreach (var name in Inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(inputs, name), "description")), name);
        }

        Assert.Equal("true", Scalar(Map(inputs, "program"), "required"));
        Assert.Equal("${{ github.token }}", Scalar(Map(inputs, "github-token"), "default"));
        Assert.Equal("recertification", Scalar(Map(inputs, "labels"), "default"));
        Assert.Equal("never", Scalar(Map(inputs, "fail-on"), "default"));
        Assert.Equal("true", Scalar(Map(inputs, "comment-on-pr"), "default"));
        Assert.Equal("comment", Scalar(Map(inputs, "closed-issue"), "default"));
        Assert.Equal("false", Scalar(Map(inputs, "scan"), "default"));
        Assert.Equal("", Scalar(Map(inputs, "sarif-file"), "default"));
        Assert.Equal("all", Scalar(Map(inputs, "evidence"), "default"));
        Assert.Equal("", Scalar(Map(inputs, "endpoints-file"), "default"));
        Assert.Equal("false", Scalar(Map(inputs, "check"), "default"));
        Assert.Equal("certified", Scalar(Map(inputs, "certified-label"), "default"));
        Assert.Equal("", Scalar(Map(inputs, "pack"), "default"));
    }

    [Fact]
    public void Declares_every_output_with_a_description()
    {
        var outputs = Map(Manifest(), "outputs");

        Assert.Equal(Outputs.Order(), outputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        foreach (var name in Outputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(outputs, name), "description")), name);
        }
    }

    [Fact]
    public void Every_declared_input_is_read_by_the_app_and_documented()
    {
        var source = File.ReadAllText(Path.Combine(Root, "action", "CertKit.Action", "Cli", "ActionInputs.cs"));
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "action.md"));

        foreach (var name in Inputs)
        {
            Assert.Contains($"GetInput(\"{name}\"", source);
            Assert.Contains($"| `{name}` |", docs);
        }

        foreach (var name in Outputs)
        {
            Assert.Contains($"| `{name}` |", docs);
        }
    }

    [Fact]
    public void Dockerfile_publishes_certkit_and_runs_the_action_command_in_exec_form_as_root()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var text = string.Join("\n", lines);

        // Base images pinned by digest: a tag moves, and an image whose base moved is not the one that was tested.
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0@sha256:[0-9a-f]{64} AS build$"));
        Assert.All(lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)), line => Assert.Matches(@"^FROM \S+@sha256:[0-9a-f]{64}( AS \w+)?$", line));
        Assert.Matches(@"RUN dotnet publish action/CertKit.Action/CertKit.Action.csproj -c Release -o /app\b", text);
        Assert.Equal(2, lines.Count(line => line.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal)));
        Assert.Contains("COPY analyzers/CertKit.Analyzers/ analyzers/CertKit.Analyzers/", lines);
        Assert.Contains("apt-get install -y --no-install-recommends git nodejs npm", text);
        Assert.Contains("git config --system --add safe.directory /github/workspace", text);
        // Only the workspace: '*' would let git read any repository owned by anyone in the container.
        Assert.DoesNotContain("safe.directory '*'", text);
        Assert.DoesNotContain("safe.directory *", text);
        Assert.Contains("COPY --from=build /app /app", lines);
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/certkit.dll\", \"action\"]", lines[^1]);
        Assert.All(lines.Where(line => line.StartsWith("USER ", StringComparison.Ordinal)), line => Assert.Equal("USER root", line));
        Assert.DoesNotContain(lines, line => line.StartsWith("CMD", StringComparison.Ordinal));
    }
}
