using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertKit.Action.Scanning;

/// <summary>
/// The findings a team has accepted when adopting CertKit on an existing codebase: <c>certkit scan --write-baseline FILE</c>
/// writes them, <c>--baseline FILE</c> then reports only the others. Findings are matched by their line-independent
/// fingerprint (<see cref="Sarif.FindingFingerprints"/>), so moving code up or down keeps them matched; editing the flagged
/// line makes a finding new again, on purpose.
/// </summary>
internal sealed class ScanBaseline
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HashSet<string> _fingerprints;

    private ScanBaseline(HashSet<string> fingerprints) => _fingerprints = fingerprints;

    public int Count => _fingerprints.Count;

    public bool Contains(Finding finding) => finding.Fingerprint is { } fingerprint && _fingerprints.Contains(fingerprint);

    /// <summary>Reads a baseline file; a missing or malformed file is a one-line <see cref="CertKitException"/>.</summary>
    public static ScanBaseline Read(string path)
    {
        BaselineDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<BaselineDocument>(stream, Options);
        }
        catch (FileNotFoundException)
        {
            throw new CertKitException($"--baseline: the file '{path}' does not exist (write one with --write-baseline)");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CertKitException($"--baseline: the file '{path}' does not exist (write one with --write-baseline)");
        }
        catch (JsonException exception)
        {
            throw new CertKitException($"--baseline: '{path}' is not a CertKit baseline ({exception.Message.Split('.')[0]})");
        }

        if (document?.Findings is null || document.Version != FormatVersion)
        {
            throw new CertKitException($"--baseline: '{path}' is not a CertKit baseline (expected version {FormatVersion} with a findings list)");
        }

        return new ScanBaseline(document.Findings
            .Select(f => f.Fingerprint)
            .Where(f => !string.IsNullOrEmpty(f))
            .ToHashSet(StringComparer.Ordinal)!);
    }

    /// <summary>Writes the reported findings of <paramref name="report"/> (and those already in its baseline) to <paramref name="path"/>.</summary>
    public static int Write(ScanReport report, string path)
    {
        var accepted = report.Findings.Concat(report.InBaseline)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .Select(f => new BaselineEntry(f.RuleId, f.Path, f.Line, f.Fingerprint!))
            .ToList();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // Written beside the target and moved over it: a failed write never leaves half a baseline.
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, new BaselineDocument(FormatVersion, Sarif.FindingFingerprints.Key, accepted), Options);
        }

        File.Move(temporary, full, overwrite: true);
        return accepted.Count;
    }

    /// <summary>
    /// The report with the findings of this baseline moved to <see cref="ScanReport.InBaseline"/> and every finding marked
    /// new or unchanged.
    /// </summary>
    public ScanReport Apply(ScanReport report, string path)
    {
        var reported = new List<Finding>();
        var unchanged = new List<Finding>();
        foreach (var finding in report.Findings.Concat(report.InBaseline))
        {
            if (Contains(finding))
            {
                unchanged.Add(finding with { Baseline = BaselineState.Unchanged });
            }
            else
            {
                reported.Add(finding with { Baseline = BaselineState.New });
            }
        }

        return report with
        {
            Findings = reported,
            InBaseline = unchanged,
            Suppressed = report.Suppressed.Select(f => f with { Baseline = Contains(f) ? BaselineState.Unchanged : BaselineState.New }).ToList(),
            BaselineFile = path,
        };
    }

    private sealed record BaselineDocument(int Version, string FingerprintKind, List<BaselineEntry>? Findings);

    /// <summary>Rule, path and line say what the finding was, for a reviewer of the file; only the fingerprint matches.</summary>
    private sealed record BaselineEntry(string RuleId, string Path, int Line, string Fingerprint);
}
