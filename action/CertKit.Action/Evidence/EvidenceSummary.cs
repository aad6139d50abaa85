using CertKit.Action.Policies;

namespace CertKit.Action.Evidence;

/// <summary>
/// The evidence in words, by kind, for reasons: <c>2 public API additions (src/Conn.cs:12, :30)</c>,
/// <c>new endpoint POST /v1/certificaterequests (src/VenafiClient.cs:42)</c>. Sites are bounded (the full list is in JSON).
/// </summary>
internal static class EvidenceSummary
{
    private const int MaxSites = 5;

    private const int MaxEndpoints = 3;

    public static IEnumerable<(EvidenceKind Kind, string Text)> ByKind(EvidenceReport evidence)
    {
        if (evidence.Api is { } api)
        {
            if (api.Breaking.Count > 0)
            {
                yield return (EvidenceKind.ApiBreaking, Count(api.Breaking.Count, "breaking public API change") + ": " + api.Breaking[0].Description + Sites(api.Breaking.Select(c => (c.File, c.Line))));
            }

            if (api.Added.Count > 0)
            {
                yield return (EvidenceKind.ApiAddition, Count(api.Added.Count, "public API addition") + Sites(api.Added.Select(c => (c.File, c.Line))));
            }
        }

        if (evidence.Endpoints is { } endpoints)
        {
            if (endpoints.Added.Count > 0)
            {
                yield return (EvidenceKind.EndpointAdded, Endpoints("new endpoint", endpoints.Added));
            }

            if (endpoints.Removed.Count > 0)
            {
                yield return (EvidenceKind.EndpointRemoved, Endpoints("endpoint no longer called", endpoints.Removed));
            }
        }

        if (evidence.Contract is { } contract)
        {
            var breaking = contract.Where(c => c.Breaking).ToList();
            if (breaking.Count > 0)
            {
                yield return (EvidenceKind.ContractBreaking, Count(breaking.Count, "connect.yaml change") + " asking more of a deployment: " + string.Join("; ", breaking.Take(MaxEndpoints).Select(c => c.Description)) + Sites(breaking.Select(c => (c.File, c.Line))));
            }

            var other = contract.Where(c => !c.Breaking).ToList();
            if (other.Count > 0)
            {
                yield return (EvidenceKind.ContractChange, Count(other.Count, "connect.yaml change") + ": " + string.Join("; ", other.Take(MaxEndpoints).Select(c => c.Description)) + Sites(other.Select(c => (c.File, c.Line))));
            }
        }
    }

    private static string Endpoints(string label, IReadOnlyList<Endpoints.Endpoint> endpoints)
    {
        var shown = endpoints.Take(MaxEndpoints).Select(e => e.Display + Sites(e.Sites.Select(s => (s.File, s.Line))));
        return (endpoints.Count == 1 ? label : label.Replace("endpoint", "endpoints", StringComparison.Ordinal)) + " " + string.Join(", ", shown)
            + (endpoints.Count > MaxEndpoints ? $" and {endpoints.Count - MaxEndpoints} more" : string.Empty);
    }

    private static string Count(int count, string noun) => count == 1 ? "1 " + noun : $"{count} {noun}s";

    /// <summary><c> (src/Conn.cs:12, :30, src/Other.cs:4 and 3 more)</c>: the file is named once per run of sites in it.</summary>
    public static string Sites(IEnumerable<(string File, int Line)> sites)
    {
        var list = sites.Distinct().ToList();
        var parts = new List<string>();
        string? previous = null;
        foreach (var (file, line) in list.Take(MaxSites))
        {
            parts.Add(file == previous ? ":" + line : file + ":" + line);
            previous = file;
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + (list.Count > MaxSites ? $" and {list.Count - MaxSites} more" : string.Empty) + ")";
    }
}
