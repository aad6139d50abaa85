namespace CertKit.Action.GitHubAction;

/// <summary>One step of the Action's run: reads the run record, does one thing, and adds its result to the record.</summary>
internal interface IActionStep
{
    Task RunAsync(ActionRun run);
}
