namespace CertKit.Action.Evidence;

/// <summary>
/// Which C# projects ship: test projects (<see cref="Workspace.TestProjects"/>, the workspace's one decision) do not
/// count towards the public API or the endpoint inventory, and neither do the files they own.
/// </summary>
internal static class ShippedProjects
{
    public static bool IsTestProject(string projectPath, string projectText) => Workspace.TestProjects.IsTestProject(projectPath, projectText);

    /// <summary>The project in the deepest folder above <paramref name="filePath"/>, or null: the scan's rule, so both agree.</summary>
    public static string? OwningProject(string filePath, IReadOnlyList<string> projectPaths) =>
        Scanning.RepositoryScanner.OwningProject(filePath, projectPaths);
}
