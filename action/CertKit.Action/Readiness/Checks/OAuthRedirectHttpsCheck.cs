using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CertKit.Analyzers.Detection;

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
            if (!RedirectName().IsMatch(text))
            {
                continue;
            }

            foreach (Match url in Url().Matches(text))
            {
                var value = url.Value;
                var where = $"{path}:{number}";
                if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    evidence.Add($"{where}: {value}");
                }
                else if (UrlClassifier.TryFindHardcodedUrl(value, 0, false, ImmutableArray<string>.Empty, out _))
                {
                    problems.Add($"{where}: the redirect URI {value} is not https; the authorization code would travel in the clear");
                }
                else
                {
                    warnings.Add($"{where}: {value} is a local redirect URI; the one registered for production must be https");
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
