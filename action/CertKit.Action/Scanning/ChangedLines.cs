using System.Text.RegularExpressions;

namespace CertKit.Action.Scanning;

/// <summary>
/// The lines changed since a base ref: the new-side ranges of <c>git diff --unified=0 REF</c> per file, and untracked
/// files in full. Paths are relative to the repository root, with forward slashes.
/// </summary>
internal sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int Start, int End)>> _ranges;
    private readonly HashSet<string> _wholeFiles;
    private readonly HashSet<string> _deleted;

    private ChangedLines(Dictionary<string, List<(int Start, int End)>> ranges, HashSet<string> wholeFiles, HashSet<string> deleted)
    {
        _ranges = ranges;
        _wholeFiles = wholeFiles;
        _deleted = deleted;
    }

    public int FileCount => _ranges.Count + _wholeFiles.Count;

    /// <summary>Every file with new or changed lines (and untracked files), repository-relative.</summary>
    public IEnumerable<string> Files => _ranges.Keys.Concat(_wholeFiles).Distinct(StringComparer.Ordinal);

    /// <summary>Files the change deletes: they have no lines to report, but a deleted build file still changes how projects build.</summary>
    public IReadOnlySet<string> DeletedFiles => _deleted;

    public bool Contains(string path, int line) =>
        _wholeFiles.Contains(path) || (_ranges.TryGetValue(path, out var ranges) && ranges.Exists(r => line >= r.Start && line <= r.End));

    /// <summary>Parses unified diff text produced with <c>--unified=0 --no-prefix</c> or with the default a/ b/ prefixes.</summary>
    public static ChangedLines Parse(string diff, IEnumerable<string> untrackedFiles)
    {
        var ranges = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        List<(int Start, int End)>? current = null;
        string? oldPath = null;
        foreach (var rawLine in diff.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                oldPath = Unquote(line.Substring(4));
                oldPath = oldPath.StartsWith("a/", StringComparison.Ordinal) ? oldPath.Substring(2) : oldPath;
                continue;
            }

            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line.Substring(4);
                if (path == "/dev/null")
                {
                    // A deleted file has no new lines.
                    if (oldPath is not null && oldPath != "/dev/null")
                    {
                        deleted.Add(oldPath);
                    }

                    current = null;
                    continue;
                }

                path = Unquote(path);
                if (path.StartsWith("b/", StringComparison.Ordinal))
                {
                    path = path.Substring(2);
                }

                if (!ranges.TryGetValue(path, out current))
                {
                    current = new List<(int Start, int End)>();
                    ranges[path] = current;
                }

                continue;
            }

            if (current is null || !line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                continue;
            }

            var hunk = HunkHeader().Match(line);
            if (!hunk.Success)
            {
                continue;
            }

            var start = int.Parse(hunk.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var count = hunk.Groups["count"].Success ? int.Parse(hunk.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (count > 0)
            {
                current.Add((start, start + count - 1));
            }
        }

        return new ChangedLines(ranges, new HashSet<string>(untrackedFiles.Select(p => p.Replace('\\', '/')), StringComparer.Ordinal), deleted);
    }

    /// <summary>Lines changed in the work tree since <paramref name="baseRef"/>, read from git in <paramref name="repositoryRoot"/>.</summary>
    public static async Task<ChangedLines> ReadAsync(string repositoryRoot, string baseRef, CancellationToken cancellationToken)
    {
        var verify = await Git.RunAsync(repositoryRoot, ["rev-parse", "--verify", "--quiet", baseRef + "^{commit}"], cancellationToken).ConfigureAwait(false);
        if (verify.ExitCode != 0)
        {
            throw new CertKitException($"--base: '{baseRef}' is not a commit in this repository");
        }

        var diff = await Git.RunAsync(
            repositoryRoot,
            ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", baseRef, "--"],
            cancellationToken).ConfigureAwait(false);
        if (diff.ExitCode != 0)
        {
            throw new CertKitException($"--base: git diff {baseRef} failed: {diff.FirstErrorLine}");
        }

        var untracked = await Git.RunAsync(repositoryRoot, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], cancellationToken).ConfigureAwait(false);
        return Parse(diff.StandardOutput, Git.SplitNulSeparated(untracked.StandardOutput));
    }

    /// <summary>git quotes paths with unusual characters in C style even with core.quotepath=off ("a\tb").</summary>
    private static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < path.Length - 1; i++)
        {
            var c = path[i];
            if (c != '\\' || i + 1 >= path.Length - 1)
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = path[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case >= '0' and <= '7' when i + 2 < path.Length - 1:
                    bytes.Add(Convert.ToByte(path.Substring(i, 3), 8));
                    i += 2;
                    break;
                default: bytes.Add((byte)next); break;
            }
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(?<start>\d+)(?:,(?<count>\d+))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex HunkHeader();
}
