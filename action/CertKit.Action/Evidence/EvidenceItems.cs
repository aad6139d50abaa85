namespace CertKit.Action.Evidence;

/// <summary>One line of evidence for tables and text: its kind, what changed, and where.</summary>
internal sealed record EvidenceItem(string Kind, string Description, string File, int Line);

/// <summary>The evidence flattened, breaking changes first, for the text output, the PR comment and annotations.</summary>
internal static class EvidenceItems
{
    public static List<EvidenceItem> From(EvidenceReport evidence)
    {
        var items = new List<EvidenceItem>();
        if (evidence.Api is { } api)
        {
            items.AddRange(api.Breaking.Select(c => new EvidenceItem("breaking", c.Description, c.File, c.Line)));
        }

        if (evidence.Contract is { } contract)
        {
            items.AddRange(contract.Where(c => c.Breaking).Select(c => new EvidenceItem("breaking", "connect.yaml: " + c.Description, c.File, c.Line)));
        }

        if (evidence.Api is { } additions)
        {
            items.AddRange(additions.Added.Select(c => new EvidenceItem("added", c.Description, c.File, c.Line)));
        }

        if (evidence.Endpoints is { } endpoints)
        {
            items.AddRange(endpoints.Added.Select(e => new EvidenceItem("new endpoint", e.Display + (e.Base is null ? string.Empty : $" (base {e.Base})"), e.Sites[0].File, e.Sites[0].Line)));
            items.AddRange(endpoints.Removed.Select(e => new EvidenceItem("endpoint removed", e.Display, e.Sites[0].File, e.Sites[0].Line)));
        }

        if (evidence.Contract is { } changes)
        {
            items.AddRange(changes.Where(c => !c.Breaking).Select(c => new EvidenceItem("contract", "connect.yaml: " + c.Description, c.File, c.Line)));
        }

        return items;
    }
}
