using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests;

/// <summary>Every rule the package reports has a documentation page, and its help link points at that page.</summary>
public class DocumentationTests
{
    [Fact]
    public void Every_reported_rule_has_a_page_and_a_help_link()
    {
        var descriptors = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToList();
        foreach (var descriptor in descriptors)
        {
            var id = descriptor.Id;
            Assert.Equal($"https://github.com/certkit/certkit/blob/v{BuiltVersion()}/docs/rules/{id}.md", descriptor.HelpLinkUri);

            var page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {id}", text);
            Assert.Contains(descriptor.Title.ToString(), text);
        }
    }

    [Fact]
    public void Every_rule_id_is_released_in_the_tracking_files()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "analyzers", "CertKit.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var id in AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
        {
            Assert.Contains(id + " |", unshipped);
        }
    }

    /// <summary>The version the analyzers were built with (the informational version without its "+commit" suffix).</summary>
    private static string BuiltVersion() =>
        typeof(RuleIds).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    internal static IEnumerable<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Toolkit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
