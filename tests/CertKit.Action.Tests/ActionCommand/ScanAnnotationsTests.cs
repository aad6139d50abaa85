using CertKit.Action.Reporting;
using CertKit.Action.GitHubAction;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;
using CertKit.Action.Tests.Git;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>The annotation caps (10 per type per step, counting what the step already wrote) and the scan step's errors, in process.</summary>
public sealed class ScanAnnotationsTests
{
    private static readonly DiagnosticDescriptor HardcodedUrl = new(
        "CK1001", "Hardcoded URL", "The URL '{0}' is hardcoded; read it from configuration", "Certification.Secrets", DiagnosticSeverity.Warning, true,
        helpLinkUri: "https://github.com/certkit/certkit/blob/main/docs/rules/CK1001.md");

    private static (ActionsCore Core, StringWriter Stdout) Core()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        return (new ActionsCore(stdout, _ => null), stdout);
    }

    private static Finding At(int line, FindingLevel level) =>
        new("CK1001", "src/Regions.cs", line, 29, line, 53, $"The URL 'https://api{line}.venafi.cloud' is hardcoded; read it from configuration", level, "");

    private static ActionScanResult Result(IReadOnlyList<Finding> findings) =>
        new(new ScanReport("/repo", ".", [HardcodedUrl], findings, 1, [], [], [], [], null), findings, null);

    private static List<string> Lines(StringWriter stdout) => stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public void Each_type_gets_its_own_ten_and_one_line_counts_the_rest()
    {
        var (core, stdout) = Core();
        var findings = Enumerable.Range(1, 12).Select(line => At(line, FindingLevel.Warning))
            .Concat(Enumerable.Range(20, 11).Select(line => At(line, FindingLevel.Note)))
            .Append(At(40, FindingLevel.Error))
            .ToList();

        ScanAnnotations.Emit(core, Result(findings), reserveError: false);

        var lines = Lines(stdout);
        Assert.Equal(
            "::error title=CK1001 Hardcoded URL,file=src/Regions.cs,line=40,endLine=40,col=29,endColumn=53::The URL 'https://api40.venafi.cloud' is hardcoded; read it from configuration",
            lines[0]);
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.Equal("::warning title=CK1001 Hardcoded URL,file=src/Regions.cs,line=10,endLine=10,col=29,endColumn=53::The URL 'https://api10.venafi.cloud' is hardcoded; read it from configuration",
            lines.Last(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(
            [
                "certkit: and 2 more warning findings, not annotated (GitHub shows 10 warning annotations per step); see the job summary.",
                "certkit: and 1 more notice finding, not annotated (GitHub shows 10 notice annotations per step); see the job summary.",
            ],
            lines.Where(l => l.StartsWith("certkit: ", StringComparison.Ordinal)));
        Assert.Equal(23, lines.Count);
    }

    [Fact]
    public void Annotations_the_step_already_wrote_and_the_failure_line_take_their_slots()
    {
        var (core, stdout) = Core();
        core.Warning("certkit: the labels were not applied");
        core.Error("an earlier error");
        var findings = Enumerable.Range(1, 10).Select(line => At(line, FindingLevel.Error))
            .Concat(Enumerable.Range(11, 10).Select(line => At(line, FindingLevel.Warning)))
            .ToList();

        ScanAnnotations.Emit(core, Result(findings), reserveError: true);

        var lines = Lines(stdout).Skip(2).ToList();
        Assert.Equal(8, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(9, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(10, core.AnnotationCount("warning"));
        Assert.Equal(9, core.AnnotationCount("error"));
        Assert.Contains("certkit: and 2 more error findings, not annotated (GitHub shows 10 error annotations per step); see the job summary.", lines);
        Assert.Contains("certkit: and 1 more warning finding, not annotated (GitHub shows 10 warning annotations per step); see the job summary.", lines);
    }

    [Fact]
    public void No_findings_no_lines()
    {
        var (core, stdout) = Core();

        ScanAnnotations.Emit(core, Result([]), reserveError: true);

        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task A_clone_without_the_base_commit_asks_for_fetch_depth_0()
    {
        using var origin = TestRepository.Create();
        origin.Write("src/Client.cs", "namespace C;\n\npublic sealed class Client { }\n");
        var baseSha = origin.Commit("base");
        origin.Write("src/Client.cs", "namespace C;\n\npublic sealed class Client { private const string Url = \"https://api.venafi.cloud\"; }\n");
        origin.Commit("head");
        using var clone = TestRepository.ShallowCloneOf(origin);
        var (core, _) = Core();

        var error = await Assert.ThrowsAsync<CertKitException>(async () => await ScanStep.RunAsync(core, await ScanStep.OpenAsync(clone.Path, null, null, CancellationToken.None), baseSha, null, null, wholeRepository: false, CancellationToken.None));

        Assert.Equal($"cannot tell which lines the pull request changed ('{baseSha}' is not a commit in this repository); check out the repository with `fetch-depth: 0`.", error.Message);
    }
}
