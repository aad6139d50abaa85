using CertKit.Action.GitHub;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;
using CertKit.Action.Workspace;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The Action's run as a list of small steps over one <see cref="ActionRun"/> record: inputs, event, decision, scan,
/// evidence (the endpoint inventory), readiness, pack (with a re-certification request), publish (PR comment or
/// re-certification issue), and the report, which
/// runs whenever a decision was made, even when a later step failed (the decision stands).
/// Every failure ends as one <c>::error::</c> line and exit code 1; events it does not act on end with a notice and 0.
/// </summary>
public sealed class ActionRunner(ActionsCore core)
{
    /// <summary>The steps, in order. Each one's doc says what it reads and adds.</summary>
    internal static readonly IReadOnlyList<IActionStep> Steps =
    [
        new InputsStep(),
        new EventStep(),
        new DecisionStep(),
        new ScanStep(),
        new EvidenceStep(),
        new ReadinessStep(),
        new PackStep(),
        new PublishStep(),
    ];

    public async Task<int> RunAsync()
    {
        var run = new ActionRun(core);
        try
        {
            try
            {
                foreach (var step in Steps)
                {
                    await step.RunAsync(run).ConfigureAwait(false);
                    if (run.IgnoredBecause is not null)
                    {
                        core.Notice($"certkit: {run.IgnoredBecause}");
                        return 0;
                    }
                }

                if (run.View is not null)
                {
                    // How often the expensive facts were computed (each should be once per run; a test holds the Action to it).
                    core.Debug($"certkit: repository workspace opened {RepositoryWorkspace.OpenCount} time(s); {RepositoryScanner.ProjectAnalyses} C# project analysis(es)");
                }

                run.Completed = true;
            }
            finally
            {
                if (run.Decision is not null)
                {
                    ReportStep.Write(run);
                }
            }

            if (run.Failure is not null)
            {
                core.SetFailed(run.Failure);
            }

            return core.ExitCode;
        }
        catch (Exception exception) when (exception is ActionInputException or GitHubOperationException or CertKitException)
        {
            core.SetFailed(exception.Message);
            return core.ExitCode;
        }
        catch (Exception exception) when (TransientFailure.Is(exception))
        {
            var apiUrl = GitHubClientFactory.BaseAddress(core.GetEnvironment("GITHUB_API_URL"));
            core.SetFailed($"could not reach the GitHub API at {apiUrl}: {OneLine(TransientFailure.Describe(exception))}; re-run the job.");
            return core.ExitCode;
        }
        catch (Exception exception)
        {
            // A bug: one annotation for the run's page, the stack trace on stderr for the log.
            core.SetFailed($"certkit action failed unexpectedly: {exception.GetType().Name}: {OneLine(exception.Message)}");
            Console.Error.WriteLine(exception);
            return core.ExitCode;
        }
    }

    internal static string OneLine(string text) =>
        string.Join("; ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
