namespace CertKit.Action.Evidence.Endpoints;

/// <summary>The endpoints called at head and not at base (added, with head's sites) and the reverse (removed, with base's sites).</summary>
internal sealed record EndpointDiffResult(IReadOnlyList<Endpoint> Added, IReadOnlyList<Endpoint> Removed)
{
    public static EndpointDiffResult Compare(EndpointReport atBase, EndpointReport atHead)
    {
        var before = atBase.Endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var after = atHead.Endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return new EndpointDiffResult(
            atHead.Endpoints.Where(e => !before.Contains(e.Key)).ToList(),
            atBase.Endpoints.Where(e => !after.Contains(e.Key)).ToList());
    }
}
