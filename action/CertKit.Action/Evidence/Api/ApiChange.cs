namespace CertKit.Action.Evidence.Api;

/// <summary>One difference of the public API: breaking or an addition, in words, at head (or at base for a removal).</summary>
internal sealed record ApiChange(bool Breaking, string Description, string File, int Line);

/// <summary>The public API differences between two commits, and how each side was read.</summary>
internal sealed record ApiDiffResult(IReadOnlyList<ApiChange> Breaking, IReadOnlyList<ApiChange> Added, IReadOnlyList<string> Notes);
