using CertKit.Action.Cli;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Runtime;

namespace CertKit.Action.Reporting;

/// <summary>
/// The endpoint inventory in the action: written to <c>endpoints-file</c> (Markdown for <c>.md</c>, else JSON) and, for
/// Venafi, carried in full by the re-certification issue (Advanced certification, requirement 4, asks for that list).
/// Taken from the evidence when it was gathered, else read from the workspace.
/// </summary>
internal static class ActionEndpoints
{
    public const string VenafiProgram = "venafi";

    /// <param name="forIssue">whether a re-certification issue will be filed (Venafi's carries the inventory).</param>
    public static async Task<EndpointReport?> InventoryAsync(ActionsCore core, ActionInputs inputs, ActionDecision decision, string workspace, bool forIssue)
    {
        if (inputs.EndpointsFile is null && !(forIssue && decision.Program == VenafiProgram))
        {
            return null;
        }

        var inventory = decision.Evidence?.HeadEndpoints ?? await EndpointInventory.ScanAsync(workspace, CancellationToken.None).ConfigureAwait(false);
        if (inputs.EndpointsFile is { } file)
        {
            var path = Path.GetFullPath(Path.Combine(workspace, file));
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder))
            {
                throw new ActionInputException($"endpoints-file: the folder '{Path.GetDirectoryName(file)}' does not exist in the workspace.");
            }

            var content = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? EndpointMarkdown.Render(inventory) : EndpointJson.Render(inventory) + "\n";
            var temporary = path + ".certkit-tmp";
            await File.WriteAllTextAsync(temporary, content).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            core.Info($"Endpoint inventory ({inventory.Endpoints.Count} endpoints) written to {file}");
        }

        return inventory;
    }

    /// <summary>The issue's inventory section: for Venafi only, in full.</summary>
    public static string? IssueSection(ActionDecision decision, EndpointReport? inventory) =>
        decision.Program == VenafiProgram && inventory is not null ? EndpointMarkdown.Render(inventory, "### Endpoint inventory (for Venafi)") : null;
}
