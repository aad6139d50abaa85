namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>base-uri-cached</c>: Adobe names "redundant invocation of the getBaseUri API before every REST call" a bad practice;
/// the <c>api_access_point</c> is cached per account and looked up again only on <c>INVALID_API_ACCESS_POINT</c>. C# is
/// judged (<see cref="BaseUriLookups"/>); a lookup in code of another language is shown for the reviewer (manual).
/// </summary>
internal sealed class BaseUriCachedCheck : IReadinessCheck
{
    public string Id => "base-uri-cached";

    public string Requirement => "GET /baseUris (getBaseUri) is not called before every request: the api_access_point is cached per account.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        // Every shipped C# file is read when one names the lookup: the methods that call a lookup helper live anywhere.
        var csharp = new List<(string Path, string Text)>();
        var unread = new List<string>();
        var code = 0;
        var named = false;
        foreach (var file in SourceFiles.Code(context))
        {
            code++;
            if (context.ReadText(file) is not { } text)
            {
                continue;
            }

            var isCSharp = file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
            if (isCSharp)
            {
                csharp.Add((file, text));
            }

            if (!BaseUriLookups.Mentions(text))
            {
                continue;
            }

            named |= isCSharp;
            if (!isCSharp)
            {
                unread.Add($"{file}:{LineOf(text)}: a base-URI lookup in code this check does not judge (only C#): show the reviewer that the api_access_point is cached");
            }
        }

        if (code == 0)
        {
            return Task.FromResult(CheckOutcome.Manual(["no shipped code or configuration found: show the reviewer where the api_access_point is cached"]));
        }

        var lookups = named ? BaseUriLookups.Find(csharp, cancellationToken) : [];
        var perRequest = lookups.Where(lookup => lookup.PerRequest).ToList();
        if (perRequest.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Failed([.. perRequest.Select(lookup =>
                $"{lookup.File}:{lookup.Line}: {lookup.Why}: cache the api_access_point per account and look it up again only on INVALID_API_ACCESS_POINT")]));
        }

        var evidence = lookups.Select(lookup => $"{lookup.File}:{lookup.Line}: {lookup.Why}").ToList();
        if (unread.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Manual([.. unread, .. evidence]));
        }

        return Task.FromResult(CheckOutcome.Passed(evidence.Count > 0
            ? evidence
            : [$"no GET /baseUris (getBaseUri) in the {code} shipped code and configuration file(s): the api_access_point comes with the OAuth token"]));
    }

    private static int LineOf(string text)
    {
        var index = text.IndexOf("baseUris", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            index = text.IndexOf("base_uris", StringComparison.OrdinalIgnoreCase);
        }

        return text.AsSpan(0, Math.Max(index, 0)).Count('\n') + 1;
    }
}
