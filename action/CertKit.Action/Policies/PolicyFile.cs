using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CertKit.Action.Policies;

/// <summary>What may be listed under <c>recertifyOn</c>.</summary>
public enum RecertifyTrigger
{
    Major,
    Minor,
    Patch,
    Prerelease,
    Scopes,
}

/// <summary>
/// The contents of a <c>certkit.yml</c>, validated on load: unknown keys and bad values are one-line errors
/// with the file name and line number. Every key is optional here; <see cref="CustomPolicy"/> says which a
/// custom policy needs, and scope discovery reads only <c>scopes</c>.
/// </summary>
public sealed class PolicyFile
{
    public const string DefaultFileName = "certkit.yml";

    private static readonly string[] Keys = ["program", "recertifyOn", "paths", "tagPattern", "scopes", "zeroMajorMinorIsMajor", "checks", "files", "publicKeys", "certified"];

    private static readonly Dictionary<string, RecertifyTrigger> Triggers = new(StringComparer.Ordinal)
    {
        ["major"] = RecertifyTrigger.Major,
        ["minor"] = RecertifyTrigger.Minor,
        ["patch"] = RecertifyTrigger.Patch,
        ["prerelease"] = RecertifyTrigger.Prerelease,
        ["scopes"] = RecertifyTrigger.Scopes,
    };

    public required string Name { get; init; }

    public string? Program { get; init; }

    public long ProgramLine { get; init; }

    public IReadOnlyList<RecertifyTrigger>? RecertifyOn { get; init; }

    public IReadOnlyList<string> Paths { get; init; } = [];

    public string? TagPattern { get; init; }

    /// <summary>The declared OAuth scopes, or null when the file declares none.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public bool? ZeroMajorMinorIsMajor { get; init; }

    /// <summary>
    /// Each file kind's treatment as <c>KIND=TREATMENT</c> (<c>files: { test: all, vendored: skip }</c>), validated; empty
    /// when the file sets none. Scan and check apply them before the command line's <c>--files</c>.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The readiness checks <c>certkit check --program custom</c> runs, with their lines, or null when none are listed.</summary>
    public IReadOnlyList<(string Id, long Line)>? Checks { get; init; }

    /// <summary>Configuration keys the repository documents as public client-side keys (not credentials), for <c>secured-configuration</c>.</summary>
    public IReadOnlyList<string> PublicKeys { get; init; } = [];
    /// <summary>The last version the program certified (<c>certified: 1.4.0</c>), or null; decide judges against it.</summary>
    public string? Certified { get; init; }

    /// <summary>Reads and validates a policy file from disk.</summary>
    public static PolicyFile Load(string path)
    {
        PathChecks.RequireFile(path, "policy file");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CertKitException($"policy file '{path}' could not be read: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates policy text; <paramref name="name"/> prefixes every error ("certkit.yml:4: …").</summary>
    public static PolicyFile Parse(string text, string name)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (AnchorNotFoundException exception)
        {
            // Aliases are resolved at the end of the document, so YamlDotNet reports the document's start: point at the alias.
            throw new CertKitException($"{name}:{AliasLine(text, exception.Message)}: not valid YAML: {StripPosition(exception.Message)}");
        }
        catch (YamlException exception)
        {
            var inner = exception.InnerException?.Message ?? exception.Message;
            throw new CertKitException($"{name}:{ErrorLine(text, exception)}: not valid YAML: {StripPosition(inner)}");
        }
        catch (ArgumentException)
        {
            // YamlDotNet's document model rejects some shapes it parsed this way (a mapping with an empty key in a list:
            // "- : minor"); the event it rejected closes that node, so the node is the one before it.
            throw new CertKitException($"{name}:{parser.PreviousLine}: not valid here: an empty key, or a mapping where a plain value was expected");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections; report where parsing stopped.
            throw new CertKitException($"{name}:{parser.LastLine}: not valid YAML: an unclosed [ ] or {{ }} list, or a stray quote, after this line");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new CertKitException($"{name}:1: the file is empty (expected keys: {string.Join(", ", Keys)})");
        }

        if (stream.Documents.Count > 1)
        {
            throw new CertKitException($"{name}:{stream.Documents[1].RootNode.Start.Line}: expected one YAML document, found {stream.Documents.Count}");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CertKitException($"{name}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping of keys ({string.Join(", ", Keys)})");
        }

        string? program = null;
        long programLine = 0;
        IReadOnlyList<RecertifyTrigger>? recertifyOn = null;
        IReadOnlyList<string> paths = [];
        string? tagPattern = null;
        IReadOnlyList<string>? scopes = null;
        bool? zeroMajorMinorIsMajor = null;
        IReadOnlyList<(string, long)>? checks = null;
        IReadOnlyList<string> files = [];
        IReadOnlyList<string> publicKeys = [];
        string? certified = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var line = keyNode.Start.Line;
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                throw new CertKitException($"{name}:{line}: unknown key '{key}' (expected one of: {string.Join(", ", Keys)})");
            }

            if (!seen.Add(key))
            {
                throw new CertKitException($"{name}:{line}: key '{key}' appears twice");
            }

            switch (key)
            {
                case "program":
                    program = Scalar(valueNode, name, key);
                    programLine = line;
                    if (!IsProgramName(program))
                    {
                        throw new CertKitException($"{name}:{valueNode.Start.Line}: program '{program}' must be a short name of letters, digits, '-', '_' or '.'");
                    }

                    break;
                case "recertifyOn":
                    recertifyOn = List(valueNode, name, key, allowEmpty: true).Select(item =>
                        Triggers.TryGetValue(item.Value, out var trigger)
                            ? trigger
                            : throw new CertKitException($"{name}:{item.Line}: recertifyOn value '{item.Value}' is not one of: {string.Join(", ", Triggers.Keys)}"))
                        .Distinct()
                        .ToList();
                    break;
                case "paths":
                    paths = List(valueNode, name, key, allowEmpty: false).Select(item => item.Value).ToList();
                    break;
                case "tagPattern":
                    tagPattern = Scalar(valueNode, name, key);
                    if (!tagPattern.Contains(Versioning.TagPattern.Placeholder, StringComparison.Ordinal))
                    {
                        throw new CertKitException($"{name}:{valueNode.Start.Line}: tagPattern '{tagPattern}' has no {Versioning.TagPattern.Placeholder} placeholder (e.g. connector-a/v{Versioning.TagPattern.Placeholder})");
                    }

                    break;
                case "scopes":
                    scopes = List(valueNode, name, key, allowEmpty: true).Select(item => item.Value).ToList();
                    break;
                case "checks":
                    checks = List(valueNode, name, key, allowEmpty: false);
                    break;
                case "files":
                    files = FileTreatmentsOf(valueNode, name);
                    break;
                case "publicKeys":
                    publicKeys = List(valueNode, name, key, allowEmpty: true).Select(item => item.Value).ToList();
                    break;
                case "certified":
                    certified = Scalar(valueNode, name, key);
                    if (Versioning.VersionText.TryParse(certified) is null)
                    {
                        throw new CertKitException($"{name}:{valueNode.Start.Line}: certified '{certified}' is not a version (e.g. certified: 1.4.0)");
                    }

                    break;
                case "zeroMajorMinorIsMajor":
                    var flag = Scalar(valueNode, name, key);
                    zeroMajorMinorIsMajor = flag switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => throw new CertKitException($"{name}:{valueNode.Start.Line}: zeroMajorMinorIsMajor must be true or false, not '{flag}'"),
                    };
                    break;
            }
        }

        return new PolicyFile
        {
            Name = name,
            Program = program,
            ProgramLine = programLine,
            RecertifyOn = recertifyOn,
            Paths = paths,
            TagPattern = tagPattern,
            Certified = certified,
            Scopes = scopes,
            ZeroMajorMinorIsMajor = zeroMajorMinorIsMajor,
            Checks = checks,
            Files = files,
            PublicKeys = publicKeys,
        };
    }

    private static List<string> FileTreatmentsOf(YamlNode node, string name)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new CertKitException($"{name}:{node.Start.Line}: files must be a mapping of kind to treatment, e.g. files: {{ test: all, vendored: skip }}");
        }

        var settings = new List<string>();
        foreach (var (kindNode, treatmentNode) in mapping.Children)
        {
            var kind = Scalar(kindNode, name, "files");
            var treatment = Scalar(treatmentNode, name, "files." + kind);
            var setting = $"{kind}={treatment}";
            Workspace.FileTreatments.Default.Apply([setting], $"{name}:{kindNode.Start.Line}");
            settings.Add(setting);
        }

        return settings;
    }

    private static bool IsProgramName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Scalar(YamlNode node, string name, string key)
    {
        if (node is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value.Trim();
        }

        throw new CertKitException($"{name}:{node.Start.Line}: {key} must be a single non-empty value");
    }

    private static List<(string Value, long Line)> List(YamlNode node, string name, string key, bool allowEmpty)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new CertKitException($"{name}:{node.Start.Line}: {key} must be a list, e.g. {key}: [a, b]");
        }

        var items = new List<(string, long)>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
            {
                throw new CertKitException($"{name}:{item.Start.Line}: every {key} entry must be a non-empty text value");
            }

            items.Add((scalar.Value.Trim(), item.Start.Line));
        }

        if (items.Count == 0 && !allowEmpty)
        {
            throw new CertKitException($"{name}:{node.Start.Line}: {key} must not be empty (leave the key out to mean the whole repository)");
        }

        return items;
    }

    /// <summary>
    /// The line of a YAML error, corrected where YamlDotNet's position is not the culprit's: a tab in the indentation is
    /// reported at the enclosing mapping's start, and an error at the end of the stream past the last line of text.
    /// </summary>
    private static long ErrorLine(string text, YamlException exception)
    {
        var lines = text.Split('\n');
        if (exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var indentation = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
                if (indentation.Contains('\t'))
                {
                    return i + 1;
                }
            }
        }

        var lastContentLine = Array.FindLastIndex(lines, line => !string.IsNullOrWhiteSpace(line)) + 1;
        return Math.Max(1, Math.Min(exception.Start.Line, lastContentLine));
    }

    /// <summary>The first line using the alias named in "The anchor 'b' does not exists" (<c>*b</c>), else 1.</summary>
    private static long AliasLine(string text, string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        if (end <= start + 1)
        {
            return 1;
        }

        var alias = "*" + message[(start + 1)..end];
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(alias, StringComparison.Ordinal);
            var after = at + alias.Length;
            if (at >= 0 && (after == lines[i].Length || lines[i][after] is ' ' or ',' or ']' or '}' or '\r' or '\t'))
            {
                return i + 1;
            }
        }

        return 1;
    }

    /// <summary>Remembers how far parsing got, for errors that come without a position.</summary>
    private sealed class PositionTrackingParser(IParser inner) : IParser
    {
        public long LastLine { get; private set; } = 1;

        /// <summary>The line where the event before the current one started.</summary>
        public long PreviousLine { get; private set; } = 1;

        /// <summary>The line where the current event starts (1 before the first).</summary>
        public long CurrentLine => inner.Current?.Start.Line ?? LastLine;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is not null)
            {
                PreviousLine = inner.Current.Start.Line;
            }

            var moved = inner.MoveNext();
            if (inner.Current is not null)
            {
                LastLine = inner.Current.End.Line;
            }

            return moved;
        }
    }

    private static string StripPosition(string message)
    {
        // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the line is already in front.
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
