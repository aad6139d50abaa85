namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>documentation</c>: a README at the root with an installation section and a distinct configuration section, each
/// found by what its heading means (Install, Getting started, Deploy… / Configuration, Environment variables, Connector
/// properties…); a heading that means configuration ("Deployment configuration") is the configuration section, never both.
/// In a Connect repository every <c>connect.yaml</c> configuration key is named somewhere in the README (a table counts).
/// </summary>
internal sealed class DocumentationCheck : IReadinessCheck
{
    internal static readonly string[] InstallationWords = ["install", "setup", "set up", "set-up", "getting started", "get started", "quick start", "quickstart", "deploy"];
    internal static readonly string[] ConfigurationWords = ["configur", "settings", "environment variables", "env vars", "connector properties", "properties"];

    public string Id => "documentation";

    public string Requirement => "Installation guide and configuration documentation, in a README.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (ReadmeSections.Read(context) is not { } readme)
        {
            return Task.FromResult(CheckOutcome.Failed([ReadmeSections.Missing]));
        }

        var problems = new List<string>();
        var evidence = new List<string>();
        var configuration = readme.Sections.FirstOrDefault(section => Means(section.Title, ConfigurationWords));
        var installation = readme.Sections.FirstOrDefault(section => section != configuration && !Means(section.Title, ConfigurationWords) && Means(section.Title, InstallationWords));
        if (installation is null)
        {
            problems.Add($"{readme.Path}: no installation section (a heading such as Installation, Setup, Getting started or Deploy, apart from the configuration section)");
        }
        else
        {
            evidence.Add($"{readme.At(installation)}: {installation.Title}");
        }

        if (configuration is null)
        {
            problems.Add($"{readme.Path}: no configuration section (a heading such as Configuration, Settings, Environment variables or Connector properties)");
        }
        else
        {
            evidence.Add($"{readme.At(configuration)}: {configuration.Title}");
        }

        if (context.TryManifest() is { } manifest && context.ReadText(readme.Path) is { } text)
        {
            var keys = manifest.AllConfiguration.ToList();
            foreach (var entry in keys.Where(entry => !text.Contains(entry.Key, StringComparison.Ordinal)).DistinctBy(entry => entry.Key))
            {
                problems.Add($"{readme.Path}: does not name {entry.Key} ({manifest.RelativePath}:{entry.Line}); document every configuration key");
            }

            if (keys.Count > 0 && problems.Count == 0)
            {
                evidence.Add($"{readme.Path}: names all {keys.Select(entry => entry.Key).Distinct().Count()} {manifest.RelativePath} keys");
            }
        }

        return Task.FromResult(CheckOutcome.FailedIfAny(problems, evidence));
    }

    private static bool Means(string title, string[] words) => words.Any(word => title.Contains(word, StringComparison.OrdinalIgnoreCase));
}
