using System.Text.RegularExpressions;

namespace CertKit.Analyzers.Package.Tests;

/// <summary>A finding as a build or a scan reports it: rule id, path relative to the sample folder (with '/'), 1-based line.</summary>
public readonly record struct SampleFinding(string Id, string File, int Line) : IComparable<SampleFinding>
{
    /// <summary>By file, line, then id: a failure reads like a build log.</summary>
    public int CompareTo(SampleFinding other)
    {
        var byFile = string.CompareOrdinal(File, other.File);
        if (byFile != 0)
        {
            return byFile;
        }

        return Line != other.Line ? Line.CompareTo(other.Line) : string.CompareOrdinal(Id, other.Id);
    }

    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>
/// samples/SampleIntegration and the findings it carries on purpose. The lists here, the tables in the sample's README and the
/// <c>DELIBERATE FINDING CKxxxx</c> markers in its C# source must agree (<see cref="SampleIntegrationTests"/>).
/// </summary>
public static partial class SampleIntegration
{
    /// <summary>What <c>dotnet build</c> with the CertKit.Analyzers package must report on the sample: exactly these.</summary>
    public static readonly IReadOnlyList<SampleFinding> Expected =
    [
        new("CK1001", "AdobeSign/AdobeSignClient.cs", 12),
        new("CK1004", "AdobeSign/AdobeSignClient.cs", 12),
        new("CK1002", "Commercetools/CommercetoolsClient.cs", 57),
        new("CK1003", "Startup/AgreementArchive.cs", 10),
        new("CK2001", "AdobeSign/LegacyRefreshTokenFile.cs", 20),
        new("CK3001", "AdobeSign/AdobeSignClient.cs", 60),
        new("CK3002", "AdobeSign/AdobeSignClient.cs", 95),
        new("CK3003", "Startup/IntegrationPipeline.cs", 32),
        new("CK4001", "Venafi/VenafiHttpHandlers.cs", 28),
        new("CK1001", "appsettings.json", 8),
        new("CK1004", "appsettings.json", 8),
        new("CK1002", "appsettings.json", 10),
        new("CK1003", "appsettings.json", 10),
    ];

    /// <summary>
    /// Written into the sample already, not reported yet because their rule is not on main. When one starts being reported
    /// the consumer test fails and says to move it to <see cref="Expected"/> (and to the README's first table).
    /// </summary>
    public static readonly IReadOnlyList<SampleFinding> Pending = [];

    public static string Folder => Path.Combine(DotnetCli.RepositoryRoot(), "samples", "SampleIntegration");

    /// <summary>Copies the sample's sources (not its bin/obj) into <paramref name="destination"/>.</summary>
    public static void CopyTo(string destination)
    {
        var source = Folder;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// The CK diagnostics in MSBuild's console output, relative to <paramref name="projectFolder"/>. MSBuild repeats
    /// warnings in its summary: each counts once.
    /// </summary>
    public static IReadOnlyList<SampleFinding> ParseBuildOutput(string output, string projectFolder) =>
        BuildDiagnostic().Matches(output)
            .Select(m => new SampleFinding(
                m.Groups["id"].Value,
                Path.GetRelativePath(projectFolder, m.Groups["path"].Value.Trim()).Replace('\\', '/'),
                int.Parse(m.Groups["line"].Value)))
            .Distinct()
            .Order()
            .ToList();

    public static IReadOnlyList<SampleFinding> Ordered(IEnumerable<SampleFinding> findings) => findings.Distinct().Order().ToList();

    // "/tmp/x/Venafi/VenafiHttpHandlers.cs(28,53): warning CK4001: HttpClientHandler… [/tmp/x/SampleIntegration.csproj]"
    [GeneratedRegex(@"^\s*(?<path>[^\r\n(]+)\((?<line>\d+),\d+(?:,\d+,\d+)?\): (?:warning|error|info) (?<id>CK\d{4}):", RegexOptions.Multiline)]
    private static partial Regex BuildDiagnostic();
}
