namespace CertKit.Action.Readiness.Checks;

/// <summary><c>usage-examples</c>: the README has a usage or examples section that shows an example (a fenced code block).</summary>
internal sealed class UsageExamplesCheck : IReadinessCheck
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

        var withExample = sections.FirstOrDefault(section => section.HasCodeBlock);
        return Task.FromResult(withExample is null
            ? CheckOutcome.Failed([$"{readme.At(sections[0])}: the {sections[0].Title} section shows no example (no ``` code block)"])
            : CheckOutcome.Passed([$"{readme.At(withExample)}: {withExample.Title}, with a code example"]));
    }
}
