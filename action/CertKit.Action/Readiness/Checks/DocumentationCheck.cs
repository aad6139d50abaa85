namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>documentation</c>: a README at the root with an installation section and configuration documentation. The
/// installation section is found by what its heading means (Install, Getting started, Deploy…). The configuration is
/// documented by a section whose heading means it (Configuration, Environment variables, Connector properties,
/// Prerequisites…); else, in a Connect repository, by the section that names every <c>connect.yaml</c> key (the
/// installation section included: "set these variables when you create the deployment"); else by a section other than
/// the installation whose text speaks of configuring and shows how (a code block or a table). A heading that means
/// configuration ("Deployment configuration") is the configuration section, never the installation one too. In a
/// Connect repository every <c>connect.yaml</c> configuration key is named somewhere in the README (a table counts).
/// </summary>
internal sealed class DocumentationCheck : IReadinessCheck
{
    internal static readonly string[] InstallationWords = ["install", "setup", "set up", "set-up", "getting started", "get started", "quick start", "quickstart", "deploy"];
    internal static readonly string[] ConfigurationWords = ["configur", "settings", "environment variables", "env vars", "connector properties", "properties", "prerequisite", "pre-requisite"];

    // What a section's text says when it documents configuration without a heading that says so.
    private static readonly string[] ConfigurationText = ["configur", "environment variable", "settings"];

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

        var manifest = context.TryManifest();
        if (configuration is not null)
        {
            evidence.Add($"{readme.At(configuration)}: {configuration.Title}");
        }
        else if (SectionNamingEveryKey(readme, manifest) is { } naming)
        {
            configuration = naming;
            evidence.Add($"{readme.At(naming)}: {naming.Title} names every {manifest!.RelativePath} key");
        }
        else if (MostSpecificFirst(readme).FirstOrDefault(section => section != installation && (section.HasCodeBlock || section.HasTable)
            && ConfigurationText.Any(word => section.Body.Contains(word, StringComparison.OrdinalIgnoreCase))) is { } showing)
        {
            configuration = showing;
            evidence.Add($"{readme.At(showing)}: {showing.Title} shows how to configure");
        }

        if (configuration is null)
        {
            problems.Add($"{readme.Path}: no configuration documentation (a heading such as Configuration, Settings, Environment variables, Connector properties or Prerequisites, or a section that shows how to configure)");
        }

        if (manifest is not null && context.ReadText(readme.Path) is { } text)
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

    /// <summary>The section that names every key of the Connect manifest, when there are keys and one section names them all.</summary>
    private static MarkdownSection? SectionNamingEveryKey(ReadmeSections readme, Evidence.ConnectManifest.ConnectManifest? manifest)
    {
        var keys = manifest?.AllConfiguration.Select(entry => entry.Key).Distinct().ToList();
        return keys is { Count: > 0 } ? MostSpecificFirst(readme).FirstOrDefault(section => keys.All(key => section.Body.Contains(key, StringComparison.Ordinal))) : null;
    }

    // A section's body holds its sub-sections: the document's title section "names every key" whenever any section does.
    private static IEnumerable<MarkdownSection> MostSpecificFirst(ReadmeSections readme) =>
        readme.Sections.OrderByDescending(section => section.Level).ThenBy(section => section.Line);

    private static bool Means(string title, string[] words) => words.Any(word => title.Contains(word, StringComparison.OrdinalIgnoreCase));
}
