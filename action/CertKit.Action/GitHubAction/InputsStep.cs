using CertKit.Action.Cli;

namespace CertKit.Action.GitHubAction;

/// <summary>Masks the token (first thing: the runner then hides it in every later line) and reads the inputs.</summary>
internal sealed class InputsStep : IActionStep
{
    public Task RunAsync(ActionRun run)
    {
        var token = ActionInputs.ReadAndMaskToken(run.Core);
        run.Inputs = ActionInputs.Read(run.Core, token);
        run.WorkspacePath = run.Core.GetEnvironment("GITHUB_WORKSPACE") is { Length: > 0 } path ? path : Directory.GetCurrentDirectory();
        return Task.CompletedTask;
    }
}
