using System.Diagnostics;

namespace CertKit.Action.Tests.Runtime;

/// <summary>Runs a program with a given environment and a timeout; a missing program is a clear failure.</summary>
public static class ChildProcess
{
    public static ProcessResult Run(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout, bool clearEnvironment = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (clearEnvironment)
        {
            var path = start.Environment["PATH"];
            start.Environment.Clear();
            start.Environment["PATH"] = path;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"`{fileName}` is required by these tests but could not be started ({exception.Message}). " +
                "Install it (CI's .ci/run installs .NET, git, Node.js and npm).", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeout}");
            }

            process.WaitForExit();
            return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

}

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
