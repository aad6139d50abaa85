namespace CertKit.Action.Readiness.Checks;

/// <summary><c>connect-yaml</c>: <c>connect.yaml</c> at the root follows the documented format (keys, application types, endpoints, no duplicates).</summary>
internal sealed class ConnectYamlCheck : IReadinessCheck
{
    public string Id => "connect-yaml";

    public string Requirement => "A configured connect.yaml in the root directory.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        var problems = manifest.Problems.Select(problem => $"{manifest.RelativePath}:{problem.Line}: {problem.Message}").ToList();
        var applications = manifest.Applications.Select(application =>
            $"{manifest.RelativePath}:{application.Line}: {application.Name} ({application.ApplicationType}{(application.Endpoint is null ? string.Empty : ", endpoint " + application.Endpoint)})");
        return Task.FromResult(CheckOutcome.FailedIfAny(problems, applications));
    }
}
