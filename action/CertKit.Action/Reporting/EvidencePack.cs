using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertKit.Action.Decision;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Programs;
using CertKit.Action.Readiness;
using CertKit.Action.Sarif;
using CertKit.Action.Scanning;
using CertKit.Action.Scopes;
using CertKit.Action.Versioning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Reporting;

/// <summary>Everything the pack holds, each computed by the code path of the command it mirrors (one workspace for the folder).</summary>
internal sealed record EvidencePackInput
{
    /// <summary>The program's id (<c>venafi</c>), as <c>--program</c> resolves it.</summary>
    public required string Program { get; init; }

    public required string ProgramName { get; init; }

    /// <summary>The built-in program (its requirements, sources and dates), or null for <c>custom</c>.</summary>
    public CertificationProgram? Definition { get; init; }

    public required RepositoryWorkspace Workspace { get; init; }

    public required ReadinessReport Readiness { get; init; }

    /// <summary>The whole repository's scan (the SARIF and the findings by rule).</summary>
    public required ScanReport Scan { get; init; }

    public required EndpointReport Endpoints { get; init; }

    /// <summary>The re-certification decision, or null with <see cref="DecisionNotMadeBecause"/>.</summary>
    public RecertificationDecision? Decision { get; init; }

    public string? DecisionNotMadeBecause { get; init; }

    public required StalenessRule Staleness { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The commit the folder is at (null outside git), and whether the work tree differs from it.</summary>
    public string? Commit { get; init; }

    public bool UncommittedChanges { get; init; }
}

/// <summary>One file of the pack: what it holds and the command that prints the same content.</summary>
internal sealed record PackPart(string File, string Title, string ProducedBy, byte[] Content);

/// <summary>
/// The evidence pack a partner attaches to a submission: one folder (and the same files as <c>FOLDER.zip</c> beside it)
/// with the readiness table, the decision and the changes since the certified (or previous) version, the endpoint
/// inventory, the OAuth scopes, the findings by rule with the SARIF, the coverage, the program's requirements with their
/// sources and dates, and an index (<c>README.md</c>, and <see cref="ManifestFile"/> for machines) naming what produced
/// each part. Every part is written by the same writer as the command it names, so the pack and the commands agree.
/// </summary>
internal static class EvidencePack
{
    public const string ManifestFile = "certkit-pack.json";
    public const string IndexFile = "README.md";

    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tool's version, as the SARIF names it.</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(EvidencePack).Assembly.GetName().Version ?? new Version(0, 0, 0);
            return $"{version.Major}.{version.Minor}.{version.Build}";
        }
    }

    /// <summary>The parts, in the order the index lists them, then the index itself and the manifest.</summary>
    public static IReadOnlyList<PackPart> Build(EvidencePackInput input)
    {
        var program = input.Program;
        var parts = new List<PackPart>
        {
            Text("readiness.md", "Readiness: each requirement of the program's review, passed, failed or manual, with evidence (Markdown)", $"certkit check --program {program} --markdown readiness.md", ReadinessWriters.Markdown(input.Readiness)),
            Text("readiness.json", "Readiness (JSON), with each requirement's source and the coverage the checks rest on", $"certkit check --program {program} --json", ReadinessWriters.Json(input.Readiness) + "\n"),
        };
        var omitted = new List<(string Part, string Reason)>();
        if (input.Decision is { } decision)
        {
            parts.Add(Text("decision.md", "Re-certification decision and the changes since the compared version (API, routes, endpoints, contract, scopes) with file and line", $"certkit decide --program {program}", DecisionMarkdown(decision)));
            parts.Add(Text("decision.json", "Re-certification decision with its evidence (JSON)", $"certkit decide --program {program} --json", DecisionJson.Render(decision) + "\n"));
        }
        else
        {
            omitted.Add(("decision.md, decision.json", input.DecisionNotMadeBecause ?? "no decision was made"));
        }

        parts.Add(Text("endpoints.md", "Endpoint inventory: every outbound endpoint and VCert command, with call sites (Markdown)", "certkit endpoints --markdown endpoints.md", EndpointMarkdown.Render(input.Endpoints)));
        parts.Add(Text("endpoints.json", "Endpoint inventory (JSON)", "certkit endpoints --json", EndpointJson.Render(input.Endpoints) + "\n"));
        parts.Add(Text("scopes.json", "OAuth scopes the code requests, and the comparison the decision made", $"certkit decide --program {program} --json (scopes) and the folder's scope literals", ScopesJson(input)));
        parts.Add(Text("findings.md", "Findings of the CertKit rules, by rule", "certkit scan", FindingsMarkdown(input.Scan)));
        parts.Add(new PackPart("findings.sarif", "Findings as SARIF 2.1.0 (for code scanning or a reviewer's viewer)", "certkit scan --sarif findings.sarif", Sarif(input.Scan)));
        if (input.Scan.Coverage is { } coverage)
        {
            parts.Add(Text("coverage.json", "What the analysis read and did not: languages, file kinds, projects, gaps", "certkit scan --json (coverage)", JsonSerializer.Serialize(CoverageJson.Of(coverage), IndentedJson) + "\n"));
        }
        else
        {
            omitted.Add(("coverage.json", "the scan reported no coverage"));
        }

        if (input.Definition is { } definition)
        {
            parts.Add(Text("program.json", "The program's requirements, each with its source and the day it was last verified", "certkit programs --json", ProgramWriters.Json([definition], input.Staleness) + "\n"));
        }
        else
        {
            omitted.Add(("program.json", "a custom program's requirements are its checks' own: each with its source in readiness.json"));
        }

        parts.Insert(0, Text(IndexFile, "This index", "certkit pack", Index(input, parts, omitted)));
        parts.Add(Text(ManifestFile, "The index for machines: every part with what produced it and its SHA-256", "certkit pack", Manifest(input, parts, omitted)));
        return parts;
    }

    /// <summary>
    /// Fails early (before the analysis) when <paramref name="folder"/> cannot take a pack: a file, or a folder holding
    /// something other than an earlier pack (which is replaced; anything else is left alone).
    /// </summary>
    public static void RequireOutput(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(full))
        {
            throw new CertKitException($"--out '{folder}' is a file; give the folder to write the pack to");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, ManifestFile)))
        {
            throw new CertKitException($"--out '{folder}' is a folder that holds something other than a CertKit pack; give a new or empty folder");
        }

        if (Directory.Exists(full + ".zip"))
        {
            throw new CertKitException($"'{folder}.zip' is a folder; the pack's archive cannot be written there");
        }

        var parent = Path.GetDirectoryName(full)!;
        if (File.Exists(parent))
        {
            throw new CertKitException($"--out '{folder}': '{Path.GetDirectoryName(folder)}' is a file, not a folder");
        }
    }

    /// <summary>
    /// Writes the pack to <paramref name="folder"/> and <c>folder.zip</c>: all files go to a temporary folder beside it
    /// first, then replace an earlier pack in one move, so a failure leaves no half-written pack. Returns the archive's path.
    /// </summary>
    public static string Write(IReadOnlyList<PackPart> parts, string folder)
    {
        RequireOutput(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var temporary = Path.Combine(parent, $".{name}.certkit-{Guid.NewGuid():N}.tmp");
        var temporaryZip = temporary + ".zip";
        var zip = full + ".zip";
        try
        {
            Directory.CreateDirectory(temporary);
            foreach (var part in parts)
            {
                File.WriteAllBytes(Path.Combine(temporary, part.File), part.Content);
            }

            ZipFile.CreateFromDirectory(temporary, temporaryZip, CompressionLevel.Optimal, includeBaseDirectory: false);
            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }

            Directory.Move(temporary, full);
            File.Move(temporaryZip, zip, overwrite: true);
            return zip;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary, temporaryZip);
            throw new CertKitException($"the pack '{folder}' cannot be written: {CertKitException.OneLine(exception.Message.Replace(temporary, folder, StringComparison.Ordinal))}");
        }
    }

    private static PackPart Text(string file, string title, string producedBy, string content) => new(file, title, producedBy, Utf8.GetBytes(content));

    private static string DecisionMarkdown(RecertificationDecision decision)
    {
        var text = new StringBuilder();
        text.Append("# Re-certification decision: ").Append(decision.ProgramName).Append("\n\n```text\n").Append(DecisionText.Render(decision).ReplaceLineEndings("\n")).Append("```\n");
        var evidence = EvidenceReporting.Markdown(decision, "## Changes since " + (decision.Evidence?.ComparedWith ?? "the compared version"));
        if (evidence.Length > 0)
        {
            text.Append('\n').Append(evidence);
        }
        else if (decision.EvidenceNotGatheredBecause is { } why)
        {
            text.Append("\nNo evidence gathered: ").Append(why).Append(".\n");
        }

        return text.ToString();
    }

    private static string ScopesJson(EvidencePackInput input)
    {
        var requested = ScopeDiscovery.Discover(input.Workspace);
        var comparison = input.Decision?.Scopes;
        return JsonSerializer.Serialize(
            new
            {
                requested = new { scopes = requested.Scopes, origin = requested.Origin },
                comparison = comparison is null ? null : new
                {
                    compared = comparison.Compared,
                    notComparedBecause = comparison.NotComparedBecause,
                    @base = comparison.Base is null ? null : new { scopes = comparison.Base.Scopes, origin = comparison.Base.Origin },
                    head = comparison.Head is null ? null : new { scopes = comparison.Head.Scopes, origin = comparison.Head.Origin },
                    added = comparison.Added,
                    removed = comparison.Removed,
                },
            },
            IndentedJson) + "\n";
    }

    private static string FindingsMarkdown(ScanReport scan) =>
        "# Findings\n\n" + ScanSummary.IssueSection(new GitHubAction.ActionScanResult(scan, scan.Findings, null) { FullScan = scan });

    private static byte[] Sarif(ScanReport scan)
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(scan, stream);
        return stream.ToArray();
    }

    private static string Index(EvidencePackInput input, IReadOnlyList<PackPart> parts, IReadOnlyList<(string Part, string Reason)> omitted)
    {
        var text = new StringBuilder();
        text.Append("# CertKit evidence pack: ").Append(input.ProgramName).Append("\n\n");
        text.Append("- Repository folder: `").Append(Path.GetFileName(input.Workspace.SourceRoot)).Append('`');
        text.Append(input.Commit is null ? " (not a git work tree)" : $" at commit `{input.Commit}`");
        if (input.UncommittedChanges)
        {
            text.Append(" with uncommitted changes (readiness, endpoints, scopes and findings read the work tree; the decision reads the commits)");
        }

        text.Append("\n- Created: ").Append(input.Created.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append(" by certkit ").Append(ToolVersion).Append('\n');
        text.Append("- Readiness: ").Append(ReadinessWriters.Headline(input.Readiness)).Append('\n');
        text.Append("- Decision: ");
        if (input.Decision is { } decision)
        {
            text.Append(decision.RecertificationRequired ? "re-certification required" : "no re-certification required").Append(" for ").Append(VersionText.Format(decision.Version));
            text.Append(decision.Certified is { } certified ? $" ({certified.Statement})" : string.Empty).Append('\n');
        }
        else
        {
            text.Append("not made: ").Append(input.DecisionNotMadeBecause).Append('\n');
        }

        text.Append("- Endpoints: ").Append(input.Endpoints.Endpoints.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("- Findings: ").Append(input.Scan.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (input.Definition is { } definition)
        {
            text.Append("- Submission: ").Append(definition.Submission).Append('\n');
        }

        text.Append("\n## Parts\n\n| File | What | Produced by (the same content) |\n|---|---|---|\n");
        text.Append("| `").Append(IndexFile).Append("` | This index | `certkit pack` |\n");
        foreach (var part in parts)
        {
            text.Append("| [`").Append(part.File).Append("`](").Append(part.File).Append(") | ").Append(ReadinessWriters.Cell(part.Title)).Append(" | `").Append(part.ProducedBy).Append("` |\n");
        }

        text.Append("| `").Append(ManifestFile).Append("` | The index for machines: every part with what produced it and its SHA-256 | `certkit pack` |\n");
        if (omitted.Count > 0)
        {
            text.Append("\n## Not included\n\n");
            foreach (var (part, reason) in omitted)
            {
                text.Append("- `").Append(part).Append("`: ").Append(reason).Append('\n');
            }
        }

        if (input.Definition is { } program)
        {
            text.Append("\n## The program's requirements and their sources\n\n| Requirement | Source | Verified |\n|---|---|---|\n");
            foreach (var requirement in program.Requirements)
            {
                var source = requirement.Source;
                var where = source.Url is null ? ReadinessWriters.Cell(source.Title) : $"[{ReadinessWriters.Cell(source.Title)}]({source.Url})";
                var stale = input.Staleness.Describe(source) is { } line ? $" ({ReadinessWriters.Cell(line)})" : string.Empty;
                text.Append("| `").Append(requirement.Id).Append("` | ").Append(where).Append(" | ").Append(source.VerifiedText).Append(stale).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Manifest(EvidencePackInput input, IReadOnlyList<PackPart> parts, IReadOnlyList<(string Part, string Reason)> omitted)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "certkit");
            json.WriteString("toolVersion", ToolVersion);
            json.WriteString("program", input.Program);
            json.WriteString("programName", input.ProgramName);
            json.WriteString("commit", input.Commit);
            json.WriteBoolean("uncommittedChanges", input.UncommittedChanges);
            json.WriteString("created", input.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteBoolean("ready", input.Readiness.Ready);
            if (input.Decision is { } decision)
            {
                json.WriteBoolean("recertificationRequired", decision.RecertificationRequired);
                json.WriteString("version", VersionText.Format(decision.Version));
            }
            else
            {
                json.WriteNull("recertificationRequired");
                json.WriteNull("version");
            }

            json.WriteNumber("endpoints", input.Endpoints.Endpoints.Count);
            json.WriteNumber("findings", input.Scan.Findings.Count);
            json.WriteStartArray("parts");
            foreach (var part in parts)
            {
                json.WriteStartObject();
                json.WriteString("file", part.File);
                json.WriteString("title", part.Title);
                json.WriteString("producedBy", part.ProducedBy);
                json.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(part.Content)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("omitted");
            foreach (var (part, reason) in omitted)
            {
                json.WriteStartObject();
                json.WriteString("part", part);
                json.WriteString("reason", reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Utf8.GetString(buffer.ToArray()) + "\n";
    }

    private static void TryDelete(string folder, string file)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // nothing more to do: the message already says the write failed
        }
    }
}
