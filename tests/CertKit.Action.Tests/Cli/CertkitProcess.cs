using System.Diagnostics;

namespace CertKit.Action.Tests.Cli;

/// <summary>What a run of the certkit tool printed and returned.</summary>
public sealed record CertkitRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the built certkit tool (the real entry point) as a child process with <c>dotnet certkit.dll</c>:
/// no shared Console state, so these tests run in parallel with the others.
/// </summary>
public static class CertkitProcess
{
    // Generous: a scan that opens projects with MSBuild takes minutes on a loaded two-core machine (bounded all the same).
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static CertkitRun Run(string workingDirectory, params string[] arguments)
    {
        var tool = typeof(CertKit.Action.Program).Assembly.Location;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"certkit {string.Join(' ', arguments)} timed out");
        }

        process.WaitForExit();
        return new CertkitRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
