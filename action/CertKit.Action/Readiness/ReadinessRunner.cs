namespace CertKit.Action.Readiness;

/// <summary>
/// Runs a program's checks over one repository, in the program's order, and collects the report; a requirement last
/// verified longer ago than <see cref="Programs.StalenessRule"/> allows is flagged so the team re-reads its source.
/// </summary>
internal static class ReadinessRunner
{
    public static async Task<ReadinessReport> RunAsync(ReadinessProgram program, CheckContext context, CancellationToken cancellationToken, Programs.StalenessRule? staleness = null)
    {
        var results = new List<CheckResult>();
        foreach (var programCheck in program.Checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var check = CheckCatalog.Find(programCheck.Id)
                ?? throw new InvalidOperationException($"the {program.Id} program lists '{programCheck.Id}', which is no check");
            var outcome = await check.RunAsync(context, cancellationToken).ConfigureAwait(false);
            results.Add(new CheckResult(check.Id, outcome.Status, programCheck.Requirement, outcome.Evidence, outcome.Warnings)
            {
                Source = programCheck.Source,
                Stale = programCheck.Source is { } source ? (staleness ?? Programs.StalenessRule.Default).Describe(source) : null,
            });
        }

        var scan = context.ScanIfRun;
        var rules = scan?.Rules.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).ToList() ?? [];
        return new ReadinessReport(program.Id, program.Name, results) { Coverage = Workspace.Coverage.Of(context.Workspace, rules, scan) };
    }
}
