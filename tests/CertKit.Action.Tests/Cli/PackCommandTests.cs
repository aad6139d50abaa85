using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CertKit.Action.Tests.Samples;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Cli;

/// <summary>
/// <c>certkit pack</c> through the real entry point on the sample histories (samples/*/history, as samples/demo.sh builds
/// them): every part is written, to the folder and the archive, and says what <c>check</c>, <c>decide</c> and
/// <c>endpoints</c> say when run on their own; bad input is one line and writes nothing.
/// </summary>
public sealed class PackCommandTests
{
    private static readonly string[] Parts =
    [
        "README.md", "certkit-pack.json", "coverage.json", "decision.json", "decision.md", "endpoints.json", "endpoints.md",
        "findings.md", "findings.sarif", "program.json", "readiness.json", "readiness.md", "scopes.json",
    ];

    [Theory]
    [InlineData("venafi-connector", "CyberArk", "venafi")]
    [InlineData("adobe-sign-connector", "acrobat-sign", "adobe-sign")]
    public void The_pack_of_a_sample_holds_every_part_and_agrees_with_check_decide_and_endpoints(string sample, string programName, string program)
    {
        using var repository = SampleHistoriesTests.Build(sample, tagLast: false);
        using var output = TempRepository.Create(git: false);
        var pack = Path.Combine(output.Root, "pack");

        var run = CertkitProcess.Run(output.Root, "pack", repository.Path, "--program", programName, "--out", pack);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(string.Empty, run.StandardError);
        Assert.EndsWith($"Pack written to {pack} and {pack}.zip\n", run.StandardOutput.ReplaceLineEndings("\n"));
        Assert.Equal(Parts, Directory.GetFiles(pack).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The same content as each command run on its own.
        var check = CertkitProcess.Run(output.Root, "check", repository.Path, "--program", program, "--json", "--fail-on", "never");
        var decide = CertkitProcess.Run(output.Root, "decide", "--repo", repository.Path, "--program", program, "--json");
        var endpoints = CertkitProcess.Run(output.Root, "endpoints", repository.Path, "--json");
        Assert.Equal(check.StandardOutput, File.ReadAllText(Path.Combine(pack, "readiness.json")));
        Assert.Equal(decide.StandardOutput, File.ReadAllText(Path.Combine(pack, "decision.json")));
        Assert.Equal(endpoints.StandardOutput, File.ReadAllText(Path.Combine(pack, "endpoints.json")));

        // The index names every part and what produced it; the manifest's hashes are the files'.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "certkit-pack.json")));
        var root = manifest.RootElement;
        Assert.Equal(program, root.GetProperty("program").GetString());
        Assert.Equal(repository.Git("rev-parse", "HEAD").Trim(), root.GetProperty("commit").GetString());
        Assert.False(root.GetProperty("uncommittedChanges").GetBoolean());
        Assert.Empty(root.GetProperty("omitted").EnumerateArray());
        var listed = root.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(Parts.Where(part => part != "certkit-pack.json"), listed.Select(part => part.GetProperty("file").GetString()!).Order(StringComparer.Ordinal));
        var index = File.ReadAllText(Path.Combine(pack, "README.md"));
        foreach (var part in listed)
        {
            var file = part.GetProperty("file").GetString()!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(pack, file)))), part.GetProperty("sha256").GetString());
            Assert.StartsWith("certkit ", part.GetProperty("producedBy").GetString());
            Assert.Contains($"`{file}`", index);
        }

        using var decision = JsonDocument.Parse(decide.StandardOutput);
        Assert.Equal(decision.RootElement.GetProperty("recertificationRequired").GetBoolean(), root.GetProperty("recertificationRequired").GetBoolean());
        using var inventory = JsonDocument.Parse(endpoints.StandardOutput);
        Assert.Equal(inventory.RootElement.GetProperty("endpoints").GetArrayLength(), root.GetProperty("endpoints").GetInt32());

        // The scopes part carries the decision's comparison; the program part every requirement with its source.
        using var scopes = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "scopes.json")));
        Assert.Equal(
            decision.RootElement.GetProperty("scopes").GetProperty("added").EnumerateArray().Select(scope => scope.GetString()),
            scopes.RootElement.GetProperty("comparison").GetProperty("added").EnumerateArray().Select(scope => scope.GetString()));
        // The Adobe Sign sample's patch adds a scope (a permission change).
        Assert.Equal(program == "adobe-sign" ? ["agreement_send:account"] : [], scopes.RootElement.GetProperty("comparison").GetProperty("added").EnumerateArray().Select(scope => scope.GetString()));
        using var programs = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "program.json")));
        var requirements = programs.RootElement.GetProperty("programs")[0].GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(CertKit.Action.Programs.ProgramRegistry.Find(program)!.Requirements.Select(r => r.Id), requirements.Select(r => r.GetProperty("id").GetString()));

        // The archive holds the same files, byte for byte.
        using var zip = ZipFile.OpenRead(pack + ".zip");
        Assert.Equal(Parts, zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(pack, entry.FullName)), copy.ToArray());
        }
    }

    [Fact]
    public void A_folder_without_a_release_history_gets_a_pack_that_says_why_the_decision_is_missing()
    {
        using var folder = TempRepository.Create(git: false);
        File.WriteAllText(Path.Combine(folder.Root, "README.md"), "# An integration\n");
        using var output = TempRepository.Create(git: false);
        var pack = Path.Combine(output.Root, "pack");

        var run = CertkitProcess.Run(output.Root, "pack", folder.Root, "--program", "venafi", "--out", pack);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.False(File.Exists(Path.Combine(pack, "decision.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "certkit-pack.json")));
        var omitted = Assert.Single(manifest.RootElement.GetProperty("omitted").EnumerateArray());
        Assert.Equal("decision.md, decision.json", omitted.GetProperty("part").GetString());
        Assert.Contains("not a git repository", omitted.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("recertificationRequired").ValueKind);
        Assert.Contains("## Not included", File.ReadAllText(Path.Combine(pack, "README.md")));
    }

    [Fact]
    public void Bad_input_is_one_line_and_writes_nothing()
    {
        using var folder = TempRepository.Create(git: false);
        File.WriteAllText(Path.Combine(folder.Root, "README.md"), "# An integration\n");
        using var output = TempRepository.Create(git: false);
        var file = Path.Combine(output.Root, "taken");
        File.WriteAllText(file, "mine");
        var foreign = Path.Combine(output.Root, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");

        var onFile = CertkitProcess.Run(output.Root, "pack", folder.Root, "--program", "venafi", "--out", file);
        var onForeign = CertkitProcess.Run(output.Root, "pack", folder.Root, "--program", "venafi", "--out", foreign);
        var missing = CertkitProcess.Run(output.Root, "pack", Path.Combine(folder.Root, "nope"), "--program", "venafi", "--out", Path.Combine(output.Root, "p"));
        var unknown = CertkitProcess.Run(output.Root, "pack", folder.Root, "--program", "nosuch");

        Assert.Equal((1, $"certkit pack: --out '{file}' is a file; give the folder to write the pack to"), (onFile.ExitCode, Assert.Single(onFile.ErrorLines)));
        Assert.Equal((1, $"certkit pack: --out '{foreign}' is a folder that holds something other than a CertKit pack; give a new or empty folder"), (onForeign.ExitCode, Assert.Single(onForeign.ErrorLines)));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", Assert.Single(missing.ErrorLines));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.Equal(["notes.txt"], Directory.GetFiles(foreign).Select(Path.GetFileName));
        Assert.Equal(["foreign", "taken"], Directory.GetFileSystemEntries(output.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
