using YamlDotNet.RepresentationModel;

namespace CertKit.Action.Readiness.Checks;

/// <summary>The Node.js package manager an application's lockfile belongs to.</summary>
internal enum NodePackageManager
{
    Npm,
    YarnClassic,
    YarnBerry,
    Pnpm,
}

/// <summary>
/// The lockfile of a Node.js application, found as Connect's build finds it (the application's folder, else the
/// repository root), and the package versions it pins: <c>yarn.lock</c> (classic v1 and berry), <c>pnpm-lock.yaml</c>
/// (v5 to v9); <c>package-lock.json</c> is npm's own to read.
/// </summary>
internal sealed record NodeLockfile(string Path, NodePackageManager Manager)
{
    public string ManagerName => Manager switch
    {
        NodePackageManager.YarnClassic => "yarn classic",
        NodePackageManager.YarnBerry => "yarn berry",
        NodePackageManager.Pnpm => "pnpm",
        _ => "npm",
    };

    /// <summary>The lockfile of the application in <paramref name="folder"/> ("" for the root), or null.</summary>
    public static NodeLockfile? Find(CheckContext context, string folder)
    {
        foreach (var where in folder.Length == 0 ? [string.Empty] : new[] { folder + "/", string.Empty })
        {
            if (Exists(context, where + "package-lock.json") || Exists(context, where + "npm-shrinkwrap.json"))
            {
                return new NodeLockfile(where + (Exists(context, where + "package-lock.json") ? "package-lock.json" : "npm-shrinkwrap.json"), NodePackageManager.Npm);
            }

            if (Exists(context, where + "yarn.lock"))
            {
                var berry = context.ReadText(where + "yarn.lock")?.Contains("__metadata:", StringComparison.Ordinal) == true;
                return new NodeLockfile(where + "yarn.lock", berry ? NodePackageManager.YarnBerry : NodePackageManager.YarnClassic);
            }

            if (Exists(context, where + "pnpm-lock.yaml"))
            {
                return new NodeLockfile(where + "pnpm-lock.yaml", NodePackageManager.Pnpm);
            }
        }

        return null;
    }

    /// <summary>Package name → the versions the lockfile pins (yarn and pnpm lockfiles).</summary>
    public static Dictionary<string, SortedSet<string>> Packages(string text, NodePackageManager manager) =>
        manager == NodePackageManager.Pnpm ? PnpmPackages(text) : YarnPackages(text);

    // yarn.lock, both formats: a block header of descriptors ("left-pad@^1.0.0, left-pad@1.0.0:" in v1,
    // "\"left-pad@npm:1.0.0\":" in berry) and an indented version line ("version \"1.0.0\"" / "version: 1.0.0").
    private static Dictionary<string, SortedSet<string>> YarnPackages(string text)
    {
        var packages = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        string? name = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                var descriptor = line.TrimEnd(':').Split(',')[0].Trim().Trim('"');
                name = descriptor.StartsWith("__metadata", StringComparison.Ordinal) ? null : NameOf(descriptor);
                continue;
            }

            var trimmed = line.Trim();
            if (name is not null && line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal)
                && trimmed.StartsWith("version", StringComparison.Ordinal))
            {
                var version = trimmed["version".Length..].TrimStart(':', ' ').Trim('"');
                if (version.Length > 0 && !version.StartsWith("0.0.0-use.local", StringComparison.Ordinal))
                {
                    Add(packages, name, version);
                }
            }
        }

        return packages;
    }

    // pnpm-lock.yaml: the keys of packages: "/left-pad@1.0.0" (v6), "left-pad@1.0.0" (v9), "/left-pad/1.0.0" (v5),
    // with a peer suffix "(react@18.2.0)" or "_react@18.2.0" left off.
    private static Dictionary<string, SortedSet<string>> PnpmPackages(string text)
    {
        var packages = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("packages"), out var node) || node is not YamlMappingNode list)
        {
            return packages;
        }

        foreach (var key in list.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? string.Empty))
        {
            var spec = key.TrimStart('/');
            var peer = spec.IndexOf('(', StringComparison.Ordinal);
            spec = peer > 0 ? spec[..peer] : spec;
            var at = spec.LastIndexOf('@');
            string name;
            string version;
            if (at > 0)
            {
                name = spec[..at];
                version = spec[(at + 1)..];
            }
            else
            {
                var slash = spec.LastIndexOf('/');
                if (slash <= 0)
                {
                    continue;
                }

                name = spec[..slash];
                version = spec[(slash + 1)..];
            }

            var underscore = version.IndexOf('_', StringComparison.Ordinal);
            Add(packages, name, underscore > 0 ? version[..underscore] : version);
        }

        return packages;
    }

    // "left-pad@^1.0.0" → left-pad; "@scope/pkg@npm:1.2.3" → @scope/pkg.
    private static string NameOf(string descriptor)
    {
        var at = descriptor.IndexOf('@', 1);
        return at > 0 ? descriptor[..at] : descriptor;
    }

    private static void Add(Dictionary<string, SortedSet<string>> packages, string name, string version)
    {
        if (!packages.TryGetValue(name, out var versions))
        {
            packages[name] = versions = new SortedSet<string>(StringComparer.Ordinal);
        }

        versions.Add(version);
    }

    private static bool Exists(CheckContext context, string path) => context.Files.Contains(path);
}
