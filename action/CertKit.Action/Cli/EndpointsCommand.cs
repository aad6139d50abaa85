using System.CommandLine;
using CertKit.Action.Evidence.Endpoints;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit endpoints [DIR] [--json] [--markdown FILE]</c>: the outbound HTTP endpoints and VCert functions the integration
/// calls, with every call site. Exit codes: 0 listed; 1 a problem the user can fix (one line on stderr); 2 bad usage.
/// </summary>
internal static class EndpointsCommand
{
    public const string Name = "endpoints";

    private const string MarkdownFile = "Markdown file";

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder to inventory (default: the current folder). Paths are reported relative to its git work tree.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        directory.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{result.Tokens[0].Value}'.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the inventory as one JSON object instead of text." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the inventory as a Markdown table to FILE (the list Venafi asks for).", HelpName = "FILE" };
        var command = new Command(Name, "List every outbound HTTP endpoint and VCert command the integration calls, with its call sites.")
        {
            directory, json, markdown,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var markdownPath = parseResult.GetValue(markdown);
                if (markdownPath is not null)
                {
                    OutputFiles.Require(markdownPath, MarkdownFile);
                }

                var report = await EndpointInventory.ScanAsync(parseResult.GetValue(directory) ?? ".", cancellationToken).ConfigureAwait(false);
                if (markdownPath is not null)
                {
                    OutputFiles.Write(markdownPath, EndpointMarkdown.Render(report), MarkdownFile);
                }

                if (parseResult.GetValue(json))
                {
                    output.WriteLine(EndpointJson.Render(report));
                }
                else
                {
                    output.Write(EndpointText.Render(report));
                    if (markdownPath is not null)
                    {
                        output.WriteLine(OutputFiles.WrittenLine("Markdown", markdownPath));
                    }
                }

                return 0;
            }
            catch (Exception exception) when (exception is CertKitException or IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("certkit endpoints: " + exception.Message);
                return 1;
            }
        });

        return command;
    }
}
