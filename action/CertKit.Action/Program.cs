using System.CommandLine;
using System.CommandLine.Invocation;
using CertKit.Action.Cli;

namespace CertKit.Action;

public static class Program
{
    /// <summary>The exit code for bad usage (System.CommandLine's parse errors); commands use 0 and 1.</summary>
    public const int BadUsage = 2;

    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("certkit: keep partner integrations certified (Venafi, commercetools Connect, Adobe Sign).");
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        var exitCode = await parseResult.InvokeAsync();
        // System.CommandLine reports parse errors with exit code 1, which certkit keeps for user errors.
        return parseResult.Action is ParseErrorAction ? BadUsage : exitCode;
    }
}
