using CertKit.Action.Cli;
using CertKit.Action.Decision;
using CertKit.Action.Events;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.GitHub;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using CertKit.Action.Workspace;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The Action's one run record: each step (<see cref="ActionRunner.Steps"/>) reads what the steps before it left here and
/// adds its own part. Nothing is computed twice: the decision is kept as the engine made it, the workspace is opened once.
/// </summary>
internal sealed class ActionRun(ActionsCore core)
{
    public ActionsCore Core { get; } = core;

    /// <summary>The validated inputs (set by <see cref="InputsStep"/>).</summary>
    public ActionInputs Inputs { get; set; } = null!;

    /// <summary>What triggered the run (set by <see cref="EventStep"/>).</summary>
    public ActionEvent Event { get; set; } = null!;

    /// <summary>Set when the event is one the Action does not act on: the later steps are skipped and the run ends with 0.</summary>
    public string? IgnoredBecause { get; set; }

    /// <summary>The repository the workflow runs in (<c>owner/name</c>).</summary>
    public string Repository { get; set; } = string.Empty;

    public string ServerUrl { get; set; } = "https://github.com";

    /// <summary>The checked-out repository (<c>GITHUB_WORKSPACE</c>, else the current folder).</summary>
    public string WorkspacePath { get; set; } = string.Empty;

    /// <summary>The <c>policy-file</c> input as a path (relative to the workspace unless rooted), or null.</summary>
    public string? PolicyFilePath => Inputs.PolicyFile is null ? null : Path.Combine(WorkspacePath, Inputs.PolicyFile);

    /// <summary>What the decision is asked (set by <see cref="EventStep"/>, completed by <see cref="DecisionStep"/>).</summary>
    public DecisionRequest Request { get; set; } = null!;

    /// <summary>Where the decision was made, for the reports.</summary>
    public ReportContext Context { get; set; } = null!;

    /// <summary>The decision, as the engine made it (set by <see cref="DecisionStep"/>); the reports read it typed.</summary>
    public RecertificationDecision? Decision { get; set; }

    /// <summary>The one view of the repository, opened when a step reads the code (scan, readiness, inventory).</summary>
    public RepositoryWorkspace? View { get; set; }

    public ActionScanResult? Scan { get; set; }

    /// <summary>The endpoint inventory, when the <c>endpoints-file</c> or Venafi's issue needs it.</summary>
    public EndpointReport? Inventory { get; set; }

    public ReadinessReport? Readiness { get; set; }

    /// <summary>The evidence pack's folder, when one was written (the <c>pack</c> input, with a re-certification request).</summary>
    public string? PackFolder { get; set; }

    /// <summary>The re-certification issue filed or updated, if any.</summary>
    public IssueResult? Issue { get; set; }

    /// <summary>What happened after the decision (comment, issue), one line each, for the job summary.</summary>
    public List<string> FollowUp { get; } = [];

    /// <summary>Whether every step ran to its end (else the report keeps an error annotation free for the failure).</summary>
    public bool Completed { get; set; }

    /// <summary>Why the step fails under <c>fail-on</c>, or null.</summary>
    public string? Failure { get; set; }

    /// <summary>Whether this run will file (or update) a re-certification issue: a release or manual run that needs one.</summary>
    public bool FilesIssue => Event is ReleaseEvent or WorkflowDispatchEvent && Decision is { RecertificationRequired: true };

    public RecertificationDecision RequireDecision() =>
        Decision ?? throw new InvalidOperationException("the decision step has not run");
}
