using CertKit.Action.Tests.Runtime;

namespace CertKit.Action.Tests.ActionCommand;

/// <summary>
/// The app exactly as the Docker image runs it: <c>dotnet publish action/CertKit.Action -c Release -o DIR</c>, once
/// per test run, then <c>dotnet DIR/certkit.dll action</c>.
/// </summary>
public sealed class PublishedAction : IDisposable
{
    public PublishedAction()
    {
        Folder = Directory.CreateTempSubdirectory("certkit-published-").FullName;
        var project = Path.Combine(RepositoryRoot(), "action", "CertKit.Action", "CertKit.Action.csproj");
        var publish = ChildProcess.Run(
            "dotnet",
            ["publish", project, "-c", "Release", "-o", Folder, "--nologo", "-v", "quiet"],
            RepositoryRoot(),
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            TimeSpan.FromMinutes(8));
        if (publish.ExitCode != 0 || !File.Exists(EntryPoint))
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {publish.Stdout}{publish.Stderr}");
        }
    }

    public string Folder { get; }

    /// <summary>The Dockerfile's ENTRYPOINT target.</summary>
    public string EntryPoint => Path.Combine(Folder, "certkit.dll");

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Toolkit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Toolkit.sln not found above {AppContext.BaseDirectory}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedActionCollection : ICollectionFixture<PublishedAction>
{
    public const string Name = "published certkit action";
}
