using CertKit.Action.GitHub;
using CertKit.Action.Runtime;

namespace CertKit.Action.Cli;

/// <summary>The inputs of action.yml, read and validated from the runner's <c>INPUT_*</c> variables.</summary>
public sealed record ActionInputs
{
    public required string Program { get; init; }
    public string? PolicyFile { get; init; }
    public required string GitHubToken { get; init; }
    public required RepositoryName TargetRepository { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public required IReadOnlyList<string> Assignees { get; init; }
    public string? Version { get; init; }
    public string? PreviousVersion { get; init; }
    public string? TagPattern { get; init; }
    public required bool FailOnRecertification { get; init; }

    /// <summary><c>fail-on</c> includes <c>findings</c>: fail when the scan reports a warning or an error (on a pull request: on a changed line).</summary>
    public bool FailOnFindings { get; init; }

    /// <summary><c>scan: true</c>: run <c>certkit scan</c> over the workspace and report its findings.</summary>
    public bool Scan { get; init; }

    /// <summary><c>check: true</c>: run <c>certkit check</c> (the program's readiness checks) over the workspace and report them.</summary>
    public bool Check { get; init; }

    /// <summary><c>fail-on</c> includes <c>readiness</c>: fail when a readiness check failed.</summary>
    public bool FailOnReadiness { get; init; }

    /// <summary>Where to write the scan's SARIF, relative to the workspace (null: none).</summary>
    public string? SarifFile { get; init; }

    /// <summary>The baseline of accepted findings (<c>certkit scan --write-baseline</c>), relative to the workspace (null: none).</summary>
    public string? Baseline { get; init; }
    public required bool CommentOnPullRequest { get; init; }

    /// <summary><c>evidence</c>: what changed to gather (none, api, all); unset outside action.yml's defaults: none.</summary>
    public Evidence.EvidenceMode Evidence { get; init; }

    /// <summary><c>fail-on</c> includes <c>bump</c>: fail when the declared bump is lower than the one the evidence implies.</summary>
    public bool FailOnBump { get; init; }

    /// <summary><c>endpoints-file</c>: where to write the endpoint inventory (Markdown for .md, else JSON), relative to the workspace.</summary>
    public string? EndpointsFile { get; init; }

    /// <summary><c>pack</c>: the folder (relative to the workspace) to write the evidence pack to when a re-certification request is filed (null: none).</summary>
    public string? Pack { get; init; }
    public required ClosedIssuePolicy ClosedIssue { get; init; }

    /// <summary><c>certified-version</c>: the last certified version, overriding the look-up in the re-certification issues.</summary>
    public string? CertifiedVersion { get; init; }

    /// <summary><c>certified-label</c>: the label that marks a re-certification issue as certified.</summary>
    public string CertifiedLabel { get; init; } = "certified";

    /// <summary>The token input, masked before anything else is read or printed.</summary>
    public static string ReadAndMaskToken(ActionsCore core)
    {
        var token = core.GetInput("github-token");
        if (token.Length > 0)
        {
            core.SetSecret(token);
        }

        return token;
    }

    public static ActionInputs Read(ActionsCore core, string token)
    {
        var failOnValues = ParseFailOn(core.GetInput("fail-on"));
        var scan = core.GetInput("scan").Length > 0 && core.GetBooleanInput("scan");
        var sarifFile = Optional(core.GetInput("sarif-file"));
        if (failOnValues.Contains(FailOnFindingsValue) && !scan)
        {
            throw new ActionInputException("fail-on: findings needs scan: true.");
        }

        var check = core.GetInput("check").Length > 0 && core.GetBooleanInput("check");
        if (failOnValues.Contains(FailOnReadinessValue) && !check)
        {
            throw new ActionInputException("fail-on: readiness needs check: true.");
        }

        if (sarifFile is not null && !scan)
        {
            throw new ActionInputException("sarif-file needs scan: true.");
        }

        var baseline = Optional(core.GetInput("baseline"));
        if (baseline is not null && !scan)
        {
            throw new ActionInputException("baseline needs scan: true.");
        }

        var evidenceInput = core.GetInput("evidence");
        var evidence = evidenceInput switch
        {
            "" or "none" => CertKit.Action.Evidence.EvidenceMode.None,
            "api" => CertKit.Action.Evidence.EvidenceMode.Api,
            "all" => CertKit.Action.Evidence.EvidenceMode.All,
            _ => throw new ActionInputException($"evidence must be 'none', 'api' or 'all', got '{evidenceInput}'."),
        };
        if (failOnValues.Contains(FailOnBumpValue) && evidence == CertKit.Action.Evidence.EvidenceMode.None)
        {
            throw new ActionInputException("fail-on: bump needs evidence: api or all.");
        }

        var closedIssue = core.GetInput("closed-issue");
        var target = core.GetInput("target-repository");
        var currentRepository = core.GetEnvironment("GITHUB_REPOSITORY");
        return new ActionInputs
        {
            Program = ProgramName(core.GetInput("program", required: true)),
            PolicyFile = Optional(core.GetInput("policy-file")),
            GitHubToken = token,
            TargetRepository = target.Length > 0
                ? RepositoryName.Parse(target, "target-repository")
                : RepositoryName.Parse(currentRepository ?? string.Empty, "GITHUB_REPOSITORY (the default target-repository)"),
            Labels = List(core.GetInput("labels")),
            Assignees = List(core.GetInput("assignees")).Select(login => login.TrimStart('@')).ToList(),
            Version = Optional(core.GetInput("version")),
            PreviousVersion = Optional(core.GetInput("previous-version")),
            TagPattern = Optional(core.GetInput("tag-pattern")),
            FailOnRecertification = failOnValues.Contains(FailOnRecertificationValue),
            FailOnFindings = failOnValues.Contains(FailOnFindingsValue),
            Scan = scan,
            Check = check,
            FailOnReadiness = failOnValues.Contains(FailOnReadinessValue),
            SarifFile = sarifFile,
            Baseline = baseline,
            Evidence = evidence,
            FailOnBump = failOnValues.Contains(FailOnBumpValue),
            EndpointsFile = Optional(core.GetInput("endpoints-file")),
            Pack = Optional(core.GetInput("pack")),
            CertifiedVersion = Optional(core.GetInput("certified-version")),
            CertifiedLabel = Optional(core.GetInput("certified-label")) ?? "certified",
            // An input the runner did not set (outside action.yml's defaults) takes the documented default.
            CommentOnPullRequest = core.GetInput("comment-on-pr").Length == 0 || core.GetBooleanInput("comment-on-pr"),
            ClosedIssue = closedIssue switch
            {
                "" or "comment" => ClosedIssuePolicy.Comment,
                "reopen" => ClosedIssuePolicy.Reopen,
                "ignore" => ClosedIssuePolicy.Ignore,
                _ => throw new ActionInputException($"closed-issue must be 'comment', 'reopen' or 'ignore', got '{closedIssue}'."),
            },
        };
    }

    private const string FailOnNever = "never";
    private const string FailOnRecertificationValue = "recertification";
    private const string FailOnFindingsValue = "findings";
    private const string FailOnBumpValue = "bump";
    private const string FailOnReadinessValue = "readiness";

    /// <summary><c>fail-on</c>: <c>never</c>, or any of <c>recertification</c>, <c>findings</c>, <c>readiness</c>, comma- or newline-separated.</summary>
    private static IReadOnlyList<string> ParseFailOn(string text)
    {
        var values = List(text);
        var valid = values.Count == 0
            || (values.Count == 1 && values[0] == FailOnNever)
            || values.All(value => value is FailOnRecertificationValue or FailOnFindingsValue or FailOnBumpValue or FailOnReadinessValue);
        if (!valid)
        {
            throw new ActionInputException($"fail-on must be 'never', or any of 'recertification', 'findings', 'bump', 'readiness' (comma-separated), got '{text}'.");
        }

        return values;
    }

    /// <summary>A list input: comma- or newline-separated, blanks dropped, duplicates removed.</summary>
    public static IReadOnlyList<string> List(string text) =>
        text.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The program's id for a name or alias in any case (<c>CyberArk</c> → <c>venafi</c>).</summary>
    private static string ProgramName(string text) =>
        Programs.ProgramRegistry.Canonical(text) ?? throw new ActionInputException($"program: {Programs.ProgramRegistry.Unknown(text)}.");

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
