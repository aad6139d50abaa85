using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence;

/// <summary>
/// Which C# projects ship: test projects (named *.Tests/*.Test, marked IsTestProject, or referencing the test SDK) do not
/// count towards the public API or the endpoint inventory, and neither do the files they own.
/// </summary>
internal static partial class ShippedProjects
{
    public static bool IsTestProject(string projectPath, string projectText)
    {
        var name = Path.GetFileNameWithoutExtension(projectPath);
        return TestName().IsMatch(name)
            || projectText.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || IsTestProjectProperty().IsMatch(projectText);
    }

    /// <summary>The project in the deepest folder above <paramref name="filePath"/>, or null: the scan's rule, so both agree.</summary>
    public static string? OwningProject(string filePath, IReadOnlyList<string> projectPaths) =>
        Scanning.RepositoryScanner.OwningProject(filePath, projectPaths);

    [GeneratedRegex(@"(^|\.)(Unit|Integration|Functional|EndToEnd)?Tests?$", RegexOptions.IgnoreCase)]
    private static partial Regex TestName();

    [GeneratedRegex(@"<IsTestProject>\s*true\s*</IsTestProject>", RegexOptions.IgnoreCase)]
    private static partial Regex IsTestProjectProperty();
}
