using NuGet.Versioning;

namespace CertKit.Action.Versioning;

/// <summary>
/// A release-tag pattern with one <c>{version}</c> placeholder: <c>v{version}</c>, <c>{version}</c>,
/// or in a monorepo <c>connector-a/v{version}</c>. Matching strips the prefix and suffix and parses the rest.
/// </summary>
public sealed class TagPattern
{
    public const string Placeholder = "{version}";

    /// <summary>The patterns used when none is given: <c>v1.2.3</c> and <c>1.2.3</c>.</summary>
    public static readonly IReadOnlyList<TagPattern> Defaults = [new("v", string.Empty), new(string.Empty, string.Empty)];

    private readonly string prefix;
    private readonly string suffix;

    private TagPattern(string prefix, string suffix)
    {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    public string Text => prefix + Placeholder + suffix;

    /// <summary>Parses a pattern; one without exactly one <c>{version}</c> is a user error.</summary>
    public static TagPattern Parse(string pattern)
    {
        var index = pattern.IndexOf(Placeholder, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new CertKitException($"tag pattern '{pattern}' has no {Placeholder} placeholder (e.g. v{Placeholder} or connector-a/v{Placeholder})");
        }

        if (pattern.IndexOf(Placeholder, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new CertKitException($"tag pattern '{pattern}' has more than one {Placeholder} placeholder");
        }

        return new TagPattern(pattern[..index], pattern[(index + Placeholder.Length)..]);
    }

    /// <summary>The version a tag carries under this pattern, or null when the tag does not match or does not hold a version.</summary>
    public NuGetVersion? TryMatch(string tag)
    {
        if (tag.Length <= prefix.Length + suffix.Length
            || !tag.StartsWith(prefix, StringComparison.Ordinal)
            || !tag.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var versionText = tag[prefix.Length..^suffix.Length];
        // The prefix is the whole prefix: "v{version}" must not accept "vv1.2.3", nor "{version}" accept "v1.2.3" twice over.
        if (versionText.Length == 0 || !char.IsDigit(versionText[0]))
        {
            return null;
        }

        return NuGetVersion.TryParse(versionText, out var version) ? version : null;
    }

    public override string ToString() => Text;
}

/// <summary>A tag and the version it carries.</summary>
public sealed record VersionTag(string Tag, NuGetVersion Version);

/// <summary>Matches tags against one pattern, or against the defaults when none was given.</summary>
public sealed class TagPatternSet
{
    private readonly IReadOnlyList<TagPattern> patterns;

    public TagPatternSet(string? pattern)
    {
        IsExplicit = !string.IsNullOrEmpty(pattern);
        patterns = IsExplicit ? [TagPattern.Parse(pattern!)] : TagPattern.Defaults;
    }

    /// <summary>Whether the pattern was given (<c>--tag-pattern</c>, the policy's <c>tagPattern</c>) rather than the defaults.</summary>
    public bool IsExplicit { get; }

    public string Description => string.Join(" or ", patterns.Select(pattern => pattern.Text));

    /// <summary>The tags that match, with their versions.</summary>
    public IReadOnlyList<VersionTag> Match(IEnumerable<string> tags)
    {
        var matches = new List<VersionTag>();
        foreach (var tag in tags)
        {
            foreach (var pattern in patterns)
            {
                var version = pattern.TryMatch(tag);
                if (version is not null)
                {
                    matches.Add(new VersionTag(tag, version));
                    break;
                }
            }
        }

        return matches;
    }
}
