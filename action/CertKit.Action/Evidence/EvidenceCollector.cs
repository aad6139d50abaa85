using CertKit.Action.Evidence.Api;
using CertKit.Action.Evidence.Contract;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Evidence.Routes;
using CertKit.Action.Git;
using CertKit.Action.Workspace;

namespace CertKit.Action.Evidence;

/// <summary>
/// Gathers the evidence between a base commit and a head commit: each side's files are extracted once, each reader
/// ("commit in, facts out") runs on both, and the diffs are taken. The work tree is never touched.
/// </summary>
internal static class EvidenceCollector
{
    public static async Task<EvidenceReport> CollectAsync(string repositoryPath, string baseCommit, string baseLabel, string headCommit, string headLabel, EvidenceMode mode, CancellationToken cancellationToken)
    {
        var topLevel = new GitCommandRunner(Path.GetFullPath(repositoryPath)).Run("rev-parse", "--show-toplevel");
        if (!topLevel.Succeeded)
        {
            throw new CertKitException($"'{repositoryPath}' is not a git repository ({topLevel.FirstErrorLine})");
        }

        var root = topLevel.StandardOutput.Trim();
        using var atBase = CommitSnapshot.Extract(root, baseCommit, baseLabel);
        using var atHead = CommitSnapshot.Extract(root, headCommit, headLabel);

        var notes = new List<string>();
        Func<string, bool> needed;
        IReadOnlyList<string>? changedFiles;
        try
        {
            changedFiles = GitRepository.Open(root).ChangedFiles(baseCommit, headCommit);
            needed = ChangedProjects.Filter(changedFiles, atBase.Folder, atHead.Folder);
        }
        catch (CertKitException)
        {
            changedFiles = null;
            needed = _ => true; // no common history: read every project
        }

        // What the readers below can compare, and what no reader can: the verdict must not rest on "no change" there.
        // Each commit's view is built once and read by every reader below.
        var baseWorkspace = RepositoryWorkspace.OpenSnapshot(atBase.Folder);
        var headWorkspace = RepositoryWorkspace.OpenSnapshot(atHead.Folder);
        var coverage = changedFiles is null ? null : EvidenceCoverage.Of(changedFiles, headWorkspace);

        var (apiBase, apiHead) = await ApiSurfaceReader.ReadAsync(baseWorkspace, baseLabel, headWorkspace, headLabel, needed, cancellationToken).ConfigureAwait(false);
        var api = ApiDiff.Compare(apiBase, apiHead);

        // A service's API is also the routes it exposes and their request/response shapes.
        var (routesBreaking, routesAdded) = RouteDiff.Compare(RouteInventory.Read(baseWorkspace), RouteInventory.Read(headWorkspace));
        api = api with { Breaking = [.. api.Breaking, .. routesBreaking], Added = [.. api.Added, .. routesAdded] };
        notes.AddRange(api.Notes);
        if (mode == EvidenceMode.Api)
        {
            return new EvidenceReport(baseLabel, api, null, null, null, notes) { Coverage = coverage };
        }

        var endpointsBase = EndpointInventory.Scan(baseWorkspace, cancellationToken);
        var endpointsHead = EndpointInventory.Scan(headWorkspace, cancellationToken);
        var manifestBase = Contract.ConnectContract.Read(baseWorkspace);
        var manifestHead = Contract.ConnectContract.Read(headWorkspace);
        notes.AddRange(manifestBase.Notes.Select(n => $"{n} (at {baseLabel})"));
        notes.AddRange(manifestHead.Notes.Select(n => $"{n} (at {headLabel})"));
        return new EvidenceReport(
            baseLabel,
            api,
            EndpointDiffResult.Compare(endpointsBase, endpointsHead),
            ContractDiff.Compare(manifestBase, manifestHead),
            endpointsHead with { Root = root },
            notes)
        {
            Coverage = coverage,
        };
    }
}
