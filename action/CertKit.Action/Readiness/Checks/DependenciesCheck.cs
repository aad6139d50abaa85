using System.Text.Json;
using CertKit.Action.Processes;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>dependencies</c>: known-vulnerable packages, through the ecosystems' own tools: <c>npm audit --json</c> for each
/// Node.js application (the Connect applications, else a root package.json) and
/// <c>dotnet list package --vulnerable --include-transitive --format json</c> for each .NET project (<see cref="NuGetAudit"/>).
/// An advisory at or above the severity threshold fails; outdated packages (<c>npm outdated</c>,
/// <c>dotnet list package --outdated</c>) are warnings. A tool that is missing, a network
/// that cannot be reached or a lock file that is not there makes the check manual, with the reason: it never passes silently.
/// </summary>
internal sealed class DependenciesCheck : IReadinessCheck
{
    public string Id => "dependencies";

    public string Requirement => "No outdated or insecure dependency libraries.";

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var findings = new DependencyFindings();
        var nodeFolders = context.TryManifest() is { } manifest
            ? manifest.Applications.Select(application => application.Name).Where(folder => context.Files.Contains(folder + "/package.json")).ToList()
            : context.Files.Contains("package.json") ? [string.Empty] : [];
        foreach (var folder in nodeFolders)
        {
            await AuditNpmAsync(context, folder, findings, cancellationToken).ConfigureAwait(false);
        }

        var projects = context.FilesNamed(name => name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        using (Scanning.CreatedOutputFolders.Watch(projects.Select(p => Path.Combine(context.Root, p))))
        {
            // The audit restores each project (and what it references): obj/ folders that were not there before go afterwards.
            foreach (var project in projects)
            {
                await NuGetAudit.AuditAsync(context, project, findings, cancellationToken).ConfigureAwait(false);
            }
        }

        if (nodeFolders.Count == 0 && projects.Count == 0)
        {
            return CheckOutcome.Manual(["no package.json or .csproj found: nothing the npm or NuGet audit can check"]);
        }

        if (findings.Problems.Count > 0)
        {
            return CheckOutcome.Failed([.. findings.Problems, .. findings.Unknown], findings.Warnings);
        }

        return findings.Unknown.Count > 0
            ? CheckOutcome.Manual([.. findings.Unknown, .. findings.Evidence], findings.Warnings)
            : CheckOutcome.Passed(findings.Evidence, findings.Warnings);
    }

    private static async Task AuditNpmAsync(CheckContext context, string folder, DependencyFindings findings, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        var label = folder.Length == 0 ? "package.json" : folder + "/package.json";
        if (PackageJson.TryRead(context, label) is { } manifestJson && !PackageJson.Dependencies(manifestJson).Any())
        {
            findings.Evidence.Add($"{label}: no dependencies declared, nothing to audit");
            return;
        }

        if (!context.Files.Contains(folder.Length == 0 ? "package-lock.json" : folder + "/package-lock.json")
            && !File.Exists(Path.Combine(context.Root, folder, "package-lock.json")))
        {
            findings.Unknown.Add($"{label}: no package-lock.json, so npm audit cannot tell which versions are used (commit one: npm install --package-lock-only)");
            return;
        }

        var workingDirectory = Path.Combine(context.Root, folder);
        List<string> Arguments(string command) => tools.NpmRegistry is null ? [command, "--json"] : [command, "--json", "--registry", tools.NpmRegistry];
        ProcessResult audit;
        try
        {
            audit = await ProcessRunner.RunAsync("npm", Arguments("audit"), workingDirectory, tools.Timeout, cancellationToken, environment: tools.Environment).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            findings.Unknown.Add($"{label}: npm audit could not run: {exception.Message}");
            return;
        }

        if (!ToolJson.TryParse(audit.StandardOutput, out var report))
        {
            findings.Unknown.Add($"{label}: npm audit gave no report (exit {audit.ExitCode}): {audit.FirstErrorLine}");
            return;
        }

        if (report.TryGetProperty("error", out var error))
        {
            var summary = error.TryGetProperty("summary", out var text) ? text.GetString() : error.ToString();
            findings.Unknown.Add($"{label}: npm audit failed: {CertKitException.OneLine(summary ?? "no reason given")}");
            return;
        }

        var found = 0;
        if (report.TryGetProperty("vulnerabilities", out var vulnerabilities) && vulnerabilities.ValueKind == JsonValueKind.Object)
        {
            foreach (var package in vulnerabilities.EnumerateObject())
            {
                var severity = package.Value.TryGetProperty("severity", out var level) ? level.GetString() ?? "unknown" : "unknown";
                var range = package.Value.TryGetProperty("range", out var affected) ? affected.GetString() : null;
                var advisories = package.Value.TryGetProperty("via", out var via) && via.ValueKind == JsonValueKind.Array
                    ? via.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object)
                        .Select(item => item.TryGetProperty("title", out var title) ? title.GetString() : null)
                        .OfType<string>().ToList()
                    : [];
                var line = $"{label}: {package.Name} {range} has a {severity} advisory{(advisories.Count > 0 ? ": " + string.Join("; ", advisories) : string.Empty)} (npm audit)";
                if (context.DependencyTools.Fails(severity))
                {
                    findings.Problems.Add(line);
                    found++;
                }
                else
                {
                    findings.Warnings.Add(line + $", below the {context.DependencyTools.MinimumSeverity} threshold");
                }
            }
        }

        if (found == 0)
        {
            var total = report.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("dependencies", out var dependencies) && dependencies.TryGetProperty("total", out var count)
                ? count.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "its";
            findings.Evidence.Add($"{label}: npm audit: no known vulnerability in {total} dependencies");
        }

        try
        {
            var outdated = await ProcessRunner.RunAsync("npm", Arguments("outdated"), workingDirectory, tools.Timeout, cancellationToken, environment: tools.Environment).ConfigureAwait(false);
            if (ToolJson.TryParse(outdated.StandardOutput, out var packages) && packages.ValueKind == JsonValueKind.Object && !packages.TryGetProperty("error", out _))
            {
                foreach (var package in packages.EnumerateObject())
                {
                    if (package.Value.TryGetProperty("current", out var current) && package.Value.TryGetProperty("latest", out var latest) && current.GetString() != latest.GetString())
                    {
                        findings.Warnings.Add($"{label}: {package.Name} {current.GetString()} is outdated (latest {latest.GetString()})");
                    }
                }
            }
        }
        catch (CertKitException exception)
        {
            findings.Warnings.Add($"{label}: npm outdated could not run: {exception.Message}");
        }
    }
}
