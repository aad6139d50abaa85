using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Runtime;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The endpoint inventory: written to <c>endpoints-file</c> (Markdown for <c>.md</c>, else JSON) and, for Venafi, carried
/// in full by the re-certification issue (Advanced certification, requirement 4, asks for that list). Taken from the
/// decision's evidence when it was gathered, else read from the run's one view of the workspace.
/// </summary>
internal sealed class EvidenceStep : IActionStep
{
    public const string VenafiProgram = "venafi";

    public async Task RunAsync(ActionRun run)
    {
        var decision = run.RequireDecision();
        var inputs = run.Inputs;
        if (inputs.EndpointsFile is null && !(run.FilesIssue && decision.Program == VenafiProgram))
        {
            return;
        }

        var inventory = decision.Evidence?.HeadEndpoints
            ?? EndpointInventory.Scan(await ScanStep.OpenViewAsync(run).ConfigureAwait(false), CancellationToken.None);
        if (inputs.EndpointsFile is { } file)
        {
            var path = Path.GetFullPath(Path.Combine(run.WorkspacePath, file));
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder))
            {
                throw new ActionInputException($"endpoints-file: the folder '{Path.GetDirectoryName(file)}' does not exist in the workspace.");
            }

            var content = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? EndpointMarkdown.Render(inventory) : EndpointJson.Render(inventory) + "\n";
            var temporary = path + ".certkit-tmp";
            await File.WriteAllTextAsync(temporary, content).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            run.Core.Info($"Endpoint inventory ({inventory.Endpoints.Count} endpoints) written to {file}");
        }

        run.Inventory = inventory;
    }

    /// <summary>The issue's inventory section: for Venafi only, in full.</summary>
    public static string? IssueSection(ActionRun run) =>
        run.RequireDecision().Program == VenafiProgram && run.Inventory is not null
            ? EndpointMarkdown.Render(run.Inventory, "### Endpoint inventory (for Venafi)")
            : null;
}
