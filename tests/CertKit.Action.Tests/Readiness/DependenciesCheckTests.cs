using System.Text.Json;
using CertKit.Action.Readiness;
using CertKit.Action.Readiness.Checks;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// The dependencies check runs the real <c>npm audit</c> against an npm registry stand-in on 127.0.0.1 (never the internet):
/// a vulnerable dependency fails exactly this check; an unreachable registry or a missing lock file is manual, with the reason.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class DependenciesCheckTests
{
    [Fact]
    public async Task A_vulnerable_dependency_served_by_the_local_registry_fails_dependencies()
    {
        await using var registry = await NpmRegistryStandIn.StartAsync();
        registry.Packages["left-pad"] = ["1.0.0", "1.3.0"];
        registry.Advisories["left-pad"] = ("Prototype pollution in left-pad", "high", "<1.3.0");
        using var repository = ConnectSample.Create();
        AddDependency(repository, "service", "left-pad", "1.0.0", registry.Url);

        var outcome = await RunAsync(repository, registry.Url);

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal(
            ["service/package.json: left-pad 1.0.0 has a high advisory: Prototype pollution in left-pad (npm audit)"],
            outcome.Evidence);
        Assert.Contains("POST /-/npm/v1/security/advisories/bulk", registry.Requests);
    }

    [Fact]
    public async Task A_vulnerable_dependency_fails_only_the_dependencies_check_of_the_program()
    {
        await using var registry = await NpmRegistryStandIn.StartAsync();
        registry.Packages["left-pad"] = ["1.0.0", "1.3.0"];
        registry.Advisories["left-pad"] = ("Prototype pollution in left-pad", "high", "<1.3.0");
        using var repository = ConnectSample.Create();
        AddDependency(repository, "service", "left-pad", "1.0.0", registry.Url);
        repository.Commit("left-pad");
        ConnectSample.Tag(repository, "v1.0.1");

        var context = await CheckContext.OpenAsync(repository.Root, CancellationToken.None);
        var report = await ReadinessRunner.RunAsync(CertKit.Action.Programs.Commercetools.CommercetoolsProgram.Definition.Readiness, WithRegistry(context, registry.Url), CancellationToken.None);

        Assert.Equal(["dependencies"], report.Checks.Where(check => check.Status == CheckStatus.Failed).Select(check => check.Id));
        Assert.False(report.Ready);
    }

    [Fact]
    public async Task Below_the_severity_threshold_an_advisory_is_a_warning()
    {
        await using var registry = await NpmRegistryStandIn.StartAsync();
        registry.Packages["left-pad"] = ["1.0.0", "1.3.0"];
        registry.Advisories["left-pad"] = ("Regular expression denial of service", "low", "<1.3.0");
        using var repository = ConnectSample.Create();
        AddDependency(repository, "service", "left-pad", "1.0.0", registry.Url);

        var outcome = await RunAsync(repository, registry.Url, minimumSeverity: "high");

        Assert.Equal(CheckStatus.Passed, outcome.Status);
        Assert.Contains("service/package.json: left-pad 1.0.0 has a low advisory: Regular expression denial of service (npm audit), below the high threshold", outcome.Warnings);
    }

    [Fact]
    public async Task An_unreachable_registry_makes_the_check_manual_with_the_reason()
    {
        using var repository = ConnectSample.Create();
        AddDependency(repository, "service", "left-pad", "1.0.0", "http://127.0.0.1:9/");

        var outcome = await RunAsync(repository, "http://127.0.0.1:9/");

        Assert.Equal(CheckStatus.Manual, outcome.Status);
        Assert.StartsWith("service/package.json: npm audit failed: ", outcome.Evidence[0]);
    }

    [Fact]
    public async Task Without_a_lock_file_the_check_is_manual()
    {
        using var repository = ConnectSample.Create();
        AddDependency(repository, "service", "left-pad", "1.0.0", "http://127.0.0.1:9/");
        File.Delete(Path.Combine(repository.Root, "service", "package-lock.json"));

        var outcome = await RunAsync(repository, "http://127.0.0.1:9/");

        Assert.Equal(CheckStatus.Manual, outcome.Status);
        Assert.Equal("service/package.json: no package-lock.json, so npm audit cannot tell which versions are used (commit one: npm install --package-lock-only)", outcome.Evidence[0]);
    }

    private static CheckContext WithRegistry(CheckContext context, string registry, string minimumSeverity = "low")
    {
        context.DependencyTools = new DependencyTools(registry, minimumSeverity, TimeSpan.FromMinutes(2));
        return context;
    }

    private static async Task<CheckOutcome> RunAsync(TempRepository repository, string registry, string minimumSeverity = "low")
    {
        var context = WithRegistry(await CheckContext.OpenAsync(repository.Root, CancellationToken.None), registry, minimumSeverity);
        return await new DependenciesCheck().RunAsync(context, CancellationToken.None);
    }

    /// <summary>Adds a dependency to an application's package.json and its lock file (as npm would record it).</summary>
    private static void AddDependency(TempRepository repository, string application, string name, string version, string registry)
    {
        var packagePath = Path.Combine(repository.Root, application, "package.json");
        var package = JsonNode(File.ReadAllText(packagePath));
        package["dependencies"] = new System.Text.Json.Nodes.JsonObject { [name] = version };
        File.WriteAllText(packagePath, package.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var lockPath = Path.Combine(repository.Root, application, "package-lock.json");
        var lockFile = JsonNode(File.ReadAllText(lockPath));
        var packages = lockFile["packages"]!.AsObject();
        packages[""]!["dependencies"] = new System.Text.Json.Nodes.JsonObject { [name] = version };
        packages["node_modules/" + name] = new System.Text.Json.Nodes.JsonObject
        {
            ["version"] = version,
            ["resolved"] = $"{registry}{name}/-/{name}-{version}.tgz",
        };
        File.WriteAllText(lockPath, lockFile.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;
}
