using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>oauth-redirect-https</c>: every OAuth redirect URI written in code or configuration (a <c>redirect_uri</c>,
/// <c>redirectUri</c>, <c>RedirectUrl</c> … with a URL on the same line) uses https. None written down: manual, the
/// registered URI is the reviewer's to see.
/// </summary>
internal sealed partial class OAuthRedirectHttpsCheck : IReadinessCheck
{
    public string Id => "oauth-redirect-https";

    public string Requirement => "The OAuth redirect_uri uses https.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var evidence = new List<string>();
        var warnings = new List<string>();
        foreach (var (path, number, text) in SourceFiles.Lines(context))
        {
            foreach (Match name in RedirectName().Matches(text))
            {
                // The value after the name (redirect_uri: "https://…"), not a URL the name sits in (…/oauth?redirect_uri=…).
                var url = Url().Match(text, name.Index + name.Length);
                if (!url.Success)
                {
                    continue;
                }

                var value = url.Value;
                var where = $"{path}:{number}";
                if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    evidence.Add($"{where}: {value}");
                }
                else if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.IsLoopback)
                {
                    warnings.Add($"{where}: {value} is a local redirect URI; the one registered for production must be https");
                }
                else
                {
                    problems.Add($"{where}: the redirect URI {value} is not https; the authorization code would travel in the clear");
                }
            }
        }

        if (problems.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Failed(problems, warnings));
        }

        return Task.FromResult(evidence.Count > 0
            ? CheckOutcome.Passed(evidence, warnings)
            : CheckOutcome.Manual(["no redirect URI is written in code or configuration (it is configured at deployment): confirm the one registered with Adobe Sign uses https"], warnings));
    }

    [GeneratedRegex(@"redirect[_\-]?ur[il]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedirectName();

    [GeneratedRegex(@"https?://[^\s""'`<>)\]},;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
