namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>api-scopes</c>: the API client Connect creates for the deployment (<c>inheritAs.apiClient.scopes</c>) asks for the
/// least privilege: <c>manage_project</c> grants everything in the project and fails the check.
/// </summary>
internal sealed class ApiScopesCheck : IReadinessCheck
{
    private static readonly string[] ProjectWideScopes = ["manage_project", "manage_api_clients"];

    public string Id => "api-scopes";

    public string Requirement => "The deployment's API client requests only the scopes it needs (least privilege).";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        if (manifest.Scopes.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Passed([$"{manifest.RelativePath}: no inheritAs.apiClient.scopes (the applications get no generated API client)"]));
        }

        var problems = manifest.Scopes
            .Where(scope => ProjectWideScopes.Any(wide => scope.Scope == wide || scope.Scope.StartsWith(wide + ":", StringComparison.Ordinal)))
            .Select(scope => $"{manifest.RelativePath}:{scope.Line}: {scope.Scope} grants the whole project; list the specific scopes the applications use (manage_orders, view_products, …)")
            .ToList();
        return Task.FromResult(CheckOutcome.FailedIfAny(problems, [$"{manifest.RelativePath}: inheritAs.apiClient.scopes: {string.Join(", ", manifest.Scopes.Select(scope => scope.Scope))}"]));
    }
}
