using System.Collections.Immutable;
using System.Reflection;
using CertKit.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Scanning;

/// <summary>The C# analyzers of the CertKit.Analyzers assembly: the same types the NuGet package ships.</summary>
internal static class AnalyzerCatalog
{
    public static Assembly RulesAssembly => typeof(RuleIds).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> LoadCertKitAnalyzers() => LoadFrom(RulesAssembly);

    public static ImmutableArray<DiagnosticAnalyzer> LoadFrom(Assembly assembly)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            if (attribute is null || !attribute.Languages.Contains(LanguageNames.CSharp))
            {
                continue;
            }

            analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }

        return analyzers.ToImmutable();
    }

    /// <summary>Every descriptor the analyzers can report, ordered by id, each id once.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors(IEnumerable<DiagnosticAnalyzer> analyzers) =>
        analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
