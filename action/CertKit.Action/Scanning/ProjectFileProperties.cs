using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using CertKit.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Scanning;

/// <summary>
/// What a build would tell the analyzers about an SDK-style project that the scan compiles ad hoc (MSBuild could not load
/// it): its <c>OutputType</c>, whether it uses the Web or Worker SDK, and the packages and frameworks its project file
/// references (the ad hoc compilation's own references are the scan's choice, not the project's). Read from the project
/// file's XML; a value the file does not state is left out, as MSBuild leaves it empty.
/// </summary>
internal static class ProjectFileProperties
{
    public static ImmutableDictionary<string, string> Read(string projectPath)
    {
        XElement? root;
        try
        {
            root = XDocument.Load(projectPath).Root;
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (root is null || root.Name.LocalName != "Project")
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var outputType = root.Descendants().LastOrDefault(e => e.Name.LocalName == "OutputType")?.Value.Trim();
        properties["build_property.OutputType"] = string.IsNullOrEmpty(outputType) ? "Library" : outputType;

        var sdk = (string?)root.Attribute("Sdk") ?? string.Empty;
        if (sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            properties["build_property.UsingMicrosoftNETSdkWeb"] = "true";
        }

        if (sdk.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
        {
            properties["build_property.UsingMicrosoftNETSdkWorker"] = "true";
        }

        var references = root.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Trim())
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        properties[CK3001NonProductionOutputAnalyzer.ProjectKind.ProjectReferencesKey] = string.Join(",", references);
        return properties.ToImmutable();
    }

    /// <summary><paramref name="options"/> with <paramref name="properties"/> added to its global options (the project's own settings win).</summary>
    public static AnalyzerOptions Add(AnalyzerOptions options, ImmutableDictionary<string, string> properties) =>
        properties.IsEmpty ? options : new AnalyzerOptions(options.AdditionalFiles, new Provider(options.AnalyzerConfigOptionsProvider, properties));

    private sealed class Provider(AnalyzerConfigOptionsProvider inner, ImmutableDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new WithProperties(inner.GlobalOptions, properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);
    }

    private sealed class WithProperties(AnalyzerConfigOptions inner, ImmutableDictionary<string, string> properties) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            inner.TryGetValue(key, out value) || properties.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => inner.Keys.Concat(properties.Keys).Distinct(StringComparer.Ordinal);
    }
}
