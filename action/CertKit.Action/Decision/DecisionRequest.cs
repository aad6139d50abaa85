using CertKit.Action.Git;
using CertKit.Action.Policies;

namespace CertKit.Action.Decision;

/// <summary>What to decide: the repository and refs, optional explicit versions, the tag pattern and the program's policy.</summary>
public sealed record DecisionRequest
{
    public required RecertificationPolicy Policy { get; init; }

    /// <summary>The repository work tree (default the current folder).</summary>
    public string RepositoryPath { get; init; } = ".";

    /// <summary>The base ref of a pull request (or the last release), or null to compare with the previous release tag.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The ref being released or reviewed.</summary>
    public string HeadRef { get; init; } = "HEAD";

    /// <summary>The version at head, overriding discovery.</summary>
    public string? Version { get; init; }

    /// <summary>The previous version, overriding discovery.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>The release-tag pattern; null means the policy's, else <c>v{version}</c> and <c>{version}</c>.</summary>
    public string? TagPattern { get; init; }

    /// <summary>Whether a 0.y.z minor bump counts as major; null means the policy's setting (default true).</summary>
    public bool? ZeroMajorMinorIsMajor { get; init; }

    /// <summary>
    /// The last version the program certified (<c>--certified-version</c>, <c>certified:</c>, a closed re-certification issue),
    /// or null: a release is then judged against it instead of the previous release, and evidence runs from its tag.
    /// </summary>
    public string? CertifiedVersion { get; init; }

    /// <summary>Where <see cref="CertifiedVersion"/> comes from ("issue #12, closed 2026-05-02", "--certified-version").</summary>
    public string? CertifiedSource { get; init; }

    public TimeSpan GitTimeout { get; init; } = GitCommandRunner.DefaultTimeout;

    /// <summary>How much evidence (public API, endpoints, contract) to gather between the compared commits; none by default.</summary>
    public CertKit.Action.Evidence.EvidenceMode Evidence { get; init; } = CertKit.Action.Evidence.EvidenceMode.None;
}
