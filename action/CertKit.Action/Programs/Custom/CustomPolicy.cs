using CertKit.Action.Policies;
using CertKit.Action.Versioning;

namespace CertKit.Action.Programs.Custom;

/// <summary>
/// A program described by a <c>certkit.yml</c>: which changes (<c>recertifyOn</c>) require re-certification,
/// which paths count, the tag pattern, and the 0.y.z setting. The release of a pre-release is a pre-release
/// change here: it counts only when <c>prerelease</c> is listed.
/// </summary>
public sealed class CustomPolicy : RecertificationPolicy
{
    private readonly PolicyFile file;
    private readonly PathFilter paths;

    private CustomPolicy(PolicyFile file, string program)
    {
        this.file = file;
        Id = program;
        paths = new PathFilter(file.Paths);
        var triggers = file.RecertifyOn!;
        var listed = "recertifyOn: [" + string.Join(", ", triggers.Select(trigger => trigger.ToString().ToLowerInvariant())) + "] in " + file.Name;
        PolicyRule Rule(RecertifyTrigger trigger, string kind) => triggers.Contains(trigger)
            ? new PolicyRule(true, $"{listed} lists {kind}")
            : new PolicyRule(false, $"{listed} does not list {kind}");

        Rules = new Dictionary<ChangeKind, PolicyRule>
        {
            [ChangeKind.Initial] = new(true, "this is the first certification, not a re-certification"),
            [ChangeKind.Major] = Rule(RecertifyTrigger.Major, "major"),
            [ChangeKind.Minor] = Rule(RecertifyTrigger.Minor, "minor"),
            [ChangeKind.Patch] = Rule(RecertifyTrigger.Patch, "patch"),
            [ChangeKind.Prerelease] = Rule(RecertifyTrigger.Prerelease, "prerelease"),
            [ChangeKind.ReleaseOfPrerelease] = Rule(RecertifyTrigger.Prerelease, "prerelease (the release of a pre-release counts as a pre-release change)"),
            [ChangeKind.None] = new(false, "there is no new version to certify"),
        };
        ScopeChangeRule = triggers.Contains(RecertifyTrigger.Scopes) ? new PolicyRule(true, $"{listed} lists scopes") : null;
    }

    public override string Id { get; }

    public override string DisplayName => Id;

    public override string SeedSentence => $"(custom policy {file.Name})";

    public override IReadOnlyDictionary<ChangeKind, PolicyRule> Rules { get; }

    public override PolicyRule? ScopeChangeRule { get; }

    public override bool ZeroMajorMinorIsMajor => file.ZeroMajorMinorIsMajor ?? true;

    public override PathFilter Paths => paths;

    public override string? TagPattern => file.TagPattern;

    /// <summary>Builds a policy from a validated file, which must name the program and list <c>recertifyOn</c>.</summary>
    public static CustomPolicy From(PolicyFile file)
    {
        if (file.Program is null)
        {
            throw new CertKitException($"{file.Name}:1: a custom policy needs 'program: NAME'");
        }

        if (file.RecertifyOn is null)
        {
            throw new CertKitException($"{file.Name}:1: a custom policy needs 'recertifyOn: [...]' (any of major, minor, patch, prerelease, scopes)");
        }

        return new CustomPolicy(file, file.Program);
    }

    public static CustomPolicy Load(string path) => From(PolicyFile.Load(path));
}
