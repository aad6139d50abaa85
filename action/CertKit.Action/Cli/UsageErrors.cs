using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CertKit.Action.Cli;

/// <summary>
/// Bad usage (an unknown option, a bad option value, a missing argument): one line on stderr that names the problem and
/// the help to read, nothing on stdout, exit code 2. With <c>--json</c>, stdout carries one JSON error object instead of
/// nothing, so a caller that parses stdout gets JSON whatever happened.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parseResult, TextWriter output, TextWriter error)
    {
        var command = CommandPath(parseResult);
        // "Unrecognized command or argument 'x'" says more than the "Required command was not provided" beside it.
        var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parseResult.Errors[0];
        var message = OneLine(first.Message);
        var help = $"see {command} --help";
        error.WriteLine($"{command}: {message}; {help}");
        if (parseResult.Tokens.Any(token => token.Value == "--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(
                new { error = message, usage = help, exitCode = Program.BadUsage },
                new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        return Program.BadUsage;
    }

    /// <summary>"certkit decide" for a sub-command's error, "certkit" for an unknown command.</summary>
    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "certkit" : result.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>System.CommandLine lists allowed values on lines of their own; one line reads them inline.</summary>
    private static string OneLine(string message)
    {
        var parts = message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", parts).TrimEnd('.');
    }
}
