using CertKit.Action.Policies;
using CertKit.Action.Scopes;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>oauth-scopes</c>: the Adobe Sign scopes the app requests (certkit.yml <c>scopes:</c>, else the C# string literals, as
/// <c>certkit decide</c> reads them), listed for the review; an <c>:account</c> scope acts on every user of the customer's
/// account and is flagged for a justification (manual).
/// </summary>
internal sealed class OAuthScopesCheck : IReadinessCheck
{
    public string Id => "oauth-scopes";

    public string Requirement => "The requested OAuth scopes match the app's use.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (context.Files.Contains(PolicyFile.DefaultFileName) && PolicyFile.Load(Path.Combine(context.Root, PolicyFile.DefaultFileName)).Scopes is { } declared)
        {
            foreach (var scope in declared)
            {
                found.TryAdd(AdobeScope.Normalize(scope), PolicyFile.DefaultFileName);
            }
        }
        else
        {
            foreach (var file in SourceFiles.Code(context).Where(file => file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                if (context.ReadText(file) is { } text)
                {
                    foreach (var scope in CSharpScopeScanner.Scan(text))
                    {
                        found.TryAdd(scope, file);
                    }
                }
            }
        }

        if (found.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Manual(["no Adobe Sign OAuth scope found (certkit.yml scopes:, C# string literals): list the scopes the app requests for the reviewer"]));
        }

        var listed = $"scopes: {string.Join(", ", found.Select(pair => $"{pair.Key} ({pair.Value})"))}";
        var account = found.Where(pair => pair.Key.EndsWith(":account", StringComparison.Ordinal)).ToList();
        return Task.FromResult(account.Count == 0
            ? CheckOutcome.Passed([listed])
            : CheckOutcome.Manual([
                listed,
                .. account.Select(pair => $"{pair.Value}: {pair.Key} acts on every user of the customer's account: justify it to the reviewer, or request :self or :group"),
            ]));
    }
}
