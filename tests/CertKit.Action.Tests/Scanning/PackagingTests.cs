using System.Text.Json;

namespace CertKit.Action.Tests.Scanning;

public sealed class PackagingTests
{
    [Fact]
    public void NoCopyOfMSBuildShipsWithCertkit()
    {
        // Microsoft.Build.Locator loads the SDK's MSBuild; a copy beside the app would be loaded instead and break project loading.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "certkit.deps.json")));
        var runtimeAssemblies = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject()
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject().Select(a => Path.GetFileName(a.Name)))
            .ToList();

        Assert.Contains("Microsoft.CodeAnalysis.Workspaces.MSBuild.dll", runtimeAssemblies);
        Assert.Contains("Microsoft.Build.Locator.dll", runtimeAssemblies);
        Assert.DoesNotContain(runtimeAssemblies, a => a.StartsWith("Microsoft.Build.", StringComparison.Ordinal) && a != "Microsoft.Build.Locator.dll");
        Assert.DoesNotContain("Microsoft.Build.dll", runtimeAssemblies);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Microsoft.Build.dll")));
        Assert.True(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "BuildHost-netcore")));
    }
}
