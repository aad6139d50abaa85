using System.Security.Cryptography;
using System.Text;
using CertKit.Action.Scanning;

namespace CertKit.Action.Sarif;

/// <summary>
/// Fingerprints that identify a finding across runs without line numbers: the rule, the file, the flagged line's text with
/// its whitespace normalised, and which occurrence of that same line text it is in the file. Inserting or removing lines
/// above a finding does not change it; editing the flagged line does.
/// </summary>
internal static class FindingFingerprints
{
    public const string Key = "certkitLineHash/v1";

    /// <summary>One fingerprint per finding, in the order given.</summary>
    public static IReadOnlyList<string> Compute(IReadOnlyList<Finding> findings)
    {
        var occurrences = new Dictionary<(string Rule, string Path, string Line), int>();
        var order = Enumerable.Range(0, findings.Count)
            .OrderBy(i => findings[i].Path, StringComparer.Ordinal)
            .ThenBy(i => findings[i].Line)
            .ThenBy(i => findings[i].Column);
        var fingerprints = new string[findings.Count];
        foreach (var index in order)
        {
            var finding = findings[index];
            var key = (finding.RuleId, finding.Path, NormalizeLine(finding.LineText));
            var occurrence = occurrences.GetValueOrDefault(key);
            occurrences[key] = occurrence + 1;
            var material = string.Join('\0', finding.RuleId, finding.Path, key.Item3, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fingerprints[index] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)), 0, 16);
        }

        return fingerprints;
    }

    /// <summary>Trims the line and collapses runs of whitespace, so re-indentation keeps the fingerprint.</summary>
    public static string NormalizeLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
