using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// A check that is the scan's verdict on some CertKit rules (<c>hardcoded-values</c>: CK1001–CK1003, <c>production-code</c>:
/// CK3xxx, …): failed with each finding as evidence, passed with what was scanned. The scan runs once for all of them.
/// </summary>
internal sealed class ScanFindingsCheck(string id, string requirement, params string[] ruleIds) : IReadinessCheck
{
    /// <summary>At most this many findings are listed per check; the rest are counted (certkit scan lists them all).</summary>
    public const int MaxListed = 20;

    /// <summary>"14 files (9 C#, 5 configuration); tests and fixtures: secrets only (3 files)", for the evidence line.</summary>
    private static string ScopeLine(RepositoryWorkspace workspace, ScanReport report)
    {
        var shipped = workspace.Files.Where(file => file.IsShipped).ToList();
        var byLanguage = shipped.GroupBy(file => file.Language == CertKit.Analyzers.Detection.FileLanguage.None ? "configuration" : CertKit.Analyzers.Detection.FileClassifier.DisplayName(file.Language))
            .OrderByDescending(group => group.Count())
            .Select(group => $"{group.Count()} {group.Key}");
        var line = $"{report.FilesAnalyzed} file(s) analysed ({string.Join(", ", byLanguage)} shipped)";
        var tests = workspace.Files.Count(file => file.Kind is CertKit.Analyzers.Detection.FileKind.Test or CertKit.Analyzers.Detection.FileKind.Fixture);
        return tests > 0 ? $"{line}; {tests} test and fixture file(s): {FileTreatments.Name(workspace.Treatments.Test)}" : line;
    }

    // Rules about what the deployed application does; secrets (CK1002, CK1003) and secrets in logs (CK3002) count anywhere.
    private static readonly string[] OnlyWhereDeployed =
        [CertKit.Analyzers.RuleIds.HardcodedUrl, CertKit.Analyzers.RuleIds.NonProductionOutput, CertKit.Analyzers.RuleIds.DebugFeatureOutsideDevelopment];

    /// <summary>The folders connect.yaml deploys (its applications' names), or null outside a Connect repository.</summary>
    /// <remarks>The manifest itself is deployed configuration; folders are relative to the manifest's folder.</remarks>
    private static IReadOnlyList<string>? DeployedFolders(CheckContext context)
    {
        if (context.TryManifest() is not { Applications.Count: > 0 } manifest)
        {
            return null;
        }

        var root = manifest.RelativePath.Contains('/') ? manifest.RelativePath[..(manifest.RelativePath.LastIndexOf('/') + 1)] : string.Empty;
        return [manifest.RelativePath, .. manifest.Applications.Select(application => root + application.Name.Trim('/'))];
    }

    private static bool IsUnder(string path, IReadOnlyList<string> deployed) =>
        deployed.Any(entry => path == entry || path.StartsWith(entry + "/", StringComparison.Ordinal));

    public string Id => id;

    public string Requirement => requirement;

    public IReadOnlyList<string> RuleIds => ruleIds;

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var report = await context.ScanAsync(cancellationToken).ConfigureAwait(false);
        var ofTheseRules = report.Findings.Where(finding => ruleIds.Contains(finding.RuleId, StringComparer.Ordinal)).ToList();

        // A rule's "not analysed" note marks code it could not judge (CK2001: a token given to a save call that did not
        // resolve): a gap in what the rule saw (Coverage.GapsOf lists it), whatever level the configuration gives it,
        // never advice or a finding.
        var notAnalysed = ofTheseRules.Where(finding => finding.Message.StartsWith(CertKit.Analyzers.Descriptors.NotAnalysedPrefix, StringComparison.Ordinal)).ToList();
        ofTheseRules = [.. ofTheseRules.Except(notAnalysed)];

        // A note (a documented, overridable setting: a connect.yaml default, a settings template's example) is advice, not a failure.
        // In a Connect repository only the deployAs folders are deployed: a URL or a console write in a maintainer's script
        // outside them is not the application's (a secret anywhere in the repository is still leaked).
        var deployed = DeployedFolders(context);
        var notDeployed = ofTheseRules.Where(finding => finding.Level != FindingLevel.Note && deployed is not null && OnlyWhereDeployed.Contains(finding.RuleId) && !IsUnder(finding.Path, deployed)).ToList();
        var findings = ofTheseRules.Where(finding => finding.Level != FindingLevel.Note && !notDeployed.Contains(finding)).ToList();
        var notes = ofTheseRules.Where(finding => finding.Level == FindingLevel.Note).ToList();
        var rules = string.Join(", ", ruleIds);
        var warnings = report.AnalyzerFailures.Select(failure => "an analyzer failed, so findings may be missing: " + failure).ToList();
        warnings.AddRange(notDeployed.Take(MaxListed).Select(finding => $"{finding.Path}:{finding.Line}: {finding.RuleId} (not deployed: outside the {string.Join(", ", deployed!.Skip(1).Select(folder => folder + "/"))} folders connect.yaml deploys) {finding.Message}"));
        warnings.AddRange(notes.Take(MaxListed).Select(note => $"{note.Path}:{note.Line}: {note.RuleId} (note) {note.Message}"));
        if (notes.Count > MaxListed)
        {
            warnings.Add($"… and {notes.Count - MaxListed} more note(s) (certkit scan lists them all)");
        }

        // What these rules did not see in the shipped code: a pass would claim more than the analysis saw.
        var gaps = Coverage.GapsOf(context.Workspace, ruleIds, report).Select(gap => "not analysed: " + gap).ToList();
        if (findings.Count == 0)
        {
            if (gaps.Count > 0)
            {
                return CheckOutcome.Manual([.. gaps, $"certkit scan: no {rules} finding in what it did analyse ({ScopeLine(context.Workspace, report)}); review the rest by hand"], warnings);
            }

            return CheckOutcome.Passed([$"certkit scan: no {rules} finding in {report.FilesAnalyzed} file(s)"], warnings);
        }

        var evidence = findings.Take(MaxListed).Select(finding => $"{finding.Path}:{finding.Line}: {finding.RuleId} {finding.Message}").ToList();
        if (findings.Count > MaxListed)
        {
            evidence.Add($"… and {findings.Count - MaxListed} more (certkit scan lists them all)");
        }

        return CheckOutcome.Failed(evidence, [.. warnings, .. gaps]);
    }
}
