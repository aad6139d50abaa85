using System.CommandLine;
using System.Text.Json;
using CertKit.Action.Cli;
using CertKit.Action.Tests.Cli;
using CertKit.Action.Tests.Samples;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// <c>certkit endpoints</c> through the real command line parser and command, in process (like the scan's tests: the test
/// output folder takes FileSystemGlobbing from the ASP.NET Core framework, which a child <c>dotnet certkit.dll</c> lacks).
/// </summary>
public sealed class EndpointsCommandTests
{
    private static async Task<CertkitRun> RunAsync(string workingDirectory, params string[] args)
    {
        var root = new RootCommand("certkit (test)") { EndpointsCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parseResult = root.Parse(["endpoints", .. args.Select(a => a.StartsWith('-') || Path.IsPathRooted(a) ? a : Path.Combine(workingDirectory, a))]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);
        return new CertkitRun(Program.ExitCode(parseResult, exitCode), output.ToString(), error.ToString());
    }

    // Written by hand from samples/SampleIntegration: every REST call of its three clients.
    private static readonly (string Method, string Path, string Base, string Site)[] SampleEndpoints =
    [
        ("POST", "/agreements", "AdobeSign:BaseUrl", "samples/SampleIntegration/AdobeSign/AdobeSignClient.cs:53"),
        ("GET", "/agreements/{agreementId}", "AdobeSign:BaseUrl", "samples/SampleIntegration/AdobeSign/AdobeSignClient.cs:35"),
        ("POST", "/oauth/token", "Commercetools:AuthUrl", "samples/SampleIntegration/Commercetools/CommercetoolsClient.cs:59"),
        ("POST", "/oauth/v2/refresh", "AdobeSign:BaseUrl", "samples/SampleIntegration/AdobeSign/AdobeSignClient.cs:85"),
        ("POST", "/outagedetection/v1/certificatesearch", "Venafi:BaseUrl", "samples/SampleIntegration/Venafi/VenafiClient.cs:43"),
        ("GET", "/{projectKey}/orders", "Commercetools:ApiUrl", "samples/SampleIntegration/Commercetools/CommercetoolsClient.cs:32"),
    ];

    [Fact]
    public async Task JsonListsEveryRestCallOfTheSampleIntegrationWithItsLine()
    {
        var run = await RunAsync(SourceTree.Root, "samples/SampleIntegration", "--json");

        Assert.True(run.ExitCode == 0, run.StandardError);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var listed = document.RootElement.GetProperty("endpoints").EnumerateArray()
            .Select(e => (
                e.GetProperty("method").GetString()!,
                e.GetProperty("path").GetString()!,
                e.GetProperty("base").GetString()!,
                string.Join(", ", e.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("file").GetString() + ":" + s.GetProperty("line").GetInt32()))))
            .ToArray();
        Assert.Equal(SampleEndpoints, listed);
        Assert.All(document.RootElement.GetProperty("endpoints").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("expression").ValueKind));

        // The hand-written lines really are the calls.
        foreach (var (_, _, _, site) in SampleEndpoints)
        {
            var (file, line) = (site[..site.LastIndexOf(':')], int.Parse(site[(site.LastIndexOf(':') + 1)..]));
            var text = File.ReadAllLines(Path.Combine(SourceTree.Root, file))[line - 1];
            Assert.Matches(@"HttpRequestMessage\(|_http\.Post", text);
        }
    }

    [Fact]
    public async Task MarkdownIsATableWithOneRowPerEndpoint()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-endpoints-md-");
        try
        {
            var file = Path.Combine(folder.FullName, "endpoints.md");
            var run = await RunAsync(SourceTree.Root, "samples/SampleIntegration", "--markdown", file);

            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Contains("POST /outagedetection/v1/certificatesearch  (base: Venafi:BaseUrl)", run.StandardOutput);
            Assert.Contains("Markdown written to " + file, run.StandardOutput);
            var lines = File.ReadAllLines(file);
            Assert.Equal("## Endpoint inventory", lines[0]);
            var header = Array.IndexOf(lines, "| Method | Path | Base | Call sites |");
            Assert.True(header > 0);
            Assert.Equal("|---|---|---|---|", lines[header + 1]);
            var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToArray();
            Assert.Equal(SampleEndpoints.Length, rows.Length);
            Assert.Contains("| POST | `/outagedetection/v1/certificatesearch` | `Venafi:BaseUrl` | samples/SampleIntegration/Venafi/VenafiClient.cs:43 |", rows);
            Assert.All(rows, r => Assert.Equal(4, r.Split(" | ").Length));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MarkdownIntoAFolderThatDoesNotExistYetCreatesIt()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-endpoints-md-");
        try
        {
            var file = Path.Combine(folder.FullName, "docs", "x.md");
            var run = await RunAsync(folder.FullName, Path.Combine(SourceTree.Root, "samples/SampleIntegration"), "--markdown", "docs/x.md");

            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Equal("## Endpoint inventory", File.ReadLines(file).First());
            Assert.EndsWith("Markdown written to " + file + Environment.NewLine, run.StandardOutput);
            Assert.Equal(["x.md"], Directory.EnumerateFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task JsonWithMarkdownPrintsOnlyTheJsonDocument()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-endpoints-md-");
        try
        {
            var run = await RunAsync(SourceTree.Root, "samples/SampleIntegration", "--json", "--markdown", Path.Combine(folder.FullName, "x.md"));

            Assert.True(run.ExitCode == 0, run.StandardError);
            using var document = JsonDocument.Parse(run.StandardOutput);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "x.md")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MarkdownThatCannotBeWrittenIsOneLineBeforeAnyWork()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-endpoints-md-");
        try
        {
            var blocker = Path.Combine(folder.FullName, "README.md");
            File.WriteAllText(blocker, "# a file where a folder is expected\n");
            var run = await RunAsync(SourceTree.Root, "samples/SampleIntegration", "--markdown", Path.Combine(blocker, "x.md"));

            Assert.Equal(1, run.ExitCode);
            Assert.Equal([$"certkit endpoints: Markdown file '{Path.Combine(blocker, "x.md")}' cannot be written: '{blocker}' is a file, not a folder"], run.ErrorLines);
            Assert.Equal(string.Empty, run.StandardOutput);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MissingFolderIsOneLineAndExitCodeOne()
    {
        var run = await RunAsync(SourceTree.Root, "no/such/folder");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["certkit endpoints: the folder '" + Path.Combine(SourceTree.Root, "no/such/folder") + "' does not exist"], run.ErrorLines);
        Assert.Equal(string.Empty, run.StandardOutput);
    }

    [Fact]
    public async Task UnknownOptionIsBadUsage()
    {
        var run = await RunAsync(SourceTree.Root, "--nope");

        Assert.Equal(2, run.ExitCode);
    }
}
