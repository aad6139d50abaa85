using System.CommandLine;
using CertKit.Action.Cli;

namespace CertKit.Action;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("certkit: keep partner integrations certified (Venafi, commercetools Connect, Adobe Sign).");
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        return InvokeAsync(parseResult);
    }

    private static async Task<int> InvokeAsync(ParseResult parseResult)
    {
        var exitCode = await parseResult.InvokeAsync().ConfigureAwait(false);

        // certkit scan documents 2 for bad usage (1 means findings); the parse-error action has printed the errors.
        return ScanCommand.UsageExitCode(parseResult) ?? exitCode;
    }
}
