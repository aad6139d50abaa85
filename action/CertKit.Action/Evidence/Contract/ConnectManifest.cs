using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertKit.Action.Evidence.Contract;

/// <summary>One configuration key of a Connect application: standard or secured, required or not, where it is declared.</summary>
internal sealed record ConnectKey(string Application, string Key, bool Secured, bool Required, string File, int Line);

/// <summary>One application of a connect.yaml (deployAs entry), its configuration keys and its API client's scopes.</summary>
internal sealed record ConnectApplication(string Name, string Type, IReadOnlyList<ConnectKey> Keys, IReadOnlyList<string> Scopes, string File, int Line, int ScopesLine);

/// <summary>
/// The commercetools Connect contract of a folder: every connect.yaml's applications (<c>deployAs</c>), their
/// configuration keys (<c>standardConfiguration</c>, <c>securedConfiguration</c>, with <c>required</c>) and
/// <c>inheritAs.apiClient.scopes</c>. A file that is not valid YAML is a note, not an error.
/// </summary>
internal sealed record ConnectManifest(IReadOnlyList<ConnectApplication> Applications, IReadOnlyList<string> Notes)
{
    public static ConnectManifest Read(string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var applications = new List<ConnectApplication>();
        var notes = new List<string>();
        foreach (var file in SourceFiles.List(root, root, null, name => name is "connect.yaml" or "connect.yml"))
        {
            try
            {
                applications.AddRange(Parse(File.ReadAllText(file.FullPath), file.RelativePath));
            }
            catch (YamlException exception)
            {
                notes.Add($"{file.RelativePath} is not valid YAML (line {exception.Start.Line}): {exception.Message}");
            }
        }

        return new ConnectManifest(applications, notes);
    }

    public static List<ConnectApplication> Parse(string text, string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var applications = new List<ConnectApplication>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode rootNode || Child(rootNode, "deployAs") is not YamlSequenceNode deployAs)
        {
            return applications;
        }

        foreach (var entry in deployAs.Children.OfType<YamlMappingNode>())
        {
            var name = Scalar(entry, "name") ?? "(unnamed)";
            var keys = new List<ConnectKey>();
            if (Child(entry, "configuration") is YamlMappingNode configuration)
            {
                foreach (var (section, secured) in (ReadOnlySpan<(string, bool)>)[("standardConfiguration", false), ("securedConfiguration", true)])
                {
                    if (Child(configuration, section) is not YamlSequenceNode list)
                    {
                        continue;
                    }

                    foreach (var item in list.Children.OfType<YamlMappingNode>())
                    {
                        if (Scalar(item, "key") is { } key)
                        {
                            var required = string.Equals(Scalar(item, "required"), "true", StringComparison.OrdinalIgnoreCase);
                            keys.Add(new ConnectKey(name, key, secured, required, file, (int)item.Start.Line));
                        }
                    }
                }
            }

            var scopes = new List<string>();
            var scopesLine = (int)entry.Start.Line;
            if (Child(entry, "inheritAs") is YamlMappingNode inheritAs && Child(inheritAs, "apiClient") is YamlMappingNode apiClient && Child(apiClient, "scopes") is { } scopeNode)
            {
                scopesLine = (int)scopeNode.Start.Line;
                scopes.AddRange(scopeNode switch
                {
                    YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty),
                    YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
                    _ => [],
                });
            }

            applications.Add(new ConnectApplication(name, Scalar(entry, "applicationType") ?? "(unknown)", keys, scopes.Where(s => s.Length > 0).Order(StringComparer.Ordinal).ToList(), file, (int)entry.Start.Line, scopesLine));
        }

        return applications;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode scalar ? scalar.Value : null;
}
