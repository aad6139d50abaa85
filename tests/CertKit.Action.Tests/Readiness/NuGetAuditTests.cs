using CertKit.Action.Readiness;
using CertKit.Action.Readiness.Checks;
using CertKit.Action.Tests.Scanning;
using static CertKit.Action.Tests.Readiness.LoopbackNuGet;

namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// The NuGet half of <c>dependencies</c>: the real <c>dotnet restore</c> and <c>dotnet list package</c> against a NuGet v3
/// feed stand-in on 127.0.0.1 (<see cref="LoopbackNuGet"/>), never the internet. A vulnerable package fails with its
/// advisory, an outdated one is a warning, and a feed that does not answer makes the check manual with the reason.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class NuGetAuditTests : IAsyncLifetime
{
    private LoopbackNuGet nuget = null!;

    public async Task InitializeAsync() => nuget = await LoopbackNuGet.StartAsync();

    public async Task DisposeAsync() => await nuget.DisposeAsync();

    [Fact]
    public async Task A_vulnerable_package_served_by_the_local_feed_fails_dependencies_with_its_advisory()
    {
        using var repository = nuget.Repository("1.0.0");

        var outcome = await RunAsync(repository);

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal([AdvisoryLine("high")], outcome.Evidence);
        Assert.Equal([OutdatedLine], outcome.Warnings);
        // Restore downloaded the package and read the advisory index; the listings read the registration.
        Assert.Contains("GET /flat/acme.widgets/1.0.0/acme.widgets.1.0.0.nupkg", nuget.Feed.Requests);
        Assert.Contains("GET /vulnerabilities/base.json", nuget.Feed.Requests);
        Assert.Contains("GET /registration/acme.widgets/index.json", nuget.Feed.Requests);
    }

    [Fact]
    public async Task A_vulnerable_transitive_package_fails_too()
    {
        using var repository = nuget.Repository("2.0.0", package: "Acme.Gadgets");

        var outcome = await RunAsync(repository);

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal([$"{Project}: Acme.Widgets 1.0.0 (transitive) has a high advisory: {Advisory} (net10.0, NuGet audit)"], outcome.Evidence);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task The_fixed_version_passes_with_evidence_and_nothing_outdated()
    {
        using var repository = nuget.Repository("1.0.1");

        var outcome = await RunAsync(repository);

        Assert.Equal(CheckStatus.Passed, outcome.Status);
        Assert.Equal([CleanLine], outcome.Evidence);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task Below_the_severity_threshold_an_advisory_is_a_warning()
    {
        nuget.Feed.Advisories["Acme.Widgets"] = [(1, Advisory, "[1.0.0, 1.0.1)")];
        using var repository = nuget.Repository("1.0.0");

        var outcome = await RunAsync(repository, threshold: "high");

        Assert.Equal(CheckStatus.Passed, outcome.Status);
        Assert.Equal([BelowThresholdLine("high")], outcome.Evidence);
        Assert.Equal([AdvisoryLine("moderate") + ", below the high threshold", OutdatedLine], outcome.Warnings);
    }

    [Fact]
    public async Task At_or_above_the_severity_threshold_an_advisory_fails()
    {
        nuget.Feed.Advisories["Acme.Widgets"] = [(3, Advisory, "[1.0.0, 1.0.1)")];
        using var repository = nuget.Repository("1.0.0");

        var outcome = await RunAsync(repository, threshold: "high");

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal([AdvisoryLine("critical")], outcome.Evidence);
    }

    [Fact]
    public async Task A_project_that_treats_warnings_as_errors_still_fails_rather_than_going_manual()
    {
        // Restore's own audit warning (NU1903) would be an error here and stop the restore.
        using var repository = nuget.Repository("1.0.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var outcome = await RunAsync(repository);

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal([AdvisoryLine("high")], outcome.Evidence);
    }

    [Fact]
    public async Task A_feed_that_does_not_answer_makes_the_check_manual_with_the_reason()
    {
        using var repository = nuget.Repository("1.0.0", serviceIndex: "http://127.0.0.1:9/v3/index.json");

        var outcome = await RunAsync(repository);

        Assert.Equal(CheckStatus.Manual, outcome.Status);
        var reason = Assert.Single(outcome.Evidence);
        Assert.StartsWith($"{Project}: dotnet restore failed, so NuGet audit cannot run: ", reason);
        Assert.Contains("http://127.0.0.1:9/v3/index.json", reason);
    }

    [Fact]
    public async Task Packages_already_restored_but_no_feed_to_ask_is_manual_never_passed()
    {
        using var repository = nuget.Repository("1.0.1");
        Assert.Equal(CheckStatus.Passed, (await RunAsync(repository)).Status);
        await nuget.Feed.DisposeAsync();

        // The packages stay in the global packages folder; the feed, and NuGet's HTTP cache of it, are gone.
        var outcome = await RunAsync(repository, httpCache: "http-cache-offline");

        Assert.Equal(CheckStatus.Manual, outcome.Status);
        Assert.Equal([$"{Project}: dotnet list package --vulnerable gave no report (exit 1): error: Unable to load the service index for source {nuget.Feed.ServiceIndex}."], outcome.Evidence);
    }

    [Fact]
    public async Task A_vulnerable_package_fails_only_the_dependencies_check_of_the_program()
    {
        using var repository = ConnectSample.Create();
        nuget.AddProject(repository, "1.0.0");
        repository.Commit("a .NET tool");
        ConnectSample.Tag(repository, "v1.0.1");

        var context = await CheckContext.OpenAsync(repository.Root, CancellationToken.None);
        context.DependencyTools = nuget.Tools();
        var report = await ReadinessRunner.RunAsync(CertKit.Action.Programs.Commercetools.CommercetoolsProgram.Definition.Readiness, context, CancellationToken.None);

        Assert.Equal(["dependencies"], report.Checks.Where(check => check.Status == CheckStatus.Failed).Select(check => check.Id));
        Assert.Contains(AdvisoryLine("high"), report.Checks.Single(check => check.Id == "dependencies").Evidence);
    }

    private async Task<CheckOutcome> RunAsync(TempRepository repository, string threshold = "low", string httpCache = "http-cache")
    {
        var context = await CheckContext.OpenAsync(repository.Root, CancellationToken.None);
        context.DependencyTools = nuget.Tools(threshold, httpCache);
        return await new DependenciesCheck().RunAsync(context, CancellationToken.None);
    }
}
