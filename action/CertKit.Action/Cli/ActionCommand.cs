using System.CommandLine;
using CertKit.Action.Runtime;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit action</c>: the GitHub Action's entry point (the Dockerfile's ENTRYPOINT). No arguments: the inputs,
/// the event and the files to write come from the runner's environment (<c>INPUT_*</c>, <c>GITHUB_*</c>).
/// Exit 0 when the action did its job (or had nothing to do), 1 on an error (one <c>::error::</c> line).
/// </summary>
internal static class ActionCommand
{
    public static Command Create()
    {
        var command = new Command("action",
            "Run as the CertKit GitHub Action: decide, report (job summary, outputs, PR comment) and open the re-certification issue once. " +
            "Reads everything from the runner's environment (INPUT_*, GITHUB_*); see docs/action.md.");
        command.SetAction((_, _) => new GitHubAction.ActionRunner(ActionsCore.FromProcess()).RunAsync());
        return command;
    }
}
