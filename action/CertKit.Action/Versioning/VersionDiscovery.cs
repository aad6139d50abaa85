using CertKit.Action.Git;
using NuGet.Versioning;

namespace CertKit.Action.Versioning;

/// <summary>
/// Finds the version of a commit: its release tag first, then the project files
/// (Directory.Build.props, *.csproj, AssemblyInfo.cs, package.json, *.psd1), each restricted to the policy's paths.
/// </summary>
public sealed class VersionDiscovery
{
    private readonly GitRepository repository;
    private readonly TagPatternSet tagPatterns;
    private readonly PathFilter scope;
    private readonly Dictionary<string, IReadOnlyList<string>> filesByCommit = new(StringComparer.Ordinal);

    public VersionDiscovery(GitRepository repository, TagPatternSet tagPatterns, PathFilter scope)
    {
        this.repository = repository;
        this.tagPatterns = tagPatterns;
        this.scope = scope;
    }

    /// <summary>Tries the sources in order; null when none declares a version.</summary>
    public DiscoveredVersion? Discover(string commit, string refName) =>
        FromReleaseTag(commit, refName) ?? FromProjectFiles(commit, refName, kind: null);

    /// <summary>Reads the same kind of source that gave <paramref name="like"/>, at another commit.</summary>
    public DiscoveredVersion? DiscoverLike(DiscoveredVersion like, string commit, string refName) => like.Source switch
    {
        VersionSourceKind.ReleaseTag => FromReleaseTag(commit, refName),
        VersionSourceKind.Explicit => Discover(commit, refName),
        _ => FromProjectFiles(commit, refName, like.Source),
    };

    /// <summary>The highest version among the matching tags on the commit itself.</summary>
    public DiscoveredVersion? FromReleaseTag(string commit, string refName)
    {
        var highest = Highest(tagPatterns.Match(repository.TagsPointingAt(commit)), below: null, stableOnly: false);
        if (highest is null)
        {
            return null;
        }

        var origin = highest.Tag == refName ? $"tag {highest.Tag}" : $"tag {highest.Tag} on {refName}";
        return new DiscoveredVersion(highest.Version, VersionSourceKind.ReleaseTag, origin, commit);
    }

    /// <summary>
    /// The first project-file source (of <paramref name="kind"/>, when given) that declares a version at the commit:
    /// under the policy's paths first, else anywhere in the repository.
    /// </summary>
    public DiscoveredVersion? FromProjectFiles(string commit, string refName, VersionSourceKind? kind) =>
        FromProjectFiles(commit, refName, kind, scope) ?? (scope.IsEverything ? null : FromProjectFiles(commit, refName, kind, PathFilter.Everything));

    private DiscoveredVersion? FromProjectFiles(string commit, string refName, VersionSourceKind? kind, PathFilter scope)
    {
        var files = Files(commit);
        foreach (var source in ProjectVersionSource.All)
        {
            if (kind is not null && source.Kind != kind)
            {
                continue;
            }

            var found = source.Discover(repository, commit, refName, files, scope);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The highest matching tag reachable from <paramref name="commit"/> whose version is lower than
    /// <paramref name="below"/> (only releases, without pre-release label, when <paramref name="stableOnly"/>).
    /// </summary>
    public DiscoveredVersion? HighestTagBelow(NuGetVersion below, string commit, bool stableOnly)
    {
        var highest = Highest(tagPatterns.Match(repository.TagsReachableFrom(commit)), below, stableOnly);
        return highest is null
            ? null
            : new DiscoveredVersion(highest.Version, VersionSourceKind.ReleaseTag, $"tag {highest.Tag}", repository.TryTagCommit(highest.Tag));
    }

    /// <summary>The highest matching tag reachable from <paramref name="commit"/> whose version is above <paramref name="above"/>, or null.</summary>
    public VersionTag? HighestTagAbove(NuGetVersion above, string commit)
    {
        var highest = Highest(tagPatterns.Match(repository.TagsReachableFrom(commit)), below: null, stableOnly: false);
        return highest is not null && VersionText.Comparer.Compare(highest.Version, above) > 0 ? highest : null;
    }

    /// <summary>The release tag of a version reachable from <paramref name="head"/>, when there is one (to compare files with it).</summary>
    public DiscoveredVersion? ReleaseTagOf(NuGetVersion version, string head)
    {
        var tag = tagPatterns.Match(repository.TagsReachableFrom(head)).FirstOrDefault(candidate => VersionText.Comparer.Equals(candidate.Version, version));
        return tag is null ? null : new DiscoveredVersion(tag.Version, VersionSourceKind.ReleaseTag, $"tag {tag.Tag}", repository.TryTagCommit(tag.Tag));
    }

    /// <summary>
    /// The last release tag before <paramref name="head"/>: the highest matching tag reachable from it, not on the
    /// head commit itself, whose version is at most <paramref name="current"/>. A tag equal to the current version
    /// means that version was already released (bump <c>none</c>), so pushes after a release are not new releases.
    /// </summary>
    public DiscoveredVersion? PreviousReleaseTag(NuGetVersion current, string head)
    {
        var onHead = new HashSet<string>(repository.TagsPointingAt(head), StringComparer.Ordinal);
        var earlier = tagPatterns.Match(repository.TagsReachableFrom(head)).Where(tag => !onHead.Contains(tag.Tag)).ToList();
        var released = earlier.FirstOrDefault(tag => VersionText.Comparer.Equals(tag.Version, current));
        var previous = released ?? Highest(earlier, current, stableOnly: false);
        return previous is null
            ? null
            : new DiscoveredVersion(previous.Version, VersionSourceKind.ReleaseTag, $"tag {previous.Tag}", repository.TryTagCommit(previous.Tag));
    }

    private static VersionTag? Highest(IReadOnlyList<VersionTag> tags, NuGetVersion? below, bool stableOnly)
    {
        VersionTag? highest = null;
        foreach (var tag in tags)
        {
            if (stableOnly && tag.Version.IsPrerelease)
            {
                continue;
            }

            if (below is not null && VersionText.Comparer.Compare(tag.Version, below) >= 0)
            {
                continue;
            }

            if (highest is null || VersionText.Comparer.Compare(tag.Version, highest.Version) > 0)
            {
                highest = tag;
            }
        }

        return highest;
    }

    private IReadOnlyList<string> Files(string commit)
    {
        if (!filesByCommit.TryGetValue(commit, out var files))
        {
            files = repository.ListFiles(commit);
            filesByCommit[commit] = files;
        }

        return files;
    }
}
