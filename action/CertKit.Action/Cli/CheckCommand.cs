using System.CommandLine;
using CertKit.Action.Programs;
using CertKit.Action.Readiness;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit check [DIR] --program P</c>: would this repository pass its program's review today? Each requirement checked,
/// with evidence. Exit codes: 0 ready (or <c>--fail-on never</c>); 1 a check failed, or a problem the user can fix (one line
/// on stderr: no connect.yaml, YAML that does not parse, a folder that is a file); 2 bad usage.
/// </summary>
internal static class CheckCommand
{
    public const int ExitReady = 0;
    public const int ExitFailed = 1;
    public const int ExitUserError = 1;

    private const string MarkdownFile = "Markdown file";

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The repository folder (default: the current folder).",
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
        var program = new Option<string>("--program") { Description = "The certification program whose review to check.", Required = true };
        program.HelpName = ProgramRegistry.HelpName;
        ProgramOption.AcceptProgramNames(program);
        var policy = new Option<string?>("--policy") { Description = "For --program custom: the certkit.yml with checks: [...] (default: DIR/certkit.yml).", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the text report." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the report as a Markdown table to FILE.", HelpName = "FILE" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a check failed (failed), or never.", DefaultValueFactory = _ => "failed" };
        failOn.AcceptOnlyFromAmong("failed", "never");
        var severity = new Option<string>("--severity") { Description = "The lowest advisory severity that fails the dependencies check.", DefaultValueFactory = _ => DependencyTools.Default.MinimumSeverity };
        severity.AcceptOnlyFromAmong([.. DependencyTools.Severities]);

        var files = FileTreatmentOption.Create();
        var staleAfter = new Option<int>("--stale-after")
        {
            Description = "Flag a requirement whose source was last verified more than DAYS ago (so the team re-reads it).",
            HelpName = "DAYS",
            DefaultValueFactory = _ => StalenessRule.DefaultMaxAgeDays,
        };
        staleAfter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--stale-after: DAYS must be 0 or more");
            }
        });
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day the requirements' age is measured on (default: today, UTC).", HelpName = "YYYY-MM-DD" };

        var command = new Command("check", "Check a repository against its certification program's requirements: passed, failed or manual, with evidence.")
        {
            directory, program, policy, json, markdown, failOn, severity, staleAfter, asOf, files,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(directory) ?? ".";
            ReadinessReport report;
            try
            {
                if (parseResult.GetValue(markdown) is { } markdownFile)
                {
                    OutputFiles.Require(markdownFile, MarkdownFile);
                }

                var treatments = FileTreatmentOption.Resolve(folder, parseResult.GetValue(files));
                var context = await CheckContext.OpenAsync(folder, cancellationToken, treatments: treatments).ConfigureAwait(false);
                context.DependencyTools = DependencyTools.Default with { MinimumSeverity = parseResult.GetValue(severity)! };
                var chosen = ProgramRegistry.ResolveReadiness(parseResult.GetValue(program)!, parseResult.GetValue(policy), context.Root);
                var staleness = new StalenessRule(parseResult.GetValue(asOf) ?? StalenessRule.Default.Today, parseResult.GetValue(staleAfter));
                report = await ReadinessRunner.RunAsync(chosen, context, cancellationToken, staleness).ConfigureAwait(false);
                if (parseResult.GetValue(markdown) is { } markdownPath)
                {
                    OutputFiles.Write(markdownPath, ReadinessWriters.Markdown(report), MarkdownFile);
                }
            }
            catch (Exception exception) when (exception is CertKitException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("certkit check: " + CertKitException.OneLine(exception.Message));
                return ExitUserError;
            }

            output.Write(parseResult.GetValue(json) ? ReadinessWriters.Json(report) + Environment.NewLine : ReadinessWriters.Text(report));
            if (!parseResult.GetValue(json) && parseResult.GetValue(markdown) is { } written)
            {
                output.WriteLine(OutputFiles.WrittenLine("Markdown", written));
            }

            return !report.Ready && parseResult.GetValue(failOn) == "failed" ? ExitFailed : ExitReady;
        });
        return command;
    }
}
