using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>oauth-state</c>: a file that builds the OAuth authorize request (Adobe Sign's <c>/public/oauth</c>, or any
/// <c>response_type=code</c>) also sends a <c>state</c> value, which the callback checks against cross-site request forgery.
/// </summary>
internal sealed partial class OAuthStateCheck : IReadinessCheck
{
    public string Id => "oauth-state";

    public string Requirement => "The OAuth authorize request carries state.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var evidence = new List<string>();
        foreach (var file in SourceFiles.Code(context))
        {
            if (context.ReadText(file) is not { } text)
            {
                continue;
            }

            var authorize = Authorize().Match(text);
            if (!authorize.Success)
            {
                continue;
            }

            var line = LineOf(text, authorize.Index);
            var state = State().Match(text);
            if (state.Success)
            {
                evidence.Add($"{file}:{line}: authorize request; state at {file}:{LineOf(text, state.Index)}");
            }
            else
            {
                problems.Add($"{file}:{line}: the authorize request carries no state parameter; send a random state and check it in the callback (CSRF, OWASP A01)");
            }
        }

        if (problems.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Failed(problems));
        }

        return Task.FromResult(evidence.Count > 0
            ? CheckOutcome.Passed(evidence)
            : CheckOutcome.Manual(["no OAuth authorize request found in code or configuration (looked for /public/oauth and response_type=code): show the reviewer where state is sent and checked"]));
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"/public/oauth|response_type=code", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Authorize();

    [GeneratedRegex(@"[?&]state=|[""']state[""']|\bstate\s*[:=]", RegexOptions.CultureInvariant)]
    private static partial Regex State();
}
