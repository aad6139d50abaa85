using CertKit.Action.Versioning;
using NuGet.Versioning;

namespace CertKit.Action.Decision;

/// <summary>
/// The last version the program certified, as far as it is known, and whether the decision judged against it.
/// <see cref="Statement"/> is what the outputs say about it, whichever way it went.
/// </summary>
public sealed record CertifiedBaseline(NuGetVersion? Version, string? Source, bool Used, string Statement)
{
    public static CertifiedBaseline Unknown(DiscoveredVersion? previous) => new(
        null,
        null,
        false,
        previous is null
            ? "no certified version known (first certification)"
            : $"no certified version known: judged against the previous version {VersionText.Format(previous.Version)} ({previous.Origin})");
}

/// <summary>Where a certified version is read when nobody names it: <c>certified:</c> in the repository's <c>certkit.yml</c>.</summary>
public static class CertifiedSetting
{
    /// <summary>The <c>certified:</c> version of the policy file (or <c>certkit.yml</c> in the repository), with its source, or nulls.</summary>
    public static (string? Version, string? Source) FromPolicyFile(string? policyFile, string repositoryPath)
    {
        var path = policyFile ?? Path.Combine(repositoryPath, Policies.PolicyFile.DefaultFileName);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var file = Policies.PolicyFile.Load(path);
        return file.Certified is null ? (null, null) : (file.Certified, $"certified: in {policyFile ?? Policies.PolicyFile.DefaultFileName}");
    }
}
