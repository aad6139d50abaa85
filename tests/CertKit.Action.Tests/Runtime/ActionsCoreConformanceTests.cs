using System.Text;
using System.Text.RegularExpressions;
using CertKit.Action.Runtime;

namespace CertKit.Action.Tests.Runtime;

/// <summary>
/// Drives the same calls through the real <c>@actions/core</c> (npm) and through <see cref="ActionsCore"/>, then
/// compares stdout and the output/summary files byte for byte; only the random delimiter uuid is normalised.
/// </summary>
public sealed partial class ActionsCoreConformanceTests(NodeActionsCore node) : IClassFixture<NodeActionsCore>
{
    // Inputs as the runner sets them for a container action: hyphens kept, spaces as underscores, padded values.
    private static readonly Dictionary<string, string?> Inputs = new()
    {
        ["INPUT_PROGRAM"] = "  venafi \n",
        ["INPUT_TARGET-REPOSITORY"] = "acme/certifications",
        ["INPUT_MY_SPACED_NAME"] = "\tspaced\t",
        ["INPUT_COMMENT-ON-PR"] = "True",
        ["INPUT_FAIL-ON-BAD"] = "yes",
        ["INPUT_LABELS"] = "recertification\n\n  venafi  \n",
        ["INPUT_BOM"] = "\uFEFFvalue\u0085",
        ["RUNNER_DEBUG"] = "1",
        ["STATE_previous"] = "1.4.2",
    };

    private const string Script = """
        import * as core from '@actions/core';
        const show = (label, f) => { try { core.info(label + '=[' + JSON.stringify(f()) + ']'); } catch (e) { core.info(label + ' threw ' + e.constructor.name + ': ' + e.message); } };
        show('program', () => core.getInput('program'));
        show('program-raw', () => core.getInput('program', { trimWhitespace: false }));
        show('target', () => core.getInput('target-repository', { required: true }));
        show('spaced', () => core.getInput('my spaced name'));
        show('missing', () => core.getInput('version'));
        show('missing-required', () => core.getInput('github-token', { required: true }));
        show('bool', () => core.getBooleanInput('comment-on-pr'));
        show('bool-bad', () => core.getBooleanInput('fail-on-bad'));
        show('bool-missing', () => core.getBooleanInput('absent'));
        show('multi', () => core.getMultilineInput('labels'));
        show('bom', () => core.getInput('bom'));
        core.exportVariable('CERTKIT_MODE', 'release\nmode');
        core.info('env=' + process.env['CERTKIT_MODE']);
        core.addPath('/opt/certkit/bin');
        core.info('path starts ' + process.env['PATH'].split(':')[0]);
        core.saveState('issue-number', '17');
        core.info('state=' + core.getState('previous') + ',' + core.getState('absent'));
        core.setCommandEcho(true);
        core.setCommandEcho(false);
        core.setSecret('ghp_fake-token-for-tests%0A');
        core.setOutput('version', '2.0.0');
        core.setOutput('recertification-required', true);
        core.setOutput('reasons', 'major bump 1.4.2 -> 2.0.0\nscopes changed: a%b, c:d\r\nlast');
        core.setOutput('empty', '');
        core.debug('debug %25 line\nsecond');
        core.info('plain info ::warning::not a command? it is, unless stopped');
        core.notice('a notice');
        core.notice('with empty properties', {});
        core.notice('with undefined properties', { title: undefined });
        core.warning('warn 100% done\r\nnext', { title: 'T: a, b', file: 'src/Venafi Client.cs', startLine: 12, endLine: 14, startColumn: 3, endColumn: 9 });
        core.error('line zero is dropped', { file: 'a.cs', startLine: 0, startColumn: 1 });
        core.error(new Error('an error object'));
        core.startGroup('Decision: venafi');
        core.info('inside the group');
        core.endGroup();
        core.startGroup('');
        core.endGroup();
        const token = 'b7c1d2e3f4a5968778695a4b3c2d1e0f';
        process.stdout.write('::stop-commands::' + token + '\n');
        core.info('PR title: ::error::pwned %0A');
        process.stdout.write('::' + token + '::\n');
        core.setFailed('re-certification required: 1.4.2 -> 2.0.0');
        core.info('exit code ' + process.exitCode);
        await core.summary
          .addHeading('CertKit: venafi')
          .addHeading('level 9', 9)
          .addTable([[{ data: 'Field', header: true }, { data: 'Value', header: true }], ['Bump', '**major**'], [{ data: 'span', colspan: '2' }]])
          .addList(['first reason', 'second <reason>'])
          .addList(['one'], true)
          .addCodeBlock('certkit decide --json', 'bash')
          .addCodeBlock('no lang')
          .addDetails('Checklist', '- [ ] request form')
          .addQuote('quoted', 'https://example.invalid/cite')
          .addLink('compare', 'https://github.com/acme/connector/compare/v1.4.2...v2.0.0')
          .addImage('https://example.invalid/badge.svg', 'badge', { width: '20', height: '10' })
          .addSeparator()
          .addBreak()
          .addRaw('raw text')
          .addRaw(' and an eol', true)
          .addEOL()
          .write();
        await core.summary.addRaw('second write, appended').write();
        """;

    [Fact]
    public void Writes_the_same_bytes_as_actions_core_to_stdout_the_output_file_and_the_summary()
    {
        var nodeRun = RunNode(withOutputFile: true);
        var ours = RunOurs(withOutputFile: true);

        Assert.Equal(nodeRun.Stdout, ours.Stdout);
        Assert.Equal(NormaliseDelimiters(nodeRun.Output), NormaliseDelimiters(ours.Output));
        Assert.Equal(nodeRun.Summary, ours.Summary);
        Assert.Equal(NormaliseDelimiters(nodeRun.Env), NormaliseDelimiters(ours.Env));
        Assert.Equal(nodeRun.PathFile, ours.PathFile);
        Assert.Equal(NormaliseDelimiters(nodeRun.State), NormaliseDelimiters(ours.State));

        // The comparison must be about something: each side wrote what we expect to compare.
        Assert.Contains("::add-mask::ghp_fake-token-for-tests%250A", ours.Stdout);
        Assert.Contains("version<<ghadelimiter_", ours.Output);
        Assert.Contains("<table><tr><th>Field</th>", ours.Summary);
        Assert.Contains("CERTKIT_MODE<<ghadelimiter_", ours.Env);
        Assert.Equal("/opt/certkit/bin\n", ours.PathFile);
        Assert.Contains("issue-number<<ghadelimiter_", ours.State);
    }

    [Fact]
    public void Without_an_output_file_writes_the_same_set_output_command_as_actions_core()
    {
        var nodeRun = RunNode(withOutputFile: false);
        var ours = RunOurs(withOutputFile: false);

        Assert.Equal(nodeRun.Stdout, ours.Stdout);
        Assert.Contains("::set-output name=reasons::major bump", ours.Stdout);
        Assert.Contains("::set-env name=CERTKIT_MODE::release%0Amode", ours.Stdout);
        Assert.Contains("::add-path::/opt/certkit/bin", ours.Stdout);
        Assert.Contains("::save-state name=issue-number::17", ours.Stdout);
    }

    private Captured RunNode(bool withOutputFile)
    {
        var (folder, environment) = Files(withOutputFile);
        var result = node.RunScript(Script, environment);
        Assert.True(result.ExitCode == 1, $"node exited {result.ExitCode} (setFailed gives 1): {result.Stderr}");
        return Captured.From(result.Stdout, folder);
    }

    private static Captured RunOurs(bool withOutputFile)
    {
        var (folder, environment) = Files(withOutputFile);
        var stdout = new StringWriter { NewLine = "\n" };
        var core = new ActionsCore(stdout, name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        void Show(string label, Func<object> read)
        {
            try
            {
                core.Info($"{label}=[{Json(read())}]");
            }
            catch (ActionInputException exception)
            {
                var kind = exception.Message.StartsWith("Input does not meet", StringComparison.Ordinal) ? "TypeError" : "Error";
                core.Info($"{label} threw {kind}: {exception.Message}");
            }
        }

        Show("program", () => core.GetInput("program"));
        Show("program-raw", () => core.GetInput("program", trimWhitespace: false));
        Show("target", () => core.GetInput("target-repository", required: true));
        Show("spaced", () => core.GetInput("my spaced name"));
        Show("missing", () => core.GetInput("version"));
        Show("missing-required", () => core.GetInput("github-token", required: true));
        Show("bool", () => core.GetBooleanInput("comment-on-pr"));
        Show("bool-bad", () => core.GetBooleanInput("fail-on-bad"));
        Show("bool-missing", () => core.GetBooleanInput("absent"));
        Show("multi", () => core.GetMultilineInput("labels"));
        Show("bom", () => core.GetInput("bom"));
        core.ExportVariable("CERTKIT_MODE", "release\nmode");
        core.Info("env=" + core.GetEnvironment("CERTKIT_MODE"));
        core.AddPath("/opt/certkit/bin");
        core.Info("path starts " + core.GetEnvironment("PATH")!.Split(':')[0]);
        core.SaveState("issue-number", "17");
        core.Info("state=" + core.GetState("previous") + "," + core.GetState("absent"));
        core.SetCommandEcho(true);
        core.SetCommandEcho(false);
        core.SetSecret("ghp_fake-token-for-tests%0A");
        core.SetOutput("version", "2.0.0");
        core.SetOutput("recertification-required", true);
        core.SetOutput("reasons", "major bump 1.4.2 -> 2.0.0\nscopes changed: a%b, c:d\r\nlast");
        core.SetOutput("empty", "");
        core.Debug("debug %25 line\nsecond");
        core.Info("plain info ::warning::not a command? it is, unless stopped");
        core.Notice("a notice");
        core.Notice("with empty properties");
        core.Notice("with undefined properties", new AnnotationProperties());
        core.Warning("warn 100% done\r\nnext", new AnnotationProperties
        {
            Title = "T: a, b", File = "src/Venafi Client.cs", StartLine = 12, EndLine = 14, StartColumn = 3, EndColumn = 9,
        });
        core.Error("line zero is dropped", new AnnotationProperties { File = "a.cs", StartLine = 0, StartColumn = 1 });
        core.Error("Error: an error object");
        core.StartGroup("Decision: venafi");
        core.Info("inside the group");
        core.EndGroup();
        core.StartGroup("");
        core.EndGroup();
        core.InfoUntrusted("PR title: ::error::pwned %0A", token: "b7c1d2e3f4a5968778695a4b3c2d1e0f");
        core.SetFailed("re-certification required: 1.4.2 -> 2.0.0");
        core.Info($"exit code {core.ExitCode}");
        core.Summary
            .AddHeading("CertKit: venafi")
            .AddHeading("level 9", 9)
            .AddTable([
                [new SummaryTableCell("Field", Header: true), new SummaryTableCell("Value", Header: true)],
                ["Bump", "**major**"],
                [new SummaryTableCell("span", Colspan: "2")],
            ])
            .AddList(["first reason", "second <reason>"])
            .AddList(["one"], ordered: true)
            .AddCodeBlock("certkit decide --json", "bash")
            .AddCodeBlock("no lang")
            .AddDetails("Checklist", "- [ ] request form")
            .AddQuote("quoted", "https://example.invalid/cite")
            .AddLink("compare", "https://github.com/acme/connector/compare/v1.4.2...v2.0.0")
            .AddImage("https://example.invalid/badge.svg", "badge", width: "20", height: "10")
            .AddSeparator()
            .AddBreak()
            .AddRaw("raw text")
            .AddRaw(" and an eol", addEol: true)
            .AddEol()
            .Write();
        core.Summary.AddRaw("second write, appended").Write();

        return Captured.From(stdout.ToString(), folder);
    }

    // The runner's file commands; without them (withFiles false) @actions/core falls back to stdout commands.
    private static (string Folder, Dictionary<string, string?> Environment) Files(bool withFiles)
    {
        var folder = Directory.CreateTempSubdirectory("certkit-conformance-").FullName;
        var environment = new Dictionary<string, string?>(Inputs);
        foreach (var (variable, file) in FileCommands)
        {
            File.WriteAllText(Path.Combine(folder, file), string.Empty);
            if (withFiles || variable == "GITHUB_STEP_SUMMARY")
            {
                environment[variable] = Path.Combine(folder, file);
            }
        }

        return (folder, environment);
    }

    private static readonly (string Variable, string File)[] FileCommands =
        [("GITHUB_OUTPUT", "output"), ("GITHUB_STEP_SUMMARY", "summary.md"), ("GITHUB_ENV", "env"), ("GITHUB_PATH", "path"), ("GITHUB_STATE", "state")];

    // JSON.stringify of a string, a boolean or a string array, as node prints them (no escaping of non-ASCII).
    private static string Json(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        string text => JsonString(text),
        IEnumerable<string> items => "[" + string.Join(",", items.Select(JsonString)) + "]",
        _ => throw new ArgumentException($"unexpected {value.GetType()}"),
    };

    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private static string NormaliseDelimiters(string text) => DelimiterPattern().Replace(text, "ghadelimiter_<uuid>");

    [GeneratedRegex("ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DelimiterPattern();

    private sealed record Captured(string Stdout, string Output, string Summary, string Env, string PathFile, string State)
    {
        public static Captured From(string stdout, string folder) => new(
            stdout,
            File.ReadAllText(Path.Combine(folder, "output")),
            File.ReadAllText(Path.Combine(folder, "summary.md")),
            File.ReadAllText(Path.Combine(folder, "env")),
            File.ReadAllText(Path.Combine(folder, "path")),
            File.ReadAllText(Path.Combine(folder, "state")));
    }
}
