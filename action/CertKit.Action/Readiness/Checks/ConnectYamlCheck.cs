namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>connect-yaml</c>: <c>connect.yaml</c> at the root follows the documented format (keys, application types, endpoints,
/// no duplicates) and what commercetools' publish pipeline rejects: <c>manage_api_clients</c> in
/// <c>inheritAs.apiClient.scopes</c>, the keys Connect generates for that API client (<c>CTP_CLIENT_ID</c>,
/// <c>CTP_CLIENT_SECRET</c>, <c>CTP_SCOPE</c>) declared beside it, and the old <c>mc-app</c> application type. Lockfiles outside
/// the <c>deployAs</c> folders are a warning: the pipeline's SCA scan walks the whole repository and reads them too.
/// </summary>
internal sealed class ConnectYamlCheck : IReadinessCheck
{
    /// <summary>The configuration keys Connect sets itself for the API client of <c>inheritAs.apiClient</c>.</summary>
    private static readonly string[] GeneratedClientKeys = ["CTP_CLIENT_ID", "CTP_CLIENT_SECRET", "CTP_SCOPE"];

    private static readonly string[] LockfileNames = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"];

    public string Id => "connect-yaml";

    public string Requirement => "A configured connect.yaml in the root directory.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        var path = manifest.RelativePath;
        var renamed = manifest.Applications
            .Where(application => application.ApplicationType == "mc-app")
            .ToDictionary(application => application.ApplicationTypeLine, application => application.Name);
        var problems = manifest.Problems
            .Select(problem => renamed.TryGetValue(problem.Line, out var name)
                ? $"{path}:{problem.Line}: application '{name}': applicationType 'mc-app' was renamed merchant-center-custom-application; the publish pipeline rejects the old name"
                : $"{path}:{problem.Line}: {problem.Message}")
            .ToList();

        foreach (var scope in manifest.Scopes.Where(scope => scope.Scope.StartsWith("manage_api_clients", StringComparison.Ordinal)))
        {
            problems.Add($"{path}:{scope.Line}: inheritAs.apiClient.scopes requests {scope.Scope}: a connector may not create or manage API clients, and the publish pipeline rejects it");
        }

        if (manifest.Scopes.Count > 0)
        {
            foreach (var entry in manifest.AllConfiguration.Where(entry => GeneratedClientKeys.Contains(entry.Key, StringComparer.Ordinal)))
            {
                problems.Add($"{path}:{entry.Line}: {entry.Key} is declared{(entry.Application is null ? string.Empty : $" in '{entry.Application}'")}, but Connect sets it for the API client of inheritAs.apiClient; remove the key");
            }
        }

        var folders = manifest.Applications.Select(application => application.Name + "/").ToList();
        var warnings = context.FilesNamed(name => LockfileNames.Contains(name, StringComparer.Ordinal))
            .Where(file => !folders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            .Select(file => $"{file}: a lockfile outside the deployAs folders; commercetools' SCA scan reads every lockfile in the repository, so its advisories count too")
            .ToList();

        var applications = manifest.Applications.Select(application =>
            $"{path}:{application.Line}: {application.Name} ({application.ApplicationType}{(application.Endpoint is null ? string.Empty : ", endpoint " + application.Endpoint)})");
        return Task.FromResult(problems.Count > 0 ? CheckOutcome.Failed(problems, warnings) : CheckOutcome.Passed(applications, warnings));
    }
}
