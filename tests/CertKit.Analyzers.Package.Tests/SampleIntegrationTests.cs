using System.Text.RegularExpressions;

namespace CertKit.Analyzers.Package.Tests;

/// <summary>The sample's README, its source markers and the tests' expectations tell the same story (no build needed).</summary>
public sealed partial class SampleIntegrationTests
{
    [Fact]
    public void ReadmeTablesListExactlyTheExpectedAndPendingFindings()
    {
        var readme = File.ReadAllText(Path.Combine(SampleIntegration.Folder, "README.md"));

        Assert.Equal(SampleIntegration.Ordered(SampleIntegration.Expected), TableRows(readme, "## Deliberate findings"));
        Assert.Equal(SampleIntegration.Ordered(SampleIntegration.Pending), TableRows(readme, "## Waiting for their rule"));
    }

    [Fact]
    public void EveryDeliberateFindingMarkerInTheSourceIsExpectedOrPending()
    {
        var markers = new List<SampleFinding>();
        foreach (var file in Directory.EnumerateFiles(SampleIntegration.Folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SampleIntegration.Folder, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                // The marker comment sits on the line above the finding: index + 1 is 0-based, so the finding's line is index + 2.
                foreach (Match marker in Marker().Matches(lines[index]))
                {
                    markers.Add(new SampleFinding(marker.Groups["id"].Value, relative, index + 2));
                }
            }
        }

        var inCode = SampleIntegration.Expected.Concat(SampleIntegration.Pending).Where(f => f.File.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Equal(SampleIntegration.Ordered(inCode), SampleIntegration.Ordered(markers));
    }

    [Fact]
    public void EveryRuleInTheRegistryHasADeliberateFindingInTheSample()
    {
        var registry = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "analyzers", "CertKit.Analyzers", "RuleIds.cs"));
        var ruleIds = RuleId().Matches(registry).Select(m => m.Groups["id"].Value).ToHashSet();
        var covered = SampleIntegration.Expected.Concat(SampleIntegration.Pending).Select(f => f.Id).ToHashSet();

        Assert.NotEmpty(ruleIds);
        Assert.Empty(ruleIds.Except(covered).Order());
    }

    [Fact]
    public void TheSampleIsNotPartOfTheSolution()
    {
        var solution = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "Toolkit.sln"));

        Assert.DoesNotContain("SampleIntegration", solution, StringComparison.Ordinal);
    }

    private static List<SampleFinding> TableRows(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{heading}' section");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? markdown[start..] : markdown[start..end];
        return TableRow().Matches(section)
            .Select(m => new SampleFinding(m.Groups["id"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value)))
            .Order()
            .ToList();
    }

    [GeneratedRegex(@"DELIBERATE FINDING (?<id>CK\d{4})\b")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\| (?<id>CK\d{4}) \| (?<file>[^|\s]+) \| (?<line>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"""(?<id>CK\d{4})""")]
    private static partial Regex RuleId();
}
