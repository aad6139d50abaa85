namespace CertKit.Action.Evidence.ConnectManifest;

/// <summary>
/// Reads and validates <c>connect.yaml</c> against the format commercetools documents. Departures from the format are
/// <see cref="ConnectManifest.Problems"/> (a check reports them); text that is not YAML at all is a
/// <see cref="CertKitException"/> (nothing can be judged from it).
/// </summary>
internal static class ConnectManifestReader
{
    private static readonly string[] RootKeys = ["deployAs", "inheritAs"];
    private static readonly string[] InheritKeys = ["apiClient", "configuration"];
    private static readonly string[] ApiClientKeys = ["scopes"];
    private static readonly string[] ApplicationKeys = ["name", "applicationType", "endpoint", "scripts", "configuration", "properties"];
    private static readonly string[] ScriptKeys = ["postDeploy", "preUndeploy"];
    private static readonly string[] ConfigurationKeys = ["standardConfiguration", "securedConfiguration"];
    private static readonly string[] EntryKeys = ["key", "description", "required", "default"];
    private static readonly string[] PropertyKeys = ["schedule", "azureServiceBus", "gcpPubSub", "awsSns"];

    /// <summary>The <c>connect.yaml</c> at the root of <paramref name="directory"/>, or null when there is none.</summary>
    public static ConnectManifest? Read(string directory)
    {
        var path = Path.Combine(directory, ConnectManifest.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CertKitException($"{ConnectManifest.FileName} could not be read: {exception.Message}", exception);
        }

        return Parse(text, ConnectManifest.FileName);
    }

    public static ConnectManifest Parse(string text, string name)
    {
        var root = YamlTree.Parse(text, name);
        var problems = new List<ConnectManifestProblem>();
        var applications = new List<ConnectApplication>();
        var inherited = new List<ConnectConfigurationEntry>();
        var scopes = new List<ConnectScope>();
        if (root is null)
        {
            problems.Add(new ConnectManifestProblem(1, "the file is empty (expected deployAs)"));
            return new ConnectManifest(name, applications, inherited, scopes, problems);
        }

        if (root is not YamlTreeMapping mapping)
        {
            problems.Add(new ConnectManifestProblem(root.Line, "expected a mapping with deployAs"));
            return new ConnectManifest(name, applications, inherited, scopes, problems);
        }

        CheckKeys(mapping, RootKeys, string.Empty, problems);
        if (mapping.Find("deployAs") is not { } deployAs)
        {
            problems.Add(new ConnectManifestProblem(mapping.Line, "deployAs is missing: list the applications to deploy"));
        }
        else if (deployAs.Value is not YamlTreeSequence { Items.Count: > 0 } items)
        {
            problems.Add(new ConnectManifestProblem(deployAs.Line, "deployAs must be a non-empty list of applications"));
        }
        else
        {
            foreach (var item in items.Items)
            {
                if (ReadApplication(item, problems) is { } application)
                {
                    applications.Add(application);
                }
            }
        }

        if (mapping.Find("inheritAs") is { } inheritAs)
        {
            ReadInheritAs(inheritAs, inherited, scopes, problems);
        }

        foreach (var duplicate in applications.GroupBy(application => application.Name).Where(group => group.Count() > 1))
        {
            problems.Add(new ConnectManifestProblem(duplicate.Skip(1).First().Line, $"application name '{duplicate.Key}' appears {duplicate.Count()} times in deployAs"));
        }

        problems.Sort((left, right) => left.Line.CompareTo(right.Line));
        return new ConnectManifest(name, applications, inherited, scopes, problems);
    }

    private static ConnectApplication? ReadApplication(YamlTreeNode node, List<ConnectManifestProblem> problems)
    {
        if (node is not YamlTreeMapping application)
        {
            problems.Add(new ConnectManifestProblem(node.Line, "every deployAs entry must be a mapping (name, applicationType, …)"));
            return null;
        }

        CheckKeys(application, ApplicationKeys, "deployAs entry", problems);
        var name = ScalarOf(application, "name", problems);
        if (name is null)
        {
            problems.Add(new ConnectManifestProblem(application.Line, "a deployAs entry has no name"));
            return null;
        }

        var typeEntry = application.Find("applicationType");
        var type = ScalarOf(application, "applicationType", problems);
        if (type is null)
        {
            problems.Add(new ConnectManifestProblem(application.Line, $"application '{name}' has no applicationType (one of {string.Join(", ", ConnectManifest.ApplicationTypes)})"));
        }
        else if (!ConnectManifest.ApplicationTypes.Contains(type, StringComparer.Ordinal))
        {
            problems.Add(new ConnectManifestProblem(typeEntry!.Value.Line, $"application '{name}': applicationType '{type}' is not one of {string.Join(", ", ConnectManifest.ApplicationTypes)}"));
        }

        var endpoint = ScalarOf(application, "endpoint", problems);
        if (endpoint is null && type is "service" or "event")
        {
            problems.Add(new ConnectManifestProblem(application.Line, $"application '{name}' ({type}) has no endpoint"));
        }

        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (application.Find("scripts") is { } scriptsEntry)
        {
            if (scriptsEntry.Value is YamlTreeMapping scriptMapping)
            {
                CheckKeys(scriptMapping, ScriptKeys, "scripts", problems);
                foreach (var script in scriptMapping.Entries)
                {
                    if (script.Value is YamlTreeScalar { Value: var command })
                    {
                        scripts[script.Key] = command;
                    }
                }
            }
            else
            {
                problems.Add(new ConnectManifestProblem(scriptsEntry.Line, "scripts must be a mapping (postDeploy, preUndeploy)"));
            }
        }

        string? schedule = null;
        if (application.Find("properties") is { } propertiesEntry)
        {
            if (propertiesEntry.Value is YamlTreeMapping properties)
            {
                CheckKeys(properties, PropertyKeys, "properties", problems);
                schedule = ScalarOf(properties, "schedule", problems);
            }
            else
            {
                problems.Add(new ConnectManifestProblem(propertiesEntry.Line, "properties must be a mapping"));
            }
        }

        if (type == "job" && schedule is null)
        {
            problems.Add(new ConnectManifestProblem(application.Line, $"application '{name}' (job) has no properties.schedule"));
        }

        var configuration = new List<ConnectConfigurationEntry>();
        if (application.Find("configuration") is { } configurationEntry)
        {
            ReadConfiguration(configurationEntry, name, configuration, problems);
        }

        return new ConnectApplication(name, application.Line, type, typeEntry?.Value.Line ?? application.Line, endpoint, scripts, schedule, configuration);
    }

    private static void ReadInheritAs(YamlTreeEntry inheritAs, List<ConnectConfigurationEntry> inherited, List<ConnectScope> scopes, List<ConnectManifestProblem> problems)
    {
        if (inheritAs.Value is not YamlTreeMapping mapping)
        {
            problems.Add(new ConnectManifestProblem(inheritAs.Line, "inheritAs must be a mapping (apiClient, configuration)"));
            return;
        }

        CheckKeys(mapping, InheritKeys, "inheritAs", problems);
        if (mapping.Find("configuration") is { } configuration)
        {
            ReadConfiguration(configuration, null, inherited, problems);
        }

        if (mapping.Find("apiClient") is not { } apiClient)
        {
            return;
        }

        if (apiClient.Value is not YamlTreeMapping client)
        {
            problems.Add(new ConnectManifestProblem(apiClient.Line, "inheritAs.apiClient must be a mapping (scopes)"));
            return;
        }

        CheckKeys(client, ApiClientKeys, "inheritAs.apiClient", problems);
        if (client.Find("scopes") is not { } scopesEntry)
        {
            return;
        }

        if (scopesEntry.Value is not YamlTreeSequence list)
        {
            problems.Add(new ConnectManifestProblem(scopesEntry.Line, "inheritAs.apiClient.scopes must be a list"));
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is YamlTreeScalar { Value.Length: > 0 } scope)
            {
                scopes.Add(new ConnectScope(scope.Value.Trim(), scope.Line));
            }
            else
            {
                problems.Add(new ConnectManifestProblem(item.Line, "every scope must be a non-empty text value"));
            }
        }
    }

    private static void ReadConfiguration(YamlTreeEntry configurationEntry, string? application, List<ConnectConfigurationEntry> entries, List<ConnectManifestProblem> problems)
    {
        if (configurationEntry.Value is not YamlTreeMapping configuration)
        {
            problems.Add(new ConnectManifestProblem(configurationEntry.Line, "configuration must be a mapping (standardConfiguration, securedConfiguration)"));
            return;
        }

        CheckKeys(configuration, ConfigurationKeys, "configuration", problems);
        foreach (var group in configuration.Entries.Where(entry => ConfigurationKeys.Contains(entry.Key, StringComparer.Ordinal)))
        {
            var secured = group.Key == "securedConfiguration";
            if (group.Value is YamlTreeScalar { Value: "" })
            {
                continue; // an empty list written as "standardConfiguration:"
            }

            if (group.Value is not YamlTreeSequence list)
            {
                problems.Add(new ConnectManifestProblem(group.Line, $"{group.Key} must be a list of entries (key, description, required, default)"));
                continue;
            }

            foreach (var item in list.Items)
            {
                if (item is not YamlTreeMapping entry)
                {
                    problems.Add(new ConnectManifestProblem(item.Line, $"every {group.Key} entry must be a mapping (key, description, required, default)"));
                    continue;
                }

                CheckKeys(entry, EntryKeys, group.Key + " entry", problems);
                var key = ScalarOf(entry, "key", problems);
                if (key is null)
                {
                    problems.Add(new ConnectManifestProblem(entry.Line, $"a {group.Key} entry has no key"));
                    continue;
                }

                var required = ScalarOf(entry, "required", problems);
                if (required is not null and not "true" and not "false")
                {
                    problems.Add(new ConnectManifestProblem(entry.Find("required")!.Value.Line, $"{key}: required must be true or false, not '{required}'"));
                }

                var defaultEntry = entry.Find("default");
                entries.Add(new ConnectConfigurationEntry(
                    key,
                    entry.Find("key")!.Value.Line,
                    secured,
                    application,
                    ScalarOf(entry, "description", problems),
                    required == "true",
                    defaultEntry is null ? null : ScalarOf(entry, "default", problems),
                    defaultEntry?.Value.Line ?? 0));
            }
        }

        foreach (var duplicate in entries.GroupBy(entry => entry.Key).Where(group => group.Count() > 1))
        {
            problems.Add(new ConnectManifestProblem(duplicate.Skip(1).First().Line, $"configuration key '{duplicate.Key}' is declared {duplicate.Count()} times{(application is null ? string.Empty : $" in '{application}'")}"));
        }
    }

    private static string? ScalarOf(YamlTreeMapping mapping, string key, List<ConnectManifestProblem> problems)
    {
        var entry = mapping.Find(key);
        switch (entry?.Value)
        {
            case null:
                return null;
            case YamlTreeScalar { Value: var value }:
                return value.Length == 0 ? null : value;
            default:
                problems.Add(new ConnectManifestProblem(entry.Line, $"{key} must be a single value"));
                return null;
        }
    }

    private static void CheckKeys(YamlTreeMapping mapping, string[] known, string where, List<ConnectManifestProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var place = where.Length == 0 ? string.Empty : $" in {where}";
            if (!known.Contains(entry.Key, StringComparer.Ordinal))
            {
                problems.Add(new ConnectManifestProblem(entry.Line, $"unknown key '{entry.Key}'{place} (expected {string.Join(", ", known)})"));
            }
            else if (!seen.Add(entry.Key))
            {
                problems.Add(new ConnectManifestProblem(entry.Line, $"key '{entry.Key}'{place} appears twice"));
            }
        }
    }
}
