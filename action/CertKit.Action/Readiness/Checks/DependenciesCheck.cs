using System.Text.Json;
using CertKit.Action.Processes;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>dependencies</c>: known-vulnerable packages, through the ecosystems' own tools: <c>npm audit --json</c> for each
/// Node.js application with a package-lock.json (the Connect applications, else a root package.json), the registry's bulk
/// advisories for the versions a yarn.lock (classic or berry) or pnpm-lock.yaml pins (<see cref="NpmBulkAdvisories"/>), and
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
        using (Scanning.UserTreeGuard.Watch(context.Workspace.Files.Select(f => f.FullPath)))
        {
            // The audit restores each project (and what it references): obj/ folders that were not there before go
            // afterwards, and rewritten lock files are put back.
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

        var lockfile = NodeLockfile.Find(context, folder);
        if (lockfile is null)
        {
            findings.Unknown.Add($"{label}: no lockfile (package-lock.json, yarn.lock or pnpm-lock.yaml), so the audit cannot tell which versions are used (commit the one your package manager writes: npm install --package-lock-only, yarn install or pnpm install --lockfile-only)");
            return;
        }

        if (lockfile.Manager != NodePackageManager.Npm)
        {
            await AuditLockfileAsync(context, label, lockfile, findings, cancellationToken).ConfigureAwait(false);
            return;
        }

        var lockFolder = lockfile.Path.Contains('/') ? lockfile.Path[..lockfile.Path.LastIndexOf('/')] : string.Empty;
        var workingDirectory = Path.Combine(context.Root, lockFolder);
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
            findings.Unknown.Add($"{label}: npm audit failed: {CertKitException.OneLine(Reason(error, audit))}");
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

    // npm's error object: summary, else message, else code; when all are empty, the exit code and the first error line.
    private static string Reason(JsonElement error, ProcessResult audit)
    {
        foreach (var property in new[] { "summary", "message", "detail", "code" })
        {
            if (ToolJson.String(error, property) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return string.IsNullOrWhiteSpace(audit.FirstErrorLine) ? $"exit {audit.ExitCode}, no reason printed" : $"exit {audit.ExitCode}: {audit.FirstErrorLine}";
    }

    // yarn (classic and berry) and pnpm: the versions the lockfile pins, judged by the registry's bulk advisory endpoint.
    private static async Task AuditLockfileAsync(CheckContext context, string label, NodeLockfile lockfile, DependencyFindings findings, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        Dictionary<string, SortedSet<string>> packages;
        try
        {
            packages = NodeLockfile.Packages(context.ReadText(lockfile.Path) ?? string.Empty, lockfile.Manager);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            findings.Unknown.Add($"{lockfile.Path}: not a {lockfile.ManagerName} lockfile that can be read (line {exception.Start.Line}: {CertKitException.OneLine(exception.Message)})");
            return;
        }

        if (packages.Count == 0)
        {
            findings.Unknown.Add($"{lockfile.Path}: no pinned package versions found in the {lockfile.ManagerName} lockfile, so nothing could be audited");
            return;
        }

        var registry = tools.NpmRegistry ?? Environment.GetEnvironmentVariable("npm_config_registry") ?? NpmBulkAdvisories.DefaultRegistry;
        IReadOnlyList<NpmBulkAdvisories.Advisory> advisories;
        try
        {
            advisories = await NpmBulkAdvisories.QueryAsync(registry, packages, tools.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or CertKitException)
        {
            var reason = string.IsNullOrWhiteSpace(exception.Message) ? exception.GetType().Name : exception.Message;
            findings.Unknown.Add($"{label}: {lockfile.ManagerName} audit failed: {CertKitException.OneLine(reason)}");
            return;
        }

        var found = 0;
        foreach (var advisory in advisories)
        {
            var line = $"{label}: {advisory.Package} {advisory.Version} has a {advisory.Severity} advisory: {advisory.Title} ({lockfile.ManagerName} audit of {lockfile.Path})";
            if (tools.Fails(advisory.Severity))
            {
                findings.Problems.Add(line);
                found++;
            }
            else
            {
                findings.Warnings.Add(line + $", below the {tools.MinimumSeverity} threshold");
            }
        }

        if (found == 0)
        {
            var versions = packages.Sum(package => package.Value.Count);
            findings.Evidence.Add($"{label}: {lockfile.ManagerName} audit of {lockfile.Path}: no known vulnerability in {versions} pinned package version(s)");
        }
    }
}
