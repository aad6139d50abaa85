using CertKit.Action.Git;
using CertKit.Action.Policies;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Decision;

/// <summary>
/// Decides whether a change needs re-certification: discovers the versions, computes the bump, compares paths and
/// OAuth scopes, and asks the program's policy. No console I/O: the CLI and the GitHub Action both call it.
/// Git is opened only when something must be read from it (explicit versions alone need no repository, unless the
/// policy compares OAuth scopes or paths).
/// Throws <see cref="CertKitException"/> for user errors. A downgrade is returned as a decision with
/// <see cref="BumpKind.Downgrade"/> (not required): the caller chooses how to fail (<c>certkit decide</c> exits 1).
/// </summary>
public static class DecisionEngine
{
    /// <summary>
    /// The decision for a release: as <see cref="Decide"/>, but a version lower than the previous one is refused (a
    /// downgrade cannot be released). The one place that says so, for <c>certkit decide</c> and the Action alike.
    /// </summary>
    public static RecertificationDecision DecideRelease(DecisionRequest request)
    {
        var decision = Decide(request);
        if (decision.Bump == BumpKind.Downgrade)
        {
            throw new CertKitException(
                $"version {VersionText.Format(decision.Version)} ({decision.Current.Origin}) is lower than the previous version " +
                $"{VersionText.Format(decision.PreviousVersion!)} ({decision.Previous!.Origin}): a downgrade cannot be released; " +
                "check the version, or name the previous one (--previous-version, or the Action's previous-version input)");
        }

        return decision;
    }

    public static RecertificationDecision Decide(DecisionRequest request)
    {
        var policy = request.Policy;
        var tagPatterns = new TagPatternSet(request.TagPattern ?? policy.TagPattern);
        var zeroMajorMinorIsMajor = request.ZeroMajorMinorIsMajor ?? policy.ZeroMajorMinorIsMajor;
        var explicitVersion = request.Version is null ? null : VersionText.Parse(request.Version, "--version");
        var explicitPrevious = request.PreviousVersion is null ? null : VersionText.Parse(request.PreviousVersion, "--previous-version");

        // Scopes and paths are read from commits, so those policies always need the repository.
        var needsGit = explicitVersion is null || explicitPrevious is null || request.BaseRef is not null
            || policy.ConsidersScopes || !policy.Paths.IsEverything;
        var context = needsGit ? Context.Open(request, tagPatterns, policy.Paths) : null;

        var current = explicitVersion is not null
            ? new DiscoveredVersion(explicitVersion, VersionSourceKind.Explicit, "--version", context?.HeadCommit)
            : DiscoverCurrent(context!, tagPatterns);

        var previous = explicitPrevious is not null
            ? new DiscoveredVersion(
                explicitPrevious,
                VersionSourceKind.Explicit,
                "--previous-version",
                context?.BaseCommit ?? (context is null ? null : context.Discovery.ReleaseTagOf(explicitPrevious, context.HeadCommit)?.Commit))
            : DiscoverPrevious(context!, current);
        var certified = ResolveCertified(request, context, current, previous);
        if (certified.Used)
        {
            previous = certified.Previous;
        }

        var bump = BumpCalculator.Compute(previous?.Version, current.Version, zeroMajorMinorIsMajor);
        NuGetVersion? lastRelease = null;
        if (bump.ReleasesPrerelease || current.Version.IsPrerelease)
        {
            lastRelease = context is null
                ? (previous is { Version.IsPrerelease: false } ? previous.Version : null)
                : context.Discovery.HighestTagBelow(Release(current.Version), context.HeadCommit, stableOnly: true)?.Version;
        }

        // Paths and scopes compare the head with the base, else with the previous release's tag.
        var compareCommit = context?.BaseCommit ?? previous?.Commit;
        var compareName = context?.BaseCommit is not null ? $"base {request.BaseRef}" : previous?.Origin;
        IReadOnlyList<string>? changedFiles = null;
        if (context is not null && compareCommit is not null && !policy.Paths.IsEverything)
        {
            changedFiles = context.Repository.ChangedFiles(compareCommit, context.HeadCommit);
        }

        var scopes = CompareScopes(policy, context, compareCommit, compareName, request.BaseRef ?? previous?.Origin);
        var (evidence, notGathered) = bump.Kind == BumpKind.Downgrade
            ? (null, "a downgrade is not a release")
            : GatherEvidence(request, context, compareCommit, compareName);
        var baseline = Describe(certified, previous, evidence);
        var verdict = policy.Evaluate(new PolicyInput
        {
            PreviousVersion = previous?.Version,
            Version = current.Version,
            Bump = bump,
            ZeroMajorMinorIsMajor = zeroMajorMinorIsMajor,
            LastRelease = lastRelease,
            Scopes = scopes,
            ChangedFiles = changedFiles,
            ComparedWith = compareName,
            Evidence = evidence,
        });

        return new RecertificationDecision
        {
            Warnings = VersionWarnings(context, current),
            Program = policy.Id,
            ProgramName = policy.DisplayName,
            Previous = previous,
            Current = current,
            Bump = bump.Kind,
            RecertificationRequired = verdict.Required,
            // A named certified version changes what the verdict rests on, so it leads the reasons; without one, today's reasons stand.
            Reasons = baseline.Version is null ? verdict.Reasons : [baseline.Statement, .. verdict.Reasons],
            Scopes = scopes,
            ComparedWith = verdict.ComparedWith,
            Evidence = evidence,
            EvidenceNotGatheredBecause = notGathered,
            Certified = baseline,
        };
    }

    /// <summary>The certified version the request names, and whether it replaces the previous version as the baseline.</summary>
    private static (bool Used, DiscoveredVersion? Previous, NuGetVersion? Version, string? Source, string? NotUsedBecause) ResolveCertified(
        DecisionRequest request, Context? context, DiscoveredVersion current, DiscoveredVersion? previous)
    {
        if (request.CertifiedVersion is null)
        {
            return (false, previous, null, null, null);
        }

        var source = request.CertifiedSource ?? "--certified-version";
        var version = VersionText.Parse(request.CertifiedVersion, "--certified-version");
        string? notUsed = null;
        if (request.BaseRef is not null || request.PreviousVersion is not null)
        {
            notUsed = request.BaseRef is not null ? $"the change is judged against --base {request.BaseRef}" : "--previous-version was given";
        }
        else if (VersionComparer.VersionRelease.Compare(version, current.Version) >= 0)
        {
            notUsed = $"it is not lower than {VersionText.Format(current.Version)}";
        }
        else if (context is null)
        {
            notUsed = "there is no repository to find its tag in";
        }
        else if (context.Discovery.ReleaseTagOf(version, context.HeadCommit) is not { } tagged)
        {
            notUsed = $"no release tag of it ({context.TagPatterns.Description}) is reachable from {context.HeadRef}";
        }
        else
        {
            return (true, tagged, version, source, null);
        }

        return (false, previous, version, source, notUsed);
    }

    /// <summary>What the outputs say about the baseline: "3 changes since certification of 1.0.0 (tag v1.0.0; issue #12, closed …)".</summary>
    private static CertifiedBaseline Describe(
        (bool Used, DiscoveredVersion? Previous, NuGetVersion? Version, string? Source, string? NotUsedBecause) certified,
        DiscoveredVersion? previous,
        CertKit.Action.Evidence.EvidenceReport? evidence)
    {
        if (certified.Version is null)
        {
            return CertifiedBaseline.Unknown(previous);
        }

        var named = $"{VersionText.Format(certified.Version)} ({certified.Source})";
        if (!certified.Used)
        {
            var fallback = previous is null ? "as a first certification" : $"against the previous version {VersionText.Format(previous.Version)} ({previous.Origin})";
            return new CertifiedBaseline(certified.Version, certified.Source, false, $"certified version {named} not used ({certified.NotUsedBecause}): judged {fallback}");
        }

        var since = $"certification of {VersionText.Format(certified.Version)} ({previous!.Origin}; {certified.Source})";
        var statement = evidence is null
            ? $"judged against the {since}, not the previous release"
            : $"{Evidence.EvidenceItems.From(evidence).Count} change(s) since {since}: judged against the certified version, not the previous release";
        return new CertifiedBaseline(certified.Version, certified.Source, true, statement);
    }

    private static (CertKit.Action.Evidence.EvidenceReport? Evidence, string? NotGatheredBecause) GatherEvidence(DecisionRequest request, Context? context, string? compareCommit, string? compareName)
    {
        if (request.Evidence == CertKit.Action.Evidence.EvidenceMode.None)
        {
            return (null, "evidence was switched off (--evidence none)");
        }

        if (context is null || compareCommit is null)
        {
            return (null, "there is no base commit or previous release tag to compare with (pass --base REF)");
        }

        var evidence = CertKit.Action.Evidence.EvidenceCollector.CollectAsync(
            context.Repository.Path,
            compareCommit,
            compareName ?? GitRepository.Short(compareCommit),
            context.HeadCommit,
            context.HeadRef,
            request.Evidence,
            CancellationToken.None).GetAwaiter().GetResult();
        return (evidence, null);
    }

    private static DiscoveredVersion DiscoverCurrent(Context context, TagPatternSet tagPatterns)
    {
        var found = context.Discovery.Discover(context.HeadCommit, context.HeadRef);
        if (found is not null)
        {
            return found;
        }

        var message = $"no version found at {context.HeadRef}: no release tag matching {tagPatterns.Description} on the commit, " +
            "and no Version in Directory.Build.props, *.csproj, AssemblyInfo.cs, version in package.json or ModuleVersion in *.psd1; pass --version";
        if (context.Repository.IsShallow)
        {
            message += $" ({GitRepository.ShallowCloneAdvice})";
        }

        throw new CertKitException(message);
    }

    private static DiscoveredVersion? DiscoverPrevious(Context context, DiscoveredVersion current)
    {
        if (context.BaseCommit is not null)
        {
            var atBase = context.Discovery.DiscoverLike(current, context.BaseCommit, context.BaseRef!);
            if (atBase is not null)
            {
                return atBase;
            }
        }

        var fromTags = context.Discovery.PreviousReleaseTag(current.Version, context.HeadCommit);
        if (fromTags is null)
        {
            RejectPatternMatchingNoTag(context);
        }

        if (fromTags is null && context.Repository.IsShallow)
        {
            // A shallow clone has no tags and no history: "initial" would be a wrong answer, not a decision.
            throw new CertKitException(
                $"no previous version found for {VersionText.Format(current.Version)}: {GitRepository.ShallowCloneAdvice}, or pass --previous-version");
        }

        return fromTags;
    }

    /// <summary>
    /// A given tag pattern that matches none of the release history's tags is a mistake, not a first release: "initial"
    /// would file a wrong request. The defaults stay quiet (a repository may have tags that are not releases).
    /// </summary>
    private static void RejectPatternMatchingNoTag(Context context)
    {
        if (!context.TagPatterns.IsExplicit)
        {
            return;
        }

        var tags = context.Repository.TagsReachableFrom(context.HeadCommit);
        if (tags.Count == 0 || context.TagPatterns.Match(tags).Count > 0)
        {
            return;
        }

        const int Shown = 5;
        var examples = string.Join(", ", tags.Take(Shown)) + (tags.Count > Shown ? $" and {tags.Count - Shown} more" : string.Empty);
        throw new CertKitException(
            $"tag pattern {context.TagPatterns.Description} matches none of the {tags.Count} tag(s) before {context.HeadRef} ({examples}): " +
            "pass a --tag-pattern that matches the release tags, or --previous-version to go on without them");
    }

    private static ScopeComparison CompareScopes(RecertificationPolicy policy, Context? context, string? compareCommit, string? compareName, string? baseName)
    {
        if (!policy.ConsidersScopes)
        {
            return ScopeComparison.NotCompared("the policy does not consider OAuth scopes");
        }

        if (context is null || compareCommit is null)
        {
            return ScopeComparison.NotCompared("there is no base commit or previous release tag to compare with (pass --base REF)");
        }

        var discovery = new ScopeDiscovery(context.Repository, policy.Paths);
        var atBase = discovery.Discover(compareCommit, baseName ?? compareName ?? GitRepository.Short(compareCommit));
        var atHead = discovery.Discover(context.HeadCommit, context.HeadRef);
        return ScopeComparison.Between(atBase, atHead);
    }

    /// <summary>
    /// A version read from a project file that is lower than a release tag reachable from head: the file was most likely
    /// never bumped, and the decision compares a stale version with an older tag. Said, not guessed around.
    /// </summary>
    private static IReadOnlyList<string> VersionWarnings(Context? context, DiscoveredVersion current)
    {
        if (context is null || current.Source is VersionSourceKind.ReleaseTag or VersionSourceKind.Explicit
            || context.Discovery.HighestTagAbove(current.Version, context.HeadCommit) is not { } higher)
        {
            return [];
        }

        return [$"release tag {higher.Tag} ({VersionText.Format(higher.Version)}) is reachable from {context.HeadRef} but the version found is {VersionText.Format(current.Version)} ({current.Origin}): "
            + "the project file was probably not bumped since; bump it, tag the release, or pass --version"];
    }

    private static NuGetVersion Release(NuGetVersion version) => new(version.Major, version.Minor, version.Patch, version.Revision);

    /// <summary>The repository and the resolved refs, opened once per decision.</summary>
    private sealed class Context
    {
        private Context(GitRepository repository, string headRef, string headCommit, string? baseRef, string? baseCommit, TagPatternSet tagPatterns, VersionDiscovery discovery)
        {
            TagPatterns = tagPatterns;
            Repository = repository;
            HeadRef = headRef;
            HeadCommit = headCommit;
            BaseRef = baseRef;
            BaseCommit = baseCommit;
            Discovery = discovery;
        }

        public GitRepository Repository { get; }

        public string HeadRef { get; }

        public string HeadCommit { get; }

        public string? BaseRef { get; }

        public string? BaseCommit { get; }

        public TagPatternSet TagPatterns { get; }

        public VersionDiscovery Discovery { get; }

        public static Context Open(DecisionRequest request, TagPatternSet tagPatterns, PathFilter paths)
        {
            var repository = GitRepository.Open(request.RepositoryPath, request.GitTimeout);
            var headCommit = repository.ResolveCommit(request.HeadRef, "head");
            var baseCommit = request.BaseRef is null ? null : repository.ResolveCommit(request.BaseRef, "base");
            return new Context(repository, request.HeadRef, headCommit, request.BaseRef, baseCommit, tagPatterns, new VersionDiscovery(repository, tagPatterns, paths));
        }
    }
}
