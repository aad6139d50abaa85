using CertKit.Action.Git;
using CertKit.Action.Processes;

namespace CertKit.Action.Scanning;

/// <summary>The few git commands the scan needs.</summary>
internal static class Git
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        new GitCommandRunner(workingDirectory, Timeout).RunAsync(arguments, cancellationToken);

    /// <summary>The top level of the work tree that holds <paramref name="directory"/>, or null outside git (or without git).</summary>
    public static async Task<string?> FindTopLevelAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync(directory, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
            if (result.StandardError.Contains("dubious ownership", StringComparison.Ordinal))
            {
                // Walking the tree instead would silently ignore .gitignore: say what to do.
                throw new CertKitException($"git refuses to read '{directory}' (owned by another user); trust it with: git config --global --add safe.directory '{directory}'");
            }

            var topLevel = result.StandardOutput.Trim();
            return result.ExitCode == 0 && topLevel.Length > 0 ? Path.GetFullPath(topLevel) : null;
        }
        catch (CertKitException) when (!IsInstalled())
        {
            return null; // git is not installed: walk the tree instead
        }
    }

    private static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "git")));

    /// <summary>Tracked and untracked-but-not-ignored files under <paramref name="directory"/>, relative to it.</summary>
    public static async Task<IReadOnlyList<string>> ListFilesAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await RunAsync(directory, ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new CertKitException("git ls-files failed: " + result.StandardError.Trim());
        }

        return SplitNulSeparated(result.StandardOutput);
    }

    public static IReadOnlyList<string> SplitNulSeparated(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
