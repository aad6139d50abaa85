using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Policies;

/// <summary>
/// A certification program's re-certification rule, as data: a table from <see cref="ChangeKind"/> to
/// <see cref="PolicyRule"/>, plus a few switches (scopes, pre-releases, 0.y.z, paths). Each program is one
/// subclass that fills the table; <see cref="Evaluate"/> is the one place that reads it.
/// </summary>
public abstract class RecertificationPolicy
{
    /// <summary>The program id used on the command line and in JSON (<c>venafi</c>).</summary>
    public abstract string Id { get; }

    /// <summary>The program's name in reasons ("Venafi TLS Protect Cloud").</summary>
    public abstract string DisplayName { get; }

    /// <summary>The sentence of the program's own documentation that the rule implements, verbatim (see docs/policies.md).</summary>
    public abstract string SeedSentence { get; }

    /// <summary>The rule for each kind of change.</summary>
    public abstract IReadOnlyDictionary<ChangeKind, PolicyRule> Rules { get; }

    /// <summary>The rule for a change of the requested OAuth scopes, or null when scopes do not matter to the program.</summary>
    public virtual PolicyRule? ScopeChangeRule => null;

    /// <summary>
    /// True when the program certifies releases only: a pre-release version is not ruled on, and the release of a
    /// pre-release is judged against the last release before it (what the program certified last).
    /// </summary>
    public virtual bool PrereleasesAreNotCertified => false;

    /// <summary>Whether a minor bump in 0.y.z counts as major (SemVer §4). Overridden by <c>--zero-minor-is-major</c>.</summary>
    public virtual bool ZeroMajorMinorIsMajor => true;

    /// <summary>Paths whose changes count; empty means the whole repository.</summary>
    public virtual PathFilter Paths => PathFilter.Everything;

    /// <summary>The policy's release-tag pattern, or null for the defaults (<c>v{version}</c>, <c>{version}</c>).</summary>
    public virtual string? TagPattern => null;

    public bool ConsidersScopes => ScopeChangeRule is not null;

    /// <summary>
    /// The rule for each kind of evidence (what changed between the commits), whatever the version says. A kind with no rule
    /// is reported but does not change the verdict.
    /// </summary>
    public virtual IReadOnlyDictionary<EvidenceKind, PolicyRule> EvidenceRules { get; } = new Dictionary<EvidenceKind, PolicyRule>();

    public PolicyVerdict Evaluate(PolicyInput input)
    {
        var reasons = new List<string>();
        var (required, comparedWith) = EvaluateVersion(input, reasons);
        required = EvaluatePaths(input, required, reasons);
        required |= EvaluateScopes(input, reasons);
        required |= EvaluateEvidence(input, required, reasons);
        return new PolicyVerdict(required, reasons, comparedWith);
    }

    /// <summary>
    /// One reason per kind of change the evidence shows (kinds whose rules share a title are one reason): "feature addition
    /// under a patch label: 1 public API addition (src/Conn.cs:12), new endpoint POST /v1/x (src/Client.cs:42) requires …".
    /// </summary>
    private bool EvaluateEvidence(PolicyInput input, bool requiredSoFar, List<string> reasons)
    {
        if (input.Evidence is not { } evidence || input.Bump.Kind == BumpKind.Downgrade || (PrereleasesAreNotCertified && input.Version.IsPrerelease))
        {
            return false;
        }

        if (evidence.Incomplete)
        {
            // No reader compares these files: the verdict rests on the version (and on what was compared), never on "no change".
            reasons.Add(
                $"evidence incomplete: changed code that no reader compares since {evidence.ComparedWith} ({evidence.Coverage!.DescribeNotCompared()}); " +
                $"review these changes by hand: a new or changed call there may be a feature addition {DisplayName} certifies");
        }

        if (evidence.IsEmpty)
        {
            reasons.Add(evidence.Incomplete
                ? $"no public API, endpoint or contract change in the files that were compared since {evidence.ComparedWith}"
                : $"no public API, endpoint or contract change since {evidence.ComparedWith}");
            return false;
        }

        var required = false;
        var label = input.Bump.Kind is BumpKind.Patch or BumpKind.None or BumpKind.Prerelease ? $" under a {input.Bump.Kind.ToName()} label" : string.Empty;
        foreach (var group in Evidence.EvidenceSummary.ByKind(evidence).GroupBy(item => Title(item.Kind)))
        {
            var rules = group.Select(item => EvidenceRules.GetValueOrDefault(item.Kind)).ToList();
            var rule = rules.FirstOrDefault(r => r is { Required: true }) ?? rules.FirstOrDefault(r => r is not null);
            var facts = string.Join(", ", group.Select(item => item.Text));
            if (rule is null)
            {
                reasons.Add($"{group.Key}: {facts} (the {DisplayName} policy does not rule on it)");
                continue;
            }

            var underLabel = rule.Required && !requiredSoFar ? label : string.Empty;
            reasons.Add($"{group.Key}{underLabel}: {facts} {(rule.Required ? "requires" : "does not require")} re-certification: {rule.Rationale}");
            required |= rule.Required;
        }

        return required;
    }

    private static string Title(EvidenceKind kind) => kind switch
    {
        EvidenceKind.ApiBreaking => "breaking change",
        EvidenceKind.ApiAddition or EvidenceKind.EndpointAdded => "feature addition",
        EvidenceKind.EndpointRemoved => "functionality change",
        _ => "contract change",
    };

    /// <summary>Whether the version change requires re-certification, and the version it was judged against.</summary>
    private (bool Required, NuGetVersion? ComparedWith) EvaluateVersion(PolicyInput input, List<string> reasons)
    {
        if (input.Bump.Kind == BumpKind.Downgrade)
        {
            reasons.Add($"{Show(input.Version)} is lower than the previous version {Show(input.PreviousVersion)}: a downgrade is not a release {DisplayName} certifies");
            return (false, input.PreviousVersion);
        }

        var change = ChangeKinds.From(input.Bump);
        if (PrereleasesAreNotCertified && input.Version.IsPrerelease && change != ChangeKind.None)
        {
            reasons.Add(
                $"{Show(input.Version)} is a pre-release and does not require re-certification: {DisplayName} certifies releases, " +
                $"so the decision is made when {Show(Release(input.Version))} is released, " +
                (input.LastRelease is null ? "as its first certification (there is no earlier release)" : $"against the last release {Show(input.LastRelease)}"));
            return (false, input.PreviousVersion);
        }

        var previous = input.PreviousVersion;
        var bump = input.Bump;
        if (PrereleasesAreNotCertified && change == ChangeKind.ReleaseOfPrerelease)
        {
            var lastRelease = input.LastRelease;
            reasons.Add(
                $"{Show(previous)} -> {Show(input.Version)} releases a pre-release; {DisplayName} does not certify pre-releases, so the release is judged against " +
                (lastRelease is null ? "the last release, and there is none" : $"the last release {Show(lastRelease)}"));
            bump = BumpCalculator.Compute(lastRelease, input.Version, input.ZeroMajorMinorIsMajor);
            change = ChangeKinds.From(bump);
            previous = lastRelease;
        }

        var rule = Rules[change];
        reasons.Add($"{Describe(change, bump, previous, input.Version)} {(rule.Required ? "requires" : "does not require")} {(change == ChangeKind.Initial ? "certification" : "re-certification")}: {rule.Rationale}");
        return (rule.Required, previous);
    }

    private bool EvaluatePaths(PolicyInput input, bool required, List<string> reasons)
    {
        if (Paths.IsEverything)
        {
            return required;
        }

        var pathList = string.Join(", ", Paths.Patterns);
        if (input.ChangedFiles is null)
        {
            reasons.Add($"changes under the policy's paths ({pathList}) were not checked: there is no base commit or previous tag to compare with");
            return required;
        }

        var matched = input.ChangedFiles.Where(Paths.Matches).ToList();
        if (matched.Count == 0)
        {
            reasons.Add(
                $"no file under the policy's paths ({pathList}) changed since {input.ComparedWith} ({input.ChangedFiles.Count} changed elsewhere)" +
                (required ? ", so the version change alone does not require re-certification" : string.Empty));
            return false;
        }

        var examples = string.Join(", ", matched.Take(3)) + (matched.Count > 3 ? $" and {matched.Count - 3} more" : string.Empty);
        reasons.Add($"{matched.Count} changed file(s) under the policy's paths ({pathList}) since {input.ComparedWith}: {examples}");
        return required;
    }

    private bool EvaluateScopes(PolicyInput input, List<string> reasons)
    {
        if (ScopeChangeRule is null)
        {
            return false;
        }

        var scopes = input.Scopes;
        if (!scopes.Compared)
        {
            reasons.Add($"OAuth scopes were not compared: {scopes.NotComparedBecause}");
            return false;
        }

        if (!scopes.Changed)
        {
            var list = scopes.Head!.Scopes.Count == 0 ? "none found" : string.Join(" ", scopes.Head.Scopes);
            reasons.Add($"OAuth scopes unchanged ({list}; from {scopes.Head.Origin})");
            return false;
        }

        var changes = new List<string>();
        if (scopes.Added.Count > 0)
        {
            changes.Add("added " + string.Join(" ", scopes.Added));
        }

        if (scopes.Removed.Count > 0)
        {
            changes.Add("removed " + string.Join(" ", scopes.Removed));
        }

        reasons.Add($"OAuth scope change ({string.Join("; ", changes)}) {(ScopeChangeRule.Required ? "requires" : "does not require")} re-certification: {ScopeChangeRule.Rationale}");
        return ScopeChangeRule.Required;
    }

    private static string Describe(ChangeKind change, Bump bump, NuGetVersion? previous, NuGetVersion version) => change switch
    {
        ChangeKind.Initial => $"first version {Show(version)} (no previous version found)",
        ChangeKind.Major when bump.PromotedFromZeroMajorMinor =>
            $"minor bump {Show(previous)} -> {Show(version)} in 0.y.z, counted as major (SemVer 4: anything may change before 1.0.0)",
        ChangeKind.Major => $"major bump {Show(previous)} -> {Show(version)}",
        ChangeKind.Minor => $"minor bump {Show(previous)} -> {Show(version)}",
        ChangeKind.Patch => $"patch bump {Show(previous)} -> {Show(version)}",
        ChangeKind.Prerelease => $"pre-release bump {Show(previous)} -> {Show(version)}",
        ChangeKind.ReleaseOfPrerelease => $"{Show(previous)} -> {Show(version)}, the release of a pre-release,",
        _ => $"unchanged version {Show(version)}",
    };

    private static NuGetVersion Release(NuGetVersion version) =>
        new(version.Major, version.Minor, version.Patch, version.Revision);

    private static string Show(NuGetVersion? version) => version is null ? "(none)" : VersionText.Format(version);
}
