using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CertKit.Action.Sarif;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit scan [DIR]</c>: the CertKit analyzers over a whole repository, C# and every other text file.
/// Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it, or a problem the user can fix (one line on
/// stderr); 2 bad usage (unknown option, bad value).
/// </summary>
internal static class ScanCommand
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUserError = 1;
    public const int ExitUsage = 2;

    public const string Name = "scan";

    public static Command Create() => Create(ImmutableArray<DiagnosticAnalyzer>.Empty);

    /// <param name="extraAnalyzers">Analyzers run beside CertKit's own: a seam for tests, never used by the shipped tool.</param>
    internal static Command Create(ImmutableArray<DiagnosticAnalyzer> extraAnalyzers)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder to scan (default: the current folder). Paths are reported relative to its git work tree.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        // The parser hands an unknown option to DIR as a value; call it what it is (a usage error, exit 2).
        directory.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{result.Tokens[0].Value}'.");
            }
        });
        var sarif = new Option<string?>("--sarif") { Description = "Also write the findings as SARIF 2.1.0 to FILE (for GitHub code scanning).", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the text report." };
        var baseRef = new Option<string?>("--base") { Description = "Report only findings on lines changed since REF (git diff REF, plus untracked files).", HelpName = "REF" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding is at or above this level.",
            DefaultValueFactory = _ => "warning",
        };
        failOn.AcceptOnlyFromAmong("none", "warning", "error");
        var include = new Option<string[]>("--include") { Description = "Scan only files matching this glob (relative to DIR; repeatable).", HelpName = "GLOB", AllowMultipleArgumentsPerToken = false };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip files matching this glob (relative to DIR; repeatable).", HelpName = "GLOB", AllowMultipleArgumentsPerToken = false };
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Skip files larger than this (bytes, or with a KB/MB suffix; 2097152 = 2MB).",
            HelpName = "SIZE",
            DefaultValueFactory = _ => TextFileReader.DefaultMaxFileSize,
            CustomParser = ParseSize,
        };

        var timingsOption = new Option<bool>("--timings") { Description = "Also report where the time went (restore, project load, compilation, analyzers, text files, report; per project) and the peak memory." };
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "Keep design-time results in DIR, so a later scan of the same projects skips restore and design-time builds.",
            HelpName = "DIR",
        };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings not in this baseline FILE (written by --write-baseline); matched by fingerprint, so moved lines stay matched.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the findings reported (and those already in --baseline) to FILE as the accepted baseline; they no longer fail the scan.", HelpName = "FILE" };

        var files = FileTreatmentOption.Create();

        var command = new Command(Name, "Scan a repository with the CertKit rules: C# projects and every other text file (config, JS/TS, …).")
        {
            directory, sarif, json, baseRef, failOn, include, exclude, maxFileSize, timingsOption, cacheDir, baseline, writeBaseline, files,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(directory) ?? ".";
            var settings = new ScanSettings(
                folder,
                parseResult.GetValue(baseRef),
                parseResult.GetValue(include) ?? [],
                [.. parseResult.GetValue(exclude) ?? [], .. BaselinesInside(folder, parseResult.GetValue(baseline), parseResult.GetValue(writeBaseline))],
                parseResult.GetValue(maxFileSize),
                parseResult.GetValue(cacheDir));
            var timings = new ScanTimings();
            var withTimings = parseResult.GetValue(timingsOption);
            var threshold = parseResult.GetValue(failOn) switch
            {
                "none" => FailOnLevel.None,
                "error" => FailOnLevel.Error,
                _ => FailOnLevel.Warning,
            };

            ScanReport report;
            try
            {
                // Inputs and outputs are checked before the scan, which takes seconds to minutes.
                PathChecks.RequireFolder(settings.Directory, "the folder to scan");
                var sarifPath = parseResult.GetValue(sarif);
                if (sarifPath is not null)
                {
                    OutputFiles.Require(sarifPath, "SARIF file");
                }

                if (parseResult.GetValue(writeBaseline) is { } baselineToWrite)
                {
                    OutputFiles.Require(baselineToWrite, "baseline file");
                }

                settings = settings with { Treatments = FileTreatmentOption.Resolve(settings.Directory, parseResult.GetValue(files)) };

                // A bad baseline is reported before minutes of scanning, not after.
                var baselinePath = parseResult.GetValue(baseline);
                var accepted = baselinePath is null ? null : ScanBaseline.Read(baselinePath);
                report = await new RepositoryScanner(extraAnalyzers).ScanAsync(settings, timings, cancellationToken).ConfigureAwait(false);
                if (accepted is not null)
                {
                    report = accepted.Apply(report, baselinePath!);
                }

                var rendered = new StringWriter { NewLine = "\n" };
                using (timings.Measure(ScanPhase.Report))
                {
                    var writeBaselinePath = parseResult.GetValue(writeBaseline);
                    var written = -1;
                    if (writeBaselinePath is not null)
                    {
                        written = ScanBaseline.Write(report, writeBaselinePath);
                        report = ScanBaseline.Read(writeBaselinePath).Apply(report, writeBaselinePath);
                    }

                    if (sarifPath is not null)
                    {
                        using var sarifDocument = new MemoryStream();
                        SarifWriter.Write(report, sarifDocument);
                        OutputFiles.Write(sarifPath, sarifDocument.ToArray(), "SARIF file");
                    }

                    if (parseResult.GetValue(json))
                    {
                        JsonReport.Write(report, rendered);
                    }
                    else
                    {
                        TextReport.Write(report, rendered);
                        if (sarifPath is not null)
                        {
                            rendered.WriteLine(OutputFiles.WrittenLine("SARIF", sarifPath));
                        }

                        if (written >= 0)
                        {
                            rendered.WriteLine($"Baseline written to {writeBaselinePath} ({written} findings)");
                        }
                    }
                }

                timings.Stop();
                if (!withTimings)
                {
                    output.Write(rendered.ToString());
                }
                else if (parseResult.GetValue(json))
                {
                    // The document again, now with the timings (serialising it is a matter of milliseconds).
                    JsonReport.Write(report, output, includeTimings: true);
                }
                else
                {
                    output.Write(rendered.ToString());
                    TimingsReport.Write(timings, output);
                }
            }
            catch (Exception exception) when (exception is CertKitException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("certkit scan: " + exception.Message);
                return ExitUserError;
            }

            return Fails(report, threshold) ? ExitFindings : ExitClean;
        });

        return command;
    }

    /// <summary>Whether any finding is at or above the threshold (notes never fail a scan).</summary>
    public static bool Fails(ScanReport report, FailOnLevel threshold) => threshold switch
    {
        FailOnLevel.None => false,
        FailOnLevel.Error => report.Findings.Any(f => f.Level == FindingLevel.Error),
        _ => report.Findings.Any(f => f.Level is FindingLevel.Warning or FindingLevel.Error),
    };

    // A baseline kept in the repository is the scan's own bookkeeping, not code: leave it out of the scan.
    private static IEnumerable<string> BaselinesInside(string folder, params string?[] files)
    {
        foreach (var file in files)
        {
            if (file is null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file)).Replace('\\', '/');
            if (!relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                yield return relative;
            }
        }
    }

    private static long ParseSize(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        long multiplier = 1;
        if (text.EndsWith("MB", StringComparison.OrdinalIgnoreCase))
        {
            multiplier = 1024 * 1024;
            text = text[..^2];
        }
        else if (text.EndsWith("KB", StringComparison.OrdinalIgnoreCase))
        {
            multiplier = 1024;
            text = text[..^2];
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= long.MaxValue / multiplier)
        {
            return value * multiplier;
        }

        result.AddError($"--max-file-size: '{result.Tokens.FirstOrDefault()?.Value}' is not a size (bytes, or a number with KB or MB)");
        return 0;
    }
}
