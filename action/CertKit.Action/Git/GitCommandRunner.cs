using CertKit.Action.Processes;

namespace CertKit.Action.Git;

/// <summary>
/// Runs the <c>git</c> command line in one working directory through <see cref="ProcessRunner"/> (argument list,
/// time limit, no prompts or pager), with plain paths (no octal quoting) whatever the user's config says.
/// </summary>
public sealed class GitCommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] PlainPaths = ["-c", "core.quotePath=false"];

    private readonly string workingDirectory;
    private readonly TimeSpan timeout;

    public GitCommandRunner(string workingDirectory, TimeSpan? timeout = null)
    {
        this.workingDirectory = workingDirectory;
        this.timeout = timeout ?? DefaultTimeout;
    }

    public ProcessResult Run(params string[] arguments) => Run((IReadOnlyList<string>)arguments);

    public ProcessResult Run(IReadOnlyList<string> arguments) =>
        ProcessRunner.Run("git", [.. PlainPaths, .. arguments], workingDirectory, timeout, CommandText(arguments));

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("git", [.. PlainPaths, .. arguments], workingDirectory, timeout, cancellationToken, CommandText(arguments));

    /// <summary>The command as the user would type it, for error messages: without the options every call adds.</summary>
    private static string CommandText(IReadOnlyList<string> arguments) => "git " + string.Join(' ', arguments);
}
