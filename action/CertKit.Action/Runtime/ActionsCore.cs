using System.Text;

namespace CertKit.Action.Runtime;

/// <summary>
/// The GitHub Actions runtime, following <c>@actions/core</c> (<c>core.ts</c>) byte for byte: inputs, outputs,
/// secrets, annotations, groups, debug, and <c>::stop-commands::</c> around untrusted text.
/// Environment and stdout are injected so the same calls can be compared with the npm package.
/// </summary>
public sealed class ActionsCore
{
    private static readonly string[] TrueValues = ["true", "True", "TRUE"];
    private static readonly string[] FalseValues = ["false", "False", "FALSE"];

    private readonly Func<string, string?> _environment;
    private readonly Action<string, string> _setEnvironment;
    private readonly Dictionary<string, int> _annotationCounts = new(StringComparer.Ordinal);

    /// <param name="stdout">where workflow commands go (the runner reads the step's stdout).</param>
    /// <param name="environment">reads a variable.</param>
    /// <param name="setEnvironment">sets a variable for the rest of this process (<c>exportVariable</c>, <c>addPath</c>).</param>
    public ActionsCore(TextWriter stdout, Func<string, string?> environment, Action<string, string>? setEnvironment = null)
    {
        Stdout = stdout;
        _environment = environment;
        _setEnvironment = setEnvironment ?? ((_, _) => { });
        Summary = new JobSummary(environment);
    }

    /// <summary>The process's environment and a UTF-8 (no BOM) stdout, as the runner reads it.</summary>
    public static ActionsCore FromProcess()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        return new ActionsCore(stdout, Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);
    }

    public TextWriter Stdout { get; }

    /// <summary>The job summary buffer (<c>core.summary</c>).</summary>
    public JobSummary Summary { get; }

    /// <summary>Set by <see cref="SetFailed"/>; the process exit code the action should return.</summary>
    public int ExitCode { get; private set; }

    public string? GetEnvironment(string name) => _environment(name);

    /// <summary>
    /// <c>getInput</c>: <c>INPUT_</c> + the name with spaces as <c>_</c>, upper-cased (hyphens stay); trimmed.
    /// The runner does not enforce <c>required</c> for container actions: we do.
    /// </summary>
    public string GetInput(string name, bool required = false, bool trimWhitespace = true)
    {
        var value = _environment($"INPUT_{name.Replace(' ', '_').ToUpperInvariant()}") ?? string.Empty;
        if (required && value.Length == 0)
        {
            throw new ActionInputException($"Input required and not supplied: {name}");
        }

        return trimWhitespace ? TrimJs(value) : value;
    }

    /// <summary><c>getMultilineInput</c>: one value per line, empty lines dropped.</summary>
    public IReadOnlyList<string> GetMultilineInput(string name, bool required = false, bool trimWhitespace = true)
    {
        var lines = GetInput(name, required, trimWhitespace).Split('\n').Where(line => line.Length > 0);
        return (trimWhitespace ? lines.Select(TrimJs) : lines).ToList();
    }

    /// <summary><c>getBooleanInput</c>: only the YAML 1.2 core-schema spellings.</summary>
    public bool GetBooleanInput(string name, bool required = false)
    {
        var value = GetInput(name, required);
        if (TrueValues.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        if (FalseValues.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        throw new ActionInputException(
            $"Input does not meet YAML 1.2 \"Core Schema\" specification: {name}\n" +
            "Support boolean input list: `true | True | TRUE | false | False | FALSE`");
    }

    /// <summary><c>setOutput</c>: to the <c>GITHUB_OUTPUT</c> file, else the deprecated <c>::set-output::</c>.</summary>
    public void SetOutput(string name, string? value)
    {
        if (!string.IsNullOrEmpty(_environment("GITHUB_OUTPUT")))
        {
            FileCommand.Issue(_environment, "OUTPUT", FileCommand.PrepareKeyValueMessage(name, value));
            return;
        }

        Stdout.Write(Environment.NewLine);
        IssueCommand("set-output", [new("name", name)], value ?? string.Empty);
    }

    /// <summary><c>setOutput</c> of a boolean: JSON's <c>true</c>/<c>false</c>.</summary>
    public void SetOutput(string name, bool value) => SetOutput(name, value ? "true" : "false");

    /// <summary><c>exportVariable</c>: for this process and, through <c>GITHUB_ENV</c> (else <c>::set-env::</c>), for later steps.</summary>
    public void ExportVariable(string name, string? value)
    {
        var converted = value ?? string.Empty;
        _setEnvironment(name, converted);
        if (!string.IsNullOrEmpty(_environment("GITHUB_ENV")))
        {
            FileCommand.Issue(_environment, "ENV", FileCommand.PrepareKeyValueMessage(name, converted));
            return;
        }

        IssueCommand("set-env", [new("name", name)], converted);
    }

    /// <summary><c>addPath</c>: prepends to PATH for this process and, through <c>GITHUB_PATH</c> (else <c>::add-path::</c>), for later steps.</summary>
    public void AddPath(string inputPath)
    {
        if (!string.IsNullOrEmpty(_environment("GITHUB_PATH")))
        {
            FileCommand.Issue(_environment, "PATH", inputPath);
        }
        else
        {
            IssueCommand("add-path", null, inputPath);
        }

        _setEnvironment("PATH", $"{inputPath}{Path.PathSeparator}{_environment("PATH")}");
    }

    /// <summary><c>saveState</c>: a value for this action's post step, through <c>GITHUB_STATE</c> (else <c>::save-state::</c>).</summary>
    public void SaveState(string name, string? value)
    {
        if (!string.IsNullOrEmpty(_environment("GITHUB_STATE")))
        {
            FileCommand.Issue(_environment, "STATE", FileCommand.PrepareKeyValueMessage(name, value));
            return;
        }

        IssueCommand("save-state", [new("name", name)], value ?? string.Empty);
    }

    /// <summary><c>getState</c>: what the main step saved, as <c>STATE_&lt;name&gt;</c>.</summary>
    public string GetState(string name) => _environment($"STATE_{name}") ?? string.Empty;

    /// <summary><c>setCommandEcho</c>: whether the runner echoes workflow commands into the log.</summary>
    public void SetCommandEcho(bool enabled) => IssueCommand("echo", null, enabled ? "on" : "off");

    /// <summary><c>setSecret</c>: <c>::add-mask::</c>, so the runner hides the value in every later log line.</summary>
    public void SetSecret(string secret) => IssueCommand("add-mask", null, secret);

    /// <summary><c>setFailed</c>: exit code 1 and an error annotation.</summary>
    public void SetFailed(string message)
    {
        ExitCode = 1;
        Error(message);
    }

    public bool IsDebug => _environment("RUNNER_DEBUG") == "1";

    public void Debug(string message) => IssueCommand("debug", null, message);

    public void Error(string message, AnnotationProperties? properties = null) => Annotate("error", message, properties);

    public void Warning(string message, AnnotationProperties? properties = null) => Annotate("warning", message, properties);

    public void Notice(string message, AnnotationProperties? properties = null) => Annotate("notice", message, properties);

    /// <summary>
    /// How many annotations of a type (<c>error</c>, <c>warning</c>, <c>notice</c>) this process has written: GitHub shows
    /// only the first 10 of each type per step, so whoever emits many must know how many slots are left.
    /// </summary>
    public int AnnotationCount(string type) => _annotationCounts.GetValueOrDefault(type);

    private void Annotate(string type, string message, AnnotationProperties? properties)
    {
        _annotationCounts[type] = AnnotationCount(type) + 1;
        IssueCommand(type, properties?.ToCommandProperties(), message);
    }

    public void Info(string message) => Stdout.Write(message + Environment.NewLine);

    public void StartGroup(string name) => IssueCommand("group", null, name);

    public void EndGroup() => IssueCommand("endgroup", null, string.Empty);

    /// <summary><c>group</c>: the lines written by <paramref name="body"/> fold under <paramref name="name"/>.</summary>
    public async Task<T> GroupAsync<T>(string name, Func<Task<T>> body)
    {
        StartGroup(name);
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            EndGroup();
        }
    }

    /// <summary>
    /// Writes text from outside (a PR title, a commit message) so that no workflow command inside it is obeyed:
    /// <c>::stop-commands::&lt;token&gt;</c>, the text, <c>::&lt;token&gt;::</c>. The token is fresh and unguessable.
    /// </summary>
    public void InfoUntrusted(string text, string? token = null)
    {
        token ??= Guid.NewGuid().ToString("N");
        IssueCommand("stop-commands", null, token);
        Info(text);
        IssueCommand(token, null, string.Empty);
    }

    /// <summary><c>issueCommand</c>: one workflow command and the platform's end of line.</summary>
    public void IssueCommand(string command, IReadOnlyList<KeyValuePair<string, string?>>? properties, string message) =>
        Stdout.Write(CommandText.Format(command, properties, message) + Environment.NewLine);

    // JavaScript's String.prototype.trim: WhiteSpace and LineTerminator of ECMA-262, which differ from
    // char.IsWhiteSpace (JavaScript trims U+FEFF, .NET trims U+0085 and JavaScript does not).
    private static readonly char[] JsWhiteSpace =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
        '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F',
        '\u3000', '\uFEFF',
    ];

    private static string TrimJs(string value) => value.Trim(JsWhiteSpace);
}
