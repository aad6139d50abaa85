namespace CertKit.Action.Tests.Samples;

/// <summary>The checked-out CertKit source tree (the folder holding Toolkit.sln), for tests that read docs and samples.</summary>
public static class SourceTree
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Toolkit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
