using System.CommandLine;
using CertKit.Action.Programs;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit programs [--json|--markdown]</c>: the programs CertKit knows, their aliases, and every requirement they quote
/// with its source and the day it was last verified (stale ones flagged). Exit code 0; 2 bad usage.
/// </summary>
internal static class ProgramsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var markdown = new Option<bool>("--markdown") { Description = "Print docs/programs.md (Markdown) instead of text." };
        var staleAfter = new Option<int>("--stale-after")
        {
            Description = "Flag a requirement whose source was last verified more than DAYS ago.",
            HelpName = "DAYS",
            DefaultValueFactory = _ => StalenessRule.DefaultMaxAgeDays,
        };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day the requirements' age is measured on (default: today, UTC).", HelpName = "YYYY-MM-DD" };
        var command = new Command("programs", "List the certification programs, their aliases, and each requirement with its source and the day it was last verified.")
        {
            json, markdown, staleAfter, asOf,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var staleness = new StalenessRule(parseResult.GetValue(asOf) ?? StalenessRule.Default.Today, parseResult.GetValue(staleAfter));
            output.Write(
                parseResult.GetValue(json) ? ProgramWriters.Json(ProgramRegistry.BuiltIn, staleness) + Environment.NewLine
                : parseResult.GetValue(markdown) ? ProgramWriters.Markdown(ProgramRegistry.BuiltIn)
                : ProgramWriters.Text(ProgramRegistry.BuiltIn, staleness));
            return 0;
        });
        return command;
    }
}
