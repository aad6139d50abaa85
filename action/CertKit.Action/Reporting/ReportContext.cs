namespace CertKit.Action.Reporting;

/// <summary>Where the decision was made: the repository, what triggered it, and a link comparing the two versions.</summary>
public sealed record ReportContext(string Repository, string Trigger, string? CompareUrl)
{
    /// <summary>
    /// The compare link of a release: the previous tag is named like the current one (same prefix and suffix around
    /// the version, e.g. <c>connector-a/v1.4.2</c> for <c>connector-a/v2.0.0</c>), else by the tag pattern.
    /// </summary>
    public static string? ReleaseCompareUrl(string serverUrl, string repository, string? tag, string? tagPattern, Decision.RecertificationDecision decision)
    {
        if (decision.PreviousVersion is null)
        {
            return null;
        }

        var version = DecisionReport.Shown(decision.Version);
        var previous = DecisionReport.Shown(decision.PreviousVersion);

        string previousTag;
        string currentTag;
        if (tag is not null && tag.Contains(version, StringComparison.Ordinal))
        {
            currentTag = tag;
            var at = tag.LastIndexOf(version, StringComparison.Ordinal);
            previousTag = tag[..at] + previous + tag[(at + version.Length)..];
        }
        else
        {
            var pattern = string.IsNullOrWhiteSpace(tagPattern) ? "v{version}" : tagPattern.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0];
            previousTag = pattern.Replace("{version}", previous, StringComparison.Ordinal);
            currentTag = tag ?? pattern.Replace("{version}", version, StringComparison.Ordinal);
        }

        return BuildCompareUrl(serverUrl, repository, previousTag, currentTag);
    }

    public static string BuildCompareUrl(string serverUrl, string repository, string fromRef, string toRef) =>
        $"{serverUrl.TrimEnd('/')}/{repository}/compare/{Uri.EscapeDataString(fromRef).Replace("%2F", "/", StringComparison.Ordinal)}...{Uri.EscapeDataString(toRef).Replace("%2F", "/", StringComparison.Ordinal)}";
}
