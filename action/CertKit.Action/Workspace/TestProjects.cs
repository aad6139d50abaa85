using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>
/// The one decision "is this C# project a test project?" for the tool (the analyzers decide the same from the
/// compilation's references): named like one (<c>Foo.Tests</c>, <c>Foo.UnitTests</c>, <c>Foo.Specs</c>), marked
/// <c>IsTestProject</c>, or referencing a test SDK or framework.
/// </summary>
internal static class TestProjects
{
    private static readonly string[] Markers =
    [
        "Microsoft.NET.Test.Sdk", "\"xunit", "\"xunit.v3", "\"NUnit", "\"MSTest", "Microsoft.VisualStudio.QualityTools.UnitTestFramework", "\"TUnit",
    ];

    public static bool IsTestProject(string projectPath, string projectText)
    {
        if (FileClassifier.IsTestProjectFolder(Path.GetFileNameWithoutExtension(projectPath))
            || FileClassifier.IsTestProjectFolder(Path.GetFileName(Path.GetDirectoryName(projectPath)) ?? string.Empty)
            || Path.GetFileNameWithoutExtension(projectPath).Equals("Tests", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Markers.Any(marker => projectText.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var property = projectText.IndexOf("<IsTestProject>", StringComparison.OrdinalIgnoreCase);
        return property >= 0 && projectText.AsSpan(property + "<IsTestProject>".Length).TrimStart().StartsWith("true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the project file; an unreadable one is not a test project (the scan reports it).</summary>
    public static bool IsTestProject(string projectPath)
    {
        try
        {
            return IsTestProject(projectPath, File.ReadAllText(projectPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
