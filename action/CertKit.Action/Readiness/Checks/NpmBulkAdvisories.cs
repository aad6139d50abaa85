using System.Net.Http.Json;
using System.Text.Json;
using Semver;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// The npm registry's bulk advisory endpoint (<c>POST /-/npm/v1/security/advisories/bulk</c>, the one <c>npm audit</c> and
/// yarn 4 use) for the versions a yarn or pnpm lockfile pins. yarn 1's own <c>yarn audit</c> cannot be used: it posts to a
/// registry compiled into it (<c>registry.yarnpkg.com</c>, whatever <c>--registry</c> or <c>.yarnrc</c> say) at the retired
/// <c>/-/npm/v1/security/audits</c> endpoint, which answers 405. An advisory applies when its
/// <c>vulnerable_versions</c> (an npm range) contains a pinned version, as npm decides.
/// </summary>
internal static class NpmBulkAdvisories
{
    public const string DefaultRegistry = "https://registry.npmjs.org/";

    /// <summary>One advisory for one pinned version.</summary>
    public sealed record Advisory(string Package, string Version, string Severity, string Title, string Range);

    public static async Task<IReadOnlyList<Advisory>> QueryAsync(
        string registry, IReadOnlyDictionary<string, SortedSet<string>> packages, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = timeout };
        var request = packages.ToDictionary(package => package.Key, package => package.Value.ToArray(), StringComparer.Ordinal);
        var url = registry.TrimEnd('/') + "/-/npm/v1/security/advisories/bulk";
        using var response = await client.PostAsJsonAsync(url, request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CertKitException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CertKitException($"{url} answered with something that is not JSON");
        }

        var advisories = new List<Advisory>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return advisories;
        }

        foreach (var package in root.EnumerateObject())
        {
            if (!packages.TryGetValue(package.Name, out var versions) || package.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var advisory in package.Value.EnumerateArray())
            {
                var range = ToolJson.String(advisory, "vulnerable_versions") ?? "*";
                if (!SemVersionRange.TryParseNpm(range, out var affected))
                {
                    affected = SemVersionRange.AllRelease;
                }

                foreach (var version in versions)
                {
                    if (SemVersion.TryParse(version, SemVersionStyles.Any, out var pinned) && affected.Contains(pinned))
                    {
                        advisories.Add(new Advisory(package.Name, version, ToolJson.String(advisory, "severity") ?? "unknown", ToolJson.String(advisory, "title") ?? "advisory", range));
                    }
                }
            }
        }

        return advisories;
    }
}
