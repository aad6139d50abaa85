using System.Text.Json;
using System.Text.RegularExpressions;
using Semver;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>runtime</c>: every Connect application asks for a runtime Connect builds with (<see cref="ConnectRuntimes"/>). A Node.js
/// application's <c>engines.node</c> (else its <c>.nvmrc</c> or <c>.node-version</c>, its own or the repository's) must admit a
/// supported major; one that admits none fails, one that also admits unsupported majors is a warning. A Java application's
/// <c>pom.xml</c> release (<c>maven.compiler.release</c>, <c>maven.compiler.source</c> or <c>java.version</c>) must be a
/// supported major. An application that declares nothing is built with Connect's default: passed, with a warning.
/// </summary>
internal sealed partial class RuntimeCheck : IReadinessCheck
{
    // Node's LTS code names (.nvmrc "lts/jod"), by major.
    private static readonly Dictionary<string, int> LtsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["argon"] = 4, ["boron"] = 6, ["carbon"] = 8, ["dubnium"] = 10, ["erbium"] = 12, ["fermium"] = 14,
        ["gallium"] = 16, ["hydrogen"] = 18, ["iron"] = 20, ["jod"] = 22, ["krypton"] = 24,
    };

    // Node.js majors the ranges are probed for (0 to 39: well past any release).
    private const int ProbedMajors = 40;

    private readonly ConnectRuntimes runtimes;

    public RuntimeCheck()
        : this(ConnectRuntimes.Supported)
    {
    }

    public RuntimeCheck(ConnectRuntimes runtimes)
    {
        this.runtimes = runtimes;
    }

    public string Id => "runtime";

    public string Requirement => "Every application runs on a runtime the platform supports.";

    [GeneratedRegex(@"\d+\.\d+\.\d+")]
    private static partial Regex FullVersionPattern();

    [GeneratedRegex(@"<(maven\.compiler\.release|maven\.compiler\.source|java\.version|release)>\s*(?:1\.)?(\d+)\s*</")]
    private static partial Regex JavaReleasePattern();

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        var problems = new List<string>();
        var unknown = new List<string>();
        var evidence = new List<string>();
        var warnings = new List<string>();
        var node = string.Join(" or ", runtimes.NodeMajors);
        foreach (var application in manifest.Applications)
        {
            var folder = application.Name;
            if (context.Files.Contains(folder + "/pom.xml"))
            {
                JudgeJava(context, folder + "/pom.xml", problems, evidence, warnings);
                continue;
            }

            if (!context.Files.Contains(folder + "/package.json"))
            {
                unknown.Add($"{folder}/: neither package.json nor pom.xml, so the runtime it asks for cannot be read");
                continue;
            }

            var (source, range) = NodeDeclaration(context, folder);
            if (range is null)
            {
                evidence.Add($"{folder}/package.json: no engines.node, .nvmrc or .node-version: Connect builds it with its default Node.js ({node})");
                warnings.Add($"{folder}/package.json: declare engines.node (e.g. \"{runtimes.NodeMajors[^1]}.x\") so the Node.js version tested is the one Connect runs");
                continue;
            }

            if (!TryParseNode(range, out var parsed, out var floating))
            {
                unknown.Add($"{source}: '{range}' {(floating ? "moves with Node.js releases" : "is not a Node.js version range")}, so the major it asks for cannot be judged");
                continue;
            }

            var probes = Probes(range);
            var admitted = Enumerable.Range(0, ProbedMajors).Where(major => probes.Any(probe => probe.Major == major && parsed.Contains(probe))).ToList();
            var supported = admitted.Where(runtimes.NodeMajors.Contains).ToList();
            if (supported.Count == 0)
            {
                problems.Add($"{source}: Node.js '{range}' admits {Majors(admitted)}; Connect runs only Node.js {node}");
                continue;
            }

            evidence.Add($"{source}: Node.js '{range}' admits {Majors(supported)}, which Connect runs");
            var unsupported = admitted.Except(runtimes.NodeMajors).ToList();
            if (unsupported.Count > 0)
            {
                warnings.Add($"{source}: Node.js '{range}' also admits {Majors(unsupported)}, which Connect does not run");
            }
        }

        if (problems.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Failed([.. problems, .. unknown], warnings));
        }

        return Task.FromResult(unknown.Count > 0 ? CheckOutcome.Manual([.. unknown, .. evidence], warnings) : CheckOutcome.Passed(evidence, warnings));
    }

    private void JudgeJava(CheckContext context, string pom, List<string> problems, List<string> evidence, List<string> warnings)
    {
        var java = string.Join(" or ", runtimes.JavaMajors);
        var text = context.ReadText(pom) ?? string.Empty;
        var match = JavaReleasePattern().Match(text);
        if (!match.Success)
        {
            evidence.Add($"{pom}: no Java release declared: Connect builds it with its default Java ({java})");
            warnings.Add($"{pom}: declare maven.compiler.release ({java}) so the Java version tested is the one Connect runs");
            return;
        }

        var line = text[..match.Index].Count(c => c == '\n') + 1;
        var major = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (runtimes.JavaMajors.Contains(major))
        {
            evidence.Add($"{pom}:{line}: {match.Groups[1].Value} {major}, which Connect runs");
        }
        else
        {
            problems.Add($"{pom}:{line}: {match.Groups[1].Value} {major}; Connect runs only Java {java}");
        }
    }

    // engines.node of the application's package.json, else .nvmrc/.node-version in its folder, else at the root.
    private static (string Source, string? Range) NodeDeclaration(CheckContext context, string folder)
    {
        var packagePath = folder + "/package.json";
        if (PackageJson.TryRead(context, packagePath) is { } package && package.ValueKind == JsonValueKind.Object
            && package.TryGetProperty("engines", out var engines) && engines.ValueKind == JsonValueKind.Object
            && engines.TryGetProperty("node", out var nodeRange) && nodeRange.ValueKind == JsonValueKind.String)
        {
            return (packagePath + ": engines.node", nodeRange.GetString()!.Trim());
        }

        foreach (var candidate in new[] { folder + "/.nvmrc", folder + "/.node-version", ".nvmrc", ".node-version" })
        {
            if (context.Files.Contains(candidate) && context.ReadText(candidate) is { } text)
            {
                var first = text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0 && !line.StartsWith('#'));
                if (first is not null)
                {
                    return (candidate, first);
                }
            }
        }

        return (packagePath, null);
    }

    private static bool TryParseNode(string range, out SemVersionRange parsed, out bool floating)
    {
        parsed = SemVersionRange.All;
        floating = false;
        var text = range.Trim();
        if (text.StartsWith("lts/", StringComparison.OrdinalIgnoreCase))
        {
            if (LtsNames.TryGetValue(text[4..], out var major))
            {
                text = major.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                floating = true;
                return false;
            }
        }
        else if (text is "node" or "latest" or "stable" or "current" or "*")
        {
            floating = true;
            return false;
        }

        if (text.Length > 1 && (text[0] == 'v' || text[0] == 'V') && char.IsDigit(text[1]))
        {
            text = text[1..];
        }

        if (!SemVersionRange.TryParseNpm(text, out var npmRange))
        {
            return false;
        }

        parsed = npmRange;
        return true;
    }

    // Versions to try against the range: every minor of every major (at .0 and at a late patch), and the versions it names.
    private static List<SemVersion> Probes(string range)
    {
        var probes = new List<SemVersion>();
        for (var major = 0; major < ProbedMajors; major++)
        {
            for (var minor = 0; minor <= 40; minor++)
            {
                probes.Add(new SemVersion(major, minor, 0));
                probes.Add(new SemVersion(major, minor, 99));
            }
        }

        foreach (Match named in FullVersionPattern().Matches(range))
        {
            if (SemVersion.TryParse(named.Value, SemVersionStyles.Strict, out var version))
            {
                probes.Add(version);
            }
        }

        return probes;
    }

    // "major 18", "majors 22, 24", "majors 20, 21, 25 and later": a range open at the top admits every major probed.
    private static string Majors(IReadOnlyList<int> majors)
    {
        if (majors.Count == 0)
        {
            return "no Node.js major";
        }

        var tail = majors.Count;
        if (majors[^1] == ProbedMajors - 1)
        {
            tail = Enumerable.Range(0, majors.Count).First(index => IsTail(majors, index));
        }

        var parts = majors.Take(tail).Select(major => major.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (tail < majors.Count)
        {
            parts.Add($"{majors[tail]} and later");
        }

        return (majors.Count == 1 ? "major " : "majors ") + string.Join(", ", parts);
    }

    // Whether majors[index..] is an unbroken run up to the last probed major.
    private static bool IsTail(IReadOnlyList<int> majors, int index)
    {
        for (var i = index + 1; i < majors.Count; i++)
        {
            if (majors[i] != majors[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }
}
