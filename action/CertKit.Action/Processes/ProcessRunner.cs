using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CertKit.Action.Processes;

/// <summary>
/// Runs a child process (git, dotnet) the one way certkit does: arguments as a list (never a shell), stdin closed,
/// stdout and stderr read concurrently (a full pipe cannot dead-lock it), plain output whatever the user's locale,
/// pager or telemetry settings, and a time limit after which the whole process tree is killed.
/// A program that cannot be started or outlives its time limit is a <see cref="CertKitException"/> (one line, exit 1).
/// </summary>
public static class ProcessRunner
{
    /// <summary>Set on every child: stable, uncoloured, non-interactive output.</summary>
    private static readonly KeyValuePair<string, string>[] PlainOutputEnvironment =
    [
        new("LC_ALL", "C"),
        new("GIT_PAGER", "cat"),
        new("GIT_TERMINAL_PROMPT", "0"),
        new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        new("DOTNET_NOLOGO", "1"),
    ];

    /// <summary>
    /// Runs <paramref name="program"/> and waits for it. Cancelling <paramref name="cancellationToken"/> kills it and
    /// throws <see cref="OperationCanceledException"/>; the time limit kills it and throws <see cref="CertKitException"/>.
    /// </summary>
    /// <param name="commandText">How error messages name the command; by default the program and its arguments.</param>
    /// <param name="environment">Variables to set on the child (a null value removes the variable), after the plain-output ones.</param>
    public static async Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        string? commandText = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in PlainOutputEnvironment)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new CertKitException($"cannot run {program}: is it installed and on PATH? ({exception.Message})", exception);
        }

        process.StandardInput.Close();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            // The reads end when every holder of the pipes has exited, so they are under the time limit too.
            await Task.WhenAll(standardOutput, standardError).ConfigureAwait(false);
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var command = commandText ?? string.Join(' ', start.ArgumentList.Prepend(program));
            throw new CertKitException($"{command} did not finish within {timeout.TotalSeconds:0.#} s in {workingDirectory}");
        }

        return new ProcessResult(program, process.ExitCode, await standardOutput.ConfigureAwait(false), await standardError.ConfigureAwait(false));
    }

    /// <summary>
    /// <see cref="RunAsync"/> for synchronous callers (the decision reads git step by step). Safe to block on:
    /// <see cref="RunAsync"/> never resumes on the caller's synchronization context.
    /// </summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, string? commandText = null) =>
        RunAsync(program, arguments, workingDirectory, timeout, CancellationToken.None, commandText).GetAwaiter().GetResult();

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the time limit and the kill.
        }
    }
}
