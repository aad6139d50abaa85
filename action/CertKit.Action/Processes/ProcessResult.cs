namespace CertKit.Action.Processes;

/// <summary>How a child process ended and what it wrote (UTF-8 text; a leading byte-order mark is dropped).</summary>
public sealed record ProcessResult(string Program, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line the program wrote to stderr, for error messages.</summary>
    public string FirstErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"{Program} exited with code {ExitCode}";
}
