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
        if (parseResult.Errors.Count > 0 && !AsksForHelp(parseResult))
        {
            return UsageErrors.Report(parseResult, Console.Out, Console.Error);
        }

        return ExitCode(parseResult, await parseResult.InvokeAsync());
    }

    private static bool AsksForHelp(ParseResult parseResult) =>
        parseResult.Tokens.Any(token => token.Value is "--help" or "-h" or "-?" && token.Type == System.CommandLine.Parsing.TokenType.Option);

    /// <summary>System.CommandLine reports parse errors with exit code 1, which certkit keeps for user errors: bad usage is 2.</summary>
    public static int ExitCode(ParseResult parseResult, int invokedExitCode) =>
        parseResult.Action is ParseErrorAction ? BadUsage : invokedExitCode;
}
