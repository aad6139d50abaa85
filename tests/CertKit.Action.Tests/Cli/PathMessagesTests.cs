namespace CertKit.Action.Tests.Cli;

/// <summary>
/// A path on the command line that is the wrong kind of thing is one line that says what it is, and outputs are checked
/// before the work starts: a scan with an unwritable SARIF path fails at once and writes nothing.
/// </summary>
public sealed class PathMessagesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("certkit-paths-");

    [Fact]
    public void A_policy_that_is_a_folder_says_so()
    {
        var run = CertkitProcess.Run(folder.FullName, "decide", "--program", "custom", "--policy", folder.FullName, "--version", "1.0.0", "--previous-version", "0.9.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal($"certkit decide: policy file '{folder.FullName}' is a folder, not a file", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_repository_that_is_a_file_says_so()
    {
        var file = Path.Combine(folder.FullName, "notes.txt");
        File.WriteAllText(file, "not a repository");

        var run = CertkitProcess.Run(folder.FullName, "decide", "--program", "venafi", "--repo", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit decide: repository folder '{file}' is a file, not a folder", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Scanning_a_file_says_it_is_a_file_not_a_folder()
    {
        var file = Path.Combine(folder.FullName, "appsettings.json");
        File.WriteAllText(file, "{}");

        var run = CertkitProcess.Run(folder.FullName, "scan", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal($"certkit scan: the folder to scan '{file}' is a file, not a folder", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_sarif_path_under_a_file_fails_before_the_scan()
    {
        var file = Path.Combine(folder.FullName, "report");
        File.WriteAllText(file, "a file where a folder is needed");
        var sarif = Path.Combine(file, "x.sarif");

        var run = CertkitProcess.Run(folder.FullName, "scan", folder.FullName, "--sarif", sarif);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Equal($"certkit scan: SARIF file '{sarif}' cannot be written: '{file}' is a file, not a folder", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_sarif_path_in_an_unwritable_folder_fails_before_the_scan()
    {
        // /proc refuses new files even to root, where permission bits do not.
        var run = CertkitProcess.Run(folder.FullName, "scan", folder.FullName, "--sarif", "/proc/certkit.sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.StartsWith("certkit scan: SARIF file '/proc/certkit.sarif' cannot be written: the folder '/proc' is not writable (", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_sarif_path_that_is_a_folder_says_so()
    {
        var run = CertkitProcess.Run(folder.FullName, "scan", folder.FullName, "--sarif", folder.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"certkit scan: SARIF file '{folder.FullName}' is a folder, not a file", Assert.Single(run.ErrorLines));
    }

    public void Dispose() => folder.Delete(recursive: true);
}
