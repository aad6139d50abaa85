namespace CertKit.Action.Readiness.Checks;

/// <summary><c>license</c>: a license file at the root (LICENSE, LICENCE, COPYING, with or without .md/.txt) that is not empty.</summary>
internal sealed class LicenseCheck : IReadinessCheck
{
    private static readonly string[] Names = ["LICENSE", "LICENCE", "COPYING", "LICENSE-MIT", "LICENSE-APACHE"];

    public string Id => "license";

    public string Requirement => "A license file.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var found = context.Files.Where(file => !file.Contains('/') && Names.Contains(Path.GetFileNameWithoutExtension(file), StringComparer.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Failed([$"no license file at the root (looked for {string.Join(", ", Names)}, with or without .md/.txt)"]));
        }

        var evidence = new List<string>();
        var problems = new List<string>();
        foreach (var file in found)
        {
            var firstLine = context.ReadText(file)?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
            if (firstLine is null)
            {
                problems.Add($"{file}: empty");
            }
            else
            {
                evidence.Add($"{file}:1: {firstLine}");
            }
        }

        return Task.FromResult(evidence.Count > 0 ? CheckOutcome.Passed(evidence) : CheckOutcome.Failed(problems));
    }
}
