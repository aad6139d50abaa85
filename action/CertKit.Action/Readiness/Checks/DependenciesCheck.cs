using System.Text.Json;
using CertKit.Action.Processes;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>dependencies</c>: known-vulnerable packages, through the ecosystems' own tools: <c>npm audit --json</c> for each
/// Node.js application (the Connect applications, else a root package.json) and
/// <c>dotnet list package --vulnerable --include-transitive --format json</c> for each .NET project. An advisory at or above
/// the severity threshold fails; outdated packages (<c>npm outdated</c>) are warnings. A tool that is missing, a network
/// that cannot be reached or a lock file that is not there makes the check manual, with the reason: it never passes silently.
/// </summary>
internal sealed class DependenciesCheck : IReadinessCheck
{
    public string Id => "dependencies";

    public string Requirement => "No outdated or insecure dependency libraries.";

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        var problems = new List<string>();
        var unknown = new List<string>();
        var evidence = new List<string>();
        var warnings = new List<string>();

        var nodeFolders = context.TryManifest() is { } manifest
            ? manifest.Applications.Select(application => application.Name).Where(folder => context.Files.Contains(folder + "/package.json")).ToList()
            : context.Files.Contains("package.json") ? [string.Empty] : [];
        foreach (var folder in nodeFolders)
        {
            await AuditNpmAsync(context, folder, problems, unknown, evidence, warnings, cancellationToken).ConfigureAwait(false);
        }

        var projects = context.FilesNamed(name => name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var project in projects)
        {
            await AuditNuGetAsync(context, project, problems, unknown, evidence, cancellationToken).ConfigureAwait(false);
        }

        if (nodeFolders.Count == 0 && projects.Count == 0)
        {
            return CheckOutcome.Manual(["no package.json or .csproj found: nothing the npm or NuGet audit can check"]);
        }

        if (problems.Count > 0)
        {
            return CheckOutcome.Failed([.. problems, .. unknown], warnings);
        }

        return unknown.Count > 0 ? CheckOutcome.Manual([.. unknown, .. evidence], warnings) : CheckOutcome.Passed(evidence, warnings);
    }

    private static async Task AuditNpmAsync(CheckContext context, string folder, List<string> problems, List<string> unknown, List<string> evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        var label = folder.Length == 0 ? "package.json" : folder + "/package.json";
        if (PackageJson.TryRead(context, label) is { } manifestJson && !PackageJson.Dependencies(manifestJson).Any())
        {
            evidence.Add($"{label}: no dependencies declared, nothing to audit");
            return;
        }

        if (!context.Files.Contains(folder.Length == 0 ? "package-lock.json" : folder + "/package-lock.json")
            && !File.Exists(Path.Combine(context.Root, folder, "package-lock.json")))
        {
            unknown.Add($"{label}: no package-lock.json, so npm audit cannot tell which versions are used (commit one: npm install --package-lock-only)");
            return;
        }

        var workingDirectory = Path.Combine(context.Root, folder);
        List<string> Arguments(string command) => tools.NpmRegistry is null ? [command, "--json"] : [command, "--json", "--registry", tools.NpmRegistry];
        ProcessResult audit;
        try
        {
            audit = await ProcessRunner.RunAsync("npm", Arguments("audit"), workingDirectory, tools.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            unknown.Add($"{label}: npm audit could not run: {exception.Message}");
            return;
        }

        if (!TryParse(audit.StandardOutput, out var report))
        {
            unknown.Add($"{label}: npm audit gave no report (exit {audit.ExitCode}): {audit.FirstErrorLine}");
            return;
        }

        if (report.TryGetProperty("error", out var error))
        {
            var summary = error.TryGetProperty("summary", out var text) ? text.GetString() : error.ToString();
            unknown.Add($"{label}: npm audit failed: {CertKitException.OneLine(summary ?? "no reason given")}");
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
                    problems.Add(line);
                    found++;
                }
                else
                {
                    warnings.Add(line + $", below the {context.DependencyTools.MinimumSeverity} threshold");
                }
            }
        }

        if (found == 0)
        {
            var total = report.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("dependencies", out var dependencies) && dependencies.TryGetProperty("total", out var count)
                ? count.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "its";
            evidence.Add($"{label}: npm audit: no known vulnerability in {total} dependencies");
        }

        try
        {
            var outdated = await ProcessRunner.RunAsync("npm", Arguments("outdated"), workingDirectory, tools.Timeout, cancellationToken).ConfigureAwait(false);
            if (TryParse(outdated.StandardOutput, out var packages) && packages.ValueKind == JsonValueKind.Object && !packages.TryGetProperty("error", out _))
            {
                foreach (var package in packages.EnumerateObject())
                {
                    if (package.Value.TryGetProperty("current", out var current) && package.Value.TryGetProperty("latest", out var latest) && current.GetString() != latest.GetString())
                    {
                        warnings.Add($"{label}: {package.Name} {current.GetString()} is outdated (latest {latest.GetString()})");
                    }
                }
            }
        }
        catch (CertKitException exception)
        {
            warnings.Add($"{label}: npm outdated could not run: {exception.Message}");
        }
    }

    private static async Task AuditNuGetAsync(CheckContext context, string project, List<string> problems, List<string> unknown, List<string> evidence, CancellationToken cancellationToken)
    {
        var tools = context.DependencyTools;
        ProcessResult result;
        try
        {
            var restore = await ProcessRunner.RunAsync("dotnet", ["restore", project], context.Root, tools.Timeout, cancellationToken).ConfigureAwait(false);
            if (!restore.Succeeded)
            {
                unknown.Add($"{project}: dotnet restore failed, so NuGet audit cannot run: {FirstError(restore)}");
                return;
            }

            result = await ProcessRunner.RunAsync("dotnet", ["list", project, "package", "--vulnerable", "--include-transitive", "--format", "json"], context.Root, tools.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (CertKitException exception)
        {
            unknown.Add($"{project}: dotnet list package could not run: {exception.Message}");
            return;
        }

        if (!TryParse(result.StandardOutput, out var report))
        {
            unknown.Add($"{project}: dotnet list package --vulnerable gave no report (exit {result.ExitCode}): {FirstError(result)}");
            return;
        }

        if (report.TryGetProperty("problems", out var reported) && reported.ValueKind == JsonValueKind.Array && reported.GetArrayLength() > 0)
        {
            unknown.Add($"{project}: NuGet audit reported a problem: {string.Join("; ", reported.EnumerateArray().Select(problem => problem.TryGetProperty("text", out var text) ? text.GetString() : problem.ToString()))}");
            return;
        }

        var found = 0;
        foreach (var framework in Each(report, "projects").SelectMany(entry => Each(entry, "frameworks")))
        {
            var name = framework.TryGetProperty("framework", out var moniker) ? moniker.GetString() : null;
            foreach (var (package, transitive) in Each(framework, "topLevelPackages").Select(p => (p, false)).Concat(Each(framework, "transitivePackages").Select(p => (p, true))))
            {
                var id = package.TryGetProperty("id", out var value) ? value.GetString() : "?";
                var version = package.TryGetProperty("resolvedVersion", out var resolved) ? resolved.GetString() : "?";
                foreach (var vulnerability in Each(package, "vulnerabilities"))
                {
                    var severity = vulnerability.TryGetProperty("severity", out var level) ? level.GetString() ?? "unknown" : "unknown";
                    var url = vulnerability.TryGetProperty("advisoryurl", out var link) ? link.GetString() : null;
                    if (tools.Fails(severity))
                    {
                        problems.Add($"{project}: {id} {version}{(transitive ? " (transitive)" : string.Empty)} has a {severity.ToLowerInvariant()} advisory{(url is null ? string.Empty : ": " + url)} ({name}, NuGet audit)");
                        found++;
                    }
                }
            }
        }

        if (found == 0)
        {
            evidence.Add($"{project}: NuGet audit: no known vulnerable package, transitive ones included");
        }
    }

    private static IEnumerable<JsonElement> Each(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    private static string FirstError(ProcessResult result) =>
        CertKitException.OneLine(
            result.StandardOutput.Split('\n').FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? result.FirstErrorLine);

    private static bool TryParse(string text, out JsonElement root)
    {
        root = default;
        var start = text.IndexOf('{');
        if (start < 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text[start..]);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
