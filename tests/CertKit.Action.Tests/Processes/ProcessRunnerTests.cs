using System.Diagnostics;
using CertKit.Action.Processes;

namespace CertKit.Action.Tests.Processes;

public sealed class ProcessRunnerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("certkit-process-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are_never_through_a_shell()
    {
        var result = await ProcessRunner.RunAsync("echo", ["$HOME; touch injected", "`id`"], folder.FullName, Generous, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("$HOME; touch injected `id`\n", result.StandardOutput);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "injected")));
    }

    [Fact]
    public async Task Stdin_is_closed_so_a_program_that_reads_it_does_not_wait_for_input()
    {
        var result = await ProcessRunner.RunAsync("cat", [], folder.FullName, Generous, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task The_child_gets_plain_non_interactive_output_settings()
    {
        var result = await ProcessRunner.RunAsync("env", [], folder.FullName, Generous, CancellationToken.None);

        var variables = result.StandardOutput.Split('\n');
        Assert.Contains("LC_ALL=C", variables);
        Assert.Contains("GIT_PAGER=cat", variables);
        Assert.Contains("GIT_TERMINAL_PROMPT=0", variables);
        Assert.Contains("DOTNET_NOLOGO=1", variables);
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1", variables);
    }

    [Fact]
    public async Task Large_output_on_both_streams_is_read_without_dead_locking_the_pipes()
    {
        // Far more than a pipe buffer (64 KiB) on stderr first: a runner that read stdout to the end first would hang.
        var result = await ProcessRunner.RunAsync(
            "sh", ["-c", "lines() { i=0; while [ $i -lt 50000 ]; do echo $1; i=$((i+1)); done; }; lines error >&2; lines output; exit 3"], folder.FullName, Generous, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal(50000 * "output\n".Length, result.StandardOutput.Length);
        Assert.Equal(50000 * "error\n".Length, result.StandardError.Length);
        Assert.Equal("error", result.FirstErrorLine);
    }

    [Fact]
    public async Task Without_stderr_the_first_error_line_names_the_program_and_its_exit_code()
    {
        var result = await ProcessRunner.RunAsync("sh", ["-c", "exit 2"], folder.FullName, Generous, CancellationToken.None);

        Assert.Equal("sh exited with code 2", result.FirstErrorLine);
    }

    [Fact]
    public async Task A_missing_program_is_a_one_line_user_error_that_names_it()
    {
        var error = await Assert.ThrowsAsync<CertKitException>(
            () => ProcessRunner.RunAsync("certkit-no-such-program", ["--version"], folder.FullName, Generous, CancellationToken.None));

        Assert.StartsWith("cannot run certkit-no-such-program: is it installed and on PATH? (", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_program_that_outlives_its_time_limit_is_killed_with_its_children_and_named_in_the_error()
    {
        var marker = Path.Combine(folder.FullName, "survived");

        // The shell's child would write the marker after 3 s if only the shell were killed; without the time limit the
        // run would end normally after 3 s and throw nothing. (No wall-clock assertion: a loaded machine is slow.)
        var error = await Assert.ThrowsAsync<CertKitException>(() => ProcessRunner.RunAsync(
            "sh", ["-c", $"(sleep 3; touch '{marker}') & wait"], folder.FullName, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Equal($"sh -c (sleep 3; touch '{marker}') & wait did not finish within 0.3 s in {folder.FullName}", error.Message);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the child of the timed-out process kept running");
    }

    [Fact]
    public async Task Error_messages_name_the_command_as_the_caller_says()
    {
        var error = await Assert.ThrowsAsync<CertKitException>(() => ProcessRunner.RunAsync(
            "sleep", ["30"], folder.FullName, TimeSpan.FromMilliseconds(200), CancellationToken.None, commandText: "a nap"));

        Assert.StartsWith("a nap did not finish within 0.2 s in ", error.Message);
    }

    [Fact]
    public async Task Cancelling_kills_the_program_and_is_not_reported_as_a_time_out()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ProcessRunner.RunAsync("sleep", ["30"], folder.FullName, Generous, cancellation.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Fact]
    public void The_synchronous_form_returns_the_same_result()
    {
        var result = ProcessRunner.Run("sh", ["-c", "printf 'out'; printf 'err' >&2; exit 1"], folder.FullName, Generous);

        Assert.Equal(new ProcessResult("sh", 1, "out", "err"), result);
    }
}
