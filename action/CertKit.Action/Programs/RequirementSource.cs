namespace CertKit.Action.Programs;

/// <summary>
/// Where a program's words were read (a public page, and the seed text CertKit keeps of it) and the day they were last
/// compared with it. <see cref="Verified"/> is null when nobody has compared them yet: such a requirement is always stale.
/// </summary>
public sealed record RequirementSource(string Title, string? Url, string? Seed, DateOnly? Verified)
{
    /// <summary>Where to re-read it: the page, else the seed.</summary>
    public string Location => Url ?? $"seed {Seed}";

    /// <summary>Days since it was last verified on <paramref name="today"/>, or null when never.</summary>
    public int? AgeInDays(DateOnly today) => Verified is { } verified ? today.DayNumber - verified.DayNumber : null;

    /// <summary>Older than <paramref name="maxAgeDays"/> on <paramref name="today"/>, or never verified.</summary>
    public bool IsStale(DateOnly today, int maxAgeDays) => AgeInDays(today) is not { } age || age > maxAgeDays;

    public string VerifiedText => Verified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
}

/// <summary>When a requirement counts as stale: last verified more than <see cref="MaxAgeDays"/> days before <see cref="Today"/>.</summary>
public sealed record StalenessRule(DateOnly Today, int MaxAgeDays)
{
    public const int DefaultMaxAgeDays = 365;

    public static StalenessRule Default => new(DateOnly.FromDateTime(DateTime.UtcNow), DefaultMaxAgeDays);

    /// <summary>The line that says a requirement needs re-reading, or null when it is fresh.</summary>
    public string? Describe(RequirementSource source)
    {
        if (!source.IsStale(Today, MaxAgeDays))
        {
            return null;
        }

        return source.Verified is null
            ? $"requirement never verified against its source: read {source.Location}"
            : $"requirement last verified {source.VerifiedText} ({source.AgeInDays(Today)} days ago, more than {MaxAgeDays}): re-read {source.Location}";
    }
}
