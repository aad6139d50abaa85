using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>usage-examples</c>: the README has a usage or examples section that shows an example: a fenced code block, or a link
/// to example code in the repository (an <c>examples/</c> folder or a file, relative or as a GitHub tree/blob link) that exists.
/// </summary>
internal sealed partial class UsageExamplesCheck : IReadinessCheck
{
    private static readonly string[] UsageWords = ["usage", "example", "how to use", "quick start", "quickstart", "tutorial"];

    public string Id => "usage-examples";

    public string Requirement => "Clear usage examples in the documentation.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (ReadmeSections.Read(context) is not { } readme)
        {
            return Task.FromResult(CheckOutcome.Failed([ReadmeSections.Missing]));
        }

        var sections = readme.Sections.Where(section => UsageWords.Any(word => section.Title.Contains(word, StringComparison.OrdinalIgnoreCase))).ToList();
        if (sections.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Failed([$"{readme.Path}: no usage section (a heading with Usage, Examples, How to use or Quick start)"]));
        }

        if (sections.FirstOrDefault(section => section.HasCodeBlock) is { } withExample)
        {
            return Task.FromResult(CheckOutcome.Passed([$"{readme.At(withExample)}: {withExample.Title}, with a code example"]));
        }

        foreach (var section in sections)
        {
            if (LinkedExample(context, section.Body) is { } linked)
            {
                return Task.FromResult(CheckOutcome.Passed([$"{readme.At(section)}: {section.Title}, linking {linked}"]));
            }
        }

        return Task.FromResult(CheckOutcome.Failed([$"{readme.At(sections[0])}: the {sections[0].Title} section shows no example (no ``` code block, no link to example code in the repository)"]));
    }

    /// <summary>The first link of the text to code in this repository ("examples/ (8 files)", "samples/send.py"), or null.</summary>
    private static string? LinkedExample(CheckContext context, string text)
    {
        foreach (Match match in Link().Matches(text))
        {
            var target = match.Groups["target"].Value;
            var tree = GitHubTree().Match(target);
            var path = tree.Success ? tree.Groups["path"].Value : target.Contains("://", StringComparison.Ordinal) ? null : target;
            if (path is null)
            {
                continue;
            }

            path = Uri.UnescapeDataString(path.Split('#', '?')[0]).Trim('/');
            if (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0)
            {
                continue;
            }

            if (context.Files.Contains(path, StringComparer.Ordinal) && !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                return path;
            }

            var under = context.FilesUnder(path).Count();
            if (under > 0)
            {
                return $"{path}/ ({under} file{(under == 1 ? "" : "s")})";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"^https://github\.com/[^/]+/[^/]+/(?:tree|blob)/[^/]+/(?<path>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubTree();
}
