namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>documentation</c>: a README at the root with an installation section and a configuration section; in a Connect
/// repository the configuration section names every <c>connect.yaml</c> configuration key.
/// </summary>
internal sealed class DocumentationCheck : IReadinessCheck
{
    internal static readonly string[] InstallationWords = ["install", "setup", "set up", "set-up", "getting started", "deploy"];
    internal static readonly string[] ConfigurationWords = ["configur", "settings", "environment variables"];

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
        var installation = readme.Find(InstallationWords);
        if (installation is null)
        {
            problems.Add($"{readme.Path}: no installation section (a heading with Installation, Setup, Getting started or Deploy)");
        }
        else
        {
            evidence.Add($"{readme.At(installation)}: {installation.Title}");
        }

        var configuration = readme.Find(ConfigurationWords);
        if (configuration is null)
        {
            problems.Add($"{readme.Path}: no configuration section (a heading with Configuration, Settings or Environment variables)");
        }
        else
        {
            evidence.Add($"{readme.At(configuration)}: {configuration.Title}");
            if (context.TryManifest() is { } manifest)
            {
                var keys = manifest.AllConfiguration.ToList();
                foreach (var entry in keys.Where(entry => !configuration.Body.Contains(entry.Key, StringComparison.Ordinal)))
                {
                    problems.Add($"{readme.At(configuration)}: the {configuration.Title} section does not name {entry.Key} ({manifest.RelativePath}:{entry.Line})");
                }

                if (keys.Count > 0)
                {
                    evidence.Add($"{readme.At(configuration)}: names all {keys.Select(entry => entry.Key).Distinct().Count()} {manifest.RelativePath} keys");
                }
            }
        }

        return Task.FromResult(CheckOutcome.FailedIfAny(problems, evidence));
    }
}
