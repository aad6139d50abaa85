using CertKit.Action.Evidence.ConnectManifest;

namespace CertKit.Action.Evidence.Contract;

/// <summary>One configuration key of a Connect application: standard or secured, required or not, where it is declared.</summary>
internal sealed record ConnectKey(string Application, string Key, bool Secured, bool Required, string File, int Line);

/// <summary>One application of a connect.yaml (deployAs entry), its configuration keys and the API client's scopes.</summary>
internal sealed record ConnectApplication(string Name, string Type, IReadOnlyList<ConnectKey> Keys, IReadOnlyList<string> Scopes, string File, int Line, int ScopesLine);

/// <summary>
/// The commercetools Connect contract of a folder, as the change evidence compares it: every connect.yaml's applications
/// (<c>deployAs</c>), the configuration keys each one is deployed with (its own and <c>inheritAs.configuration</c>) and
/// <c>inheritAs.apiClient.scopes</c>. The file is read by the one connect.yaml reader (<see cref="ConnectManifestReader"/>,
/// which <c>certkit check</c> uses too); a file that is not valid YAML is a note, not an error.
/// </summary>
internal sealed record ConnectContract(IReadOnlyList<ConnectApplication> Applications, IReadOnlyList<string> Notes)
{
    public static ConnectContract Read(string folder) => Read(Workspace.RepositoryWorkspace.OpenSnapshot(folder));

    /// <summary>Every <c>connect.yaml</c> (or <c>connect.yml</c>) of a workspace.</summary>
    public static ConnectContract Read(Workspace.RepositoryWorkspace workspace)
    {
        var applications = new List<ConnectApplication>();
        var notes = new List<string>();
        foreach (var file in workspace.Files.Where(f => Path.GetFileName(f.FullPath) is "connect.yaml" or "connect.yml" && File.Exists(f.FullPath)))
        {
            try
            {
                applications.AddRange(Parse(File.ReadAllText(file.FullPath), file.RelativePath));
            }
            catch (CertKitException exception)
            {
                notes.Add(exception.Message);
            }
        }

        return new ConnectContract(applications, notes);
    }

    public static List<ConnectApplication> Parse(string text, string file)
    {
        var manifest = ConnectManifestReader.Parse(text, file);
        var scopes = manifest.Scopes.Select(s => s.Scope).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var applications = new List<ConnectApplication>(manifest.Applications.Count);
        foreach (var application in manifest.Applications)
        {
            var keys = manifest.InheritedConfiguration.Concat(application.Configuration)
                .Select(entry => new ConnectKey(application.Name, entry.Key, entry.Secured, entry.Required, file, entry.Line))
                .ToList();
            var scopesLine = manifest.Scopes.Count > 0 ? manifest.Scopes[0].Line : application.Line;
            applications.Add(new ConnectApplication(application.Name, application.ApplicationType ?? "(unknown)", keys, scopes, file, application.Line, scopesLine));
        }

        return applications;
    }
}
