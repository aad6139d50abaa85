using System.Text.Json;
using CertKit.Action.Tests.ActionCommand;
using CertKit.Action.Tests.Runtime;
using static CertKit.Action.Tests.Readiness.LoopbackNuGet;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// <c>certkit check --severity</c> through the published app (a child process, so the NuGet environment of
/// <see cref="LoopbackNuGet"/> reaches the dotnet it runs), against the loopback feed.
/// </summary>
[Collection(PublishedActionCollection.Name)]
public sealed class NuGetAuditCommandTests(PublishedAction app) : IAsyncLifetime
{
    private LoopbackNuGet nuget = null!;

    public async Task InitializeAsync() => nuget = await LoopbackNuGet.StartAsync();

    public async Task DisposeAsync() => await nuget.DisposeAsync();

    [Fact]
    public void The_severity_option_sets_the_threshold_of_the_dependencies_check()
    {
        using var repository = nuget.Repository("1.0.0");
        repository.Write("certkit.yml", "checks: [dependencies]\n");
        repository.Commit("policy");

        var critical = Check(repository.Root, "critical");
        var high = Check(repository.Root, "high");

        Assert.True(critical.ExitCode == 0, critical.Stdout + critical.Stderr);
        var passed = Dependencies(critical);
        Assert.Equal("passed", passed.Status);
        Assert.Equal([BelowThresholdLine("critical")], passed.Evidence);
        Assert.Equal([AdvisoryLine("high") + ", below the critical threshold", OutdatedLine], passed.Warnings);

        Assert.True(high.ExitCode == 1, high.Stdout + high.Stderr);
        var failed = Dependencies(high);
        Assert.Equal("failed", failed.Status);
        Assert.Equal([AdvisoryLine("high")], failed.Evidence);
        Assert.Equal([OutdatedLine], failed.Warnings);
    }

    private ProcessResult Check(string root, string severity) =>
        ChildProcess.Run("dotnet", [app.EntryPoint, "check", ".", "--program", "custom", "--json", "--severity", severity], root, nuget.Environment(), TimeSpan.FromMinutes(5));

    private static (string Status, string[] Evidence, string[] Warnings) Dependencies(ProcessResult run)
    {
        using var document = JsonDocument.Parse(run.Stdout);
        var check = document.RootElement.GetProperty("checks").EnumerateArray().Single(item => item.GetProperty("id").GetString() == "dependencies");
        return (
            check.GetProperty("status").GetString()!,
            [.. check.GetProperty("evidence").EnumerateArray().Select(line => line.GetString()!)],
            [.. check.GetProperty("warnings").EnumerateArray().Select(line => line.GetString()!)]);
    }
}
