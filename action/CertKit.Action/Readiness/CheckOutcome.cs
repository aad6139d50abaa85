namespace CertKit.Action.Readiness;

/// <summary>What a check concluded: passed, failed, or manual (cannot be judged from the repository).</summary>
internal enum CheckStatus
{
    Passed,
    Failed,
    Manual,
}

/// <summary>
/// A check's verdict and the evidence behind it: <c>path:line: what was seen</c>, or what was looked for and not found.
/// Warnings never change the status (outdated packages, a lightweight tag).
/// </summary>
internal sealed record CheckOutcome(CheckStatus Status, IReadOnlyList<string> Evidence, IReadOnlyList<string> Warnings)
{
    public static CheckOutcome Passed(IEnumerable<string> evidence, IEnumerable<string>? warnings = null) => new(CheckStatus.Passed, [.. evidence], [.. warnings ?? []]);

    public static CheckOutcome Failed(IEnumerable<string> evidence, IEnumerable<string>? warnings = null) => new(CheckStatus.Failed, [.. evidence], [.. warnings ?? []]);

    public static CheckOutcome Manual(IEnumerable<string> evidence, IEnumerable<string>? warnings = null) => new(CheckStatus.Manual, [.. evidence], [.. warnings ?? []]);

    /// <summary>Failed when there is anything to fix, else passed with <paramref name="passedEvidence"/>.</summary>
    public static CheckOutcome FailedIfAny(IReadOnlyList<string> problems, IEnumerable<string> passedEvidence) =>
        problems.Count > 0 ? Failed(problems) : Passed(passedEvidence);
}

/// <summary>
/// One check's result in a readiness report: its id, verdict, the requirement it checks (quoted) and the evidence; the
/// requirement's source, and <see cref="Stale"/> (what to re-read) when it was last verified too long ago.
/// </summary>
internal sealed record CheckResult(string Id, CheckStatus Status, string Requirement, IReadOnlyList<string> Evidence, IReadOnlyList<string> Warnings)
{
    public Programs.RequirementSource? Source { get; init; }

    public string? Stale { get; init; }
}

/// <summary>Would this repository pass its program's review today: every check's result.</summary>
internal sealed record ReadinessReport(string Program, string ProgramName, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>Ready when no check failed (manual checks are the reviewer's, they do not block).</summary>
    public bool Ready => Checks.All(check => check.Status != CheckStatus.Failed);

    /// <summary>What the checks' analysis read and did not (null for reports built without a workspace).</summary>
    public Workspace.Coverage? Coverage { get; init; }

    public int Count(CheckStatus status) => Checks.Count(check => check.Status == status);
}
