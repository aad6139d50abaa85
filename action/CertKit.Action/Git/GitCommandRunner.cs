using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CertKit.Action.Git;

/// <summary>The result of one git invocation.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line git wrote to stderr, for error messages.</summary>
    public string FirstErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"git exited with code {ExitCode}";
}

/// <summary>
/// Runs the <c>git</c> command line in one working directory: arguments as a list (never a shell),
/// a timeout, no prompts, and output read concurrently so a large stdout cannot dead-lock the pipe.
/// </summary>
public sealed class GitCommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly string workingDirectory;
    private readonly TimeSpan timeout;

    public GitCommandRunner(string workingDirectory, TimeSpan? timeout = null)
    {
        this.workingDirectory = workingDirectory;
        this.timeout = timeout ?? DefaultTimeout;
    }

    public GitResult Run(params string[] arguments) => Run((IEnumerable<string>)arguments);

    public GitResult Run(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // Plain paths (no octal quoting) and no interactive prompts, whatever the user's config says.
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("core.quotePath=false");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["GIT_PAGER"] = "cat";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new CertKitException("could not start git");
        }
        catch (Win32Exception exception)
        {
            throw new CertKitException($"git is not installed or not on PATH ({exception.Message})", exception);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the timeout and the kill.
                }

                throw new CertKitException(
                    $"git {string.Join(' ', startInfo.ArgumentList.Skip(2))} did not finish within {timeout.TotalSeconds:0.#} s in {workingDirectory}");
            }

            process.WaitForExit();
            return new GitResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }
}
