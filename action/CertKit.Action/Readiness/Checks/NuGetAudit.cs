using System.Text.Json;
using CertKit.Action.Processes;
using CertKit.Action.Scanning;
using NuGet.Versioning;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// The NuGet half of <c>dependencies</c>, one project at a time: <c>dotnet restore</c> (the assets file the listings read),
/// <c>dotnet list package --vulnerable --include-transitive --format json</c> (advisories, from the package sources'
/// registration metadata) and <c>dotnet list package --outdated --format json</c> (warnings). A restore or listing that
/// fails (no SDK, no network, a source that does not answer) is unknown, with the tool's first error line.
/// </summary>
internal static class NuGetAudit
{
    // Restore audits too (NU1901–NU1904, from the audit sources' VulnerabilityInfo). In a project that treats warnings as
    // errors that would fail the restore, and the check would be manual where it must fail: keep them warnings here.
    private const string AuditWarningsStayWarnings = "-p:WarningsNotAsErrors=NU1900%3BNU1901%3BNU1902%3BNU1903%3BNU1904%3BNU1905";

    /// <summary>Set on every dotnet child: no MSBuild node left behind, and not this process's MSBuild (the scan registers one).</summary>
    private static readonly KeyValuePair<string, string?>[] DotnetEnvironment =
    [
        new("MSBUILDDISABLENODEREUSE", "1"),
        new("MSBuildExtensionsPath", null),
        new("MSBuildSDKsPath", null),
        new("MSBUILD_EXE_PATH", null),
    ];

    public static async Task AuditAsync(CheckContext context, string project, DependencyFindings findings, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        try
        {
            var restore = await DotnetAsync(context, ["restore", project, AuditWarningsStayWarnings], cancellationToken).ConfigureAwait(false);
            if (!restore.Succeeded)
            {
                findings.Unknown.Add($"{project}: dotnet restore failed, so NuGet audit cannot run: {FirstError(restore)}");
                return;
            }

            var vulnerable = await ListAsync(context, project, ["--vulnerable", "--include-transitive"], cancellationToken).ConfigureAwait(false);
            if (!TryReport(project, "--vulnerable", vulnerable, findings, out var report))
            {
                return;
            }

            var found = 0;
            var belowThreshold = 0;
            foreach (var (framework, package, transitive) in Packages(report, includeTransitive: true))
            {
                var id = ToolJson.String(package, "id") ?? "?";
                var version = ToolJson.String(package, "resolvedVersion") ?? "?";
                foreach (var vulnerability in ToolJson.Each(package, "vulnerabilities"))
                {
                    var severity = ToolJson.String(vulnerability, "severity") ?? "unknown";
                    var url = ToolJson.String(vulnerability, "advisoryurl");
                    var line = $"{project}: {id} {version}{(transitive ? " (transitive)" : string.Empty)} has a {severity.ToLowerInvariant()} advisory{(url is null ? string.Empty : ": " + url)} ({framework}, NuGet audit)";
                    if (tools.Fails(severity))
                    {
                        AddOnce(findings.Problems, line);
                        found++;
                    }
                    else
                    {
                        AddOnce(findings.Warnings, line + $", below the {tools.MinimumSeverity} threshold");
                        belowThreshold++;
                    }
                }
            }

            if (found == 0)
            {
                findings.Evidence.Add(belowThreshold == 0
                    ? $"{project}: NuGet audit: no known vulnerable package, transitive ones included"
                    : $"{project}: NuGet audit: no advisory at or above the {tools.MinimumSeverity} threshold, transitive packages included");
            }

            await ReportOutdatedAsync(context, project, findings, cancellationToken).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            findings.Unknown.Add($"{project}: NuGet audit could not run: {exception.Message}");
        }
    }

    /// <summary>Top-level packages with a newer version at the sources: warnings, never a failure.</summary>
    private static async Task ReportOutdatedAsync(CheckContext context, string project, DependencyFindings findings, CancellationToken cancellationToken)
    {
        var outdated = await ListAsync(context, project, ["--outdated"], cancellationToken).ConfigureAwait(false);
        if (!ToolJson.TryParse(outdated.StandardOutput, out var report) || ToolJson.Each(report, "problems").Any())
        {
            findings.Warnings.Add($"{project}: dotnet list package --outdated gave no report (exit {outdated.ExitCode}): {FirstError(outdated)}");
            return;
        }

        foreach (var (_, package, _) in Packages(report, includeTransitive: false))
        {
            var resolved = ToolJson.String(package, "resolvedVersion");
            var latest = ToolJson.String(package, "latestVersion");
            // latestVersion is a sentence ("Not found at the sources") when no source knows the package.
            if (NuGetVersion.TryParse(resolved, out var current) && NuGetVersion.TryParse(latest, out var newest) && newest > current)
            {
                AddOnce(findings.Warnings, $"{project}: {ToolJson.String(package, "id")} {resolved} is outdated (latest {latest})");
            }
        }
    }

    /// <summary>
    /// <c>dotnet list PROJECT package ARGS --format json</c> on the assets file the restore above wrote. Since .NET 10 the
    /// listing restores by itself, with the project's own warning settings; <c>--no-restore</c> stops that, and an SDK too
    /// old to know the option (it never restored) is asked again without it.
    /// </summary>
    private static async Task<ProcessResult> ListAsync(CheckContext context, string project, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        List<string> command = ["list", project, "package", .. arguments, "--format", "json"];
        var result = await DotnetAsync(context, [.. command, "--no-restore"], cancellationToken).ConfigureAwait(false);
        return !result.Succeeded && (result.StandardOutput + result.StandardError).Contains("--no-restore", StringComparison.Ordinal)
            ? await DotnetAsync(context, command, cancellationToken).ConfigureAwait(false)
            : result;
    }

    private static Task<ProcessResult> DotnetAsync(CheckContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(DotnetEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in context.DependencyTools.Environment ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return ProcessRunner.RunAsync("dotnet", arguments, context.Root, context.DependencyTools.Timeout, cancellationToken, environment: environment);
    }

    /// <summary>The listing's JSON report, or false after recording why there is none (the check is then manual).</summary>
    private static bool TryReport(string project, string option, ProcessResult result, DependencyFindings findings, out JsonElement report)
    {
        if (!ToolJson.TryParse(result.StandardOutput, out report))
        {
            findings.Unknown.Add($"{project}: dotnet list package {option} gave no report (exit {result.ExitCode}): {FirstError(result)}");
            return false;
        }

        var problems = ToolJson.Each(report, "problems").Select(problem => ToolJson.String(problem, "text") ?? problem.ToString()).ToList();
        if (problems.Count > 0)
        {
            findings.Unknown.Add($"{project}: NuGet audit reported a problem: {CertKitException.OneLine(string.Join("; ", problems))}");
            return false;
        }

        return true;
    }

    private static IEnumerable<(string Framework, JsonElement Package, bool Transitive)> Packages(JsonElement report, bool includeTransitive) =>
        from framework in ToolJson.Each(report, "projects").SelectMany(entry => ToolJson.Each(entry, "frameworks"))
        let name = ToolJson.String(framework, "framework") ?? "?"
        from entry in ToolJson.Each(framework, "topLevelPackages").Select(package => (package, false))
            .Concat(includeTransitive ? ToolJson.Each(framework, "transitivePackages").Select(package => (package, true)) : [])
        select (name, entry.package, entry.Item2);

    private static void AddOnce(List<string> lines, string line)
    {
        if (!lines.Contains(line))
        {
            lines.Add(line);
        }
    }

    private static string FirstError(ProcessResult result) =>
        CertKitException.OneLine(
            result.StandardOutput.Split('\n').FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? result.FirstErrorLine);
}
