namespace CertKit.Action.Evidence.ConnectManifest;

/// <summary>One <c>configuration</c> entry of <c>connect.yaml</c>: a key the deployment sets as an environment variable.</summary>
internal sealed record ConnectConfigurationEntry(
    string Key,
    int Line,
    bool Secured,
    string? Application,
    string? Description,
    bool Required,
    string? Default,
    int DefaultLine);

/// <summary>One <c>deployAs</c> entry: an application Connect builds from the folder of the same name.</summary>
internal sealed record ConnectApplication(
    string Name,
    int Line,
    string? ApplicationType,
    int ApplicationTypeLine,
    string? Endpoint,
    IReadOnlyDictionary<string, string> Scripts,
    string? Schedule,
    IReadOnlyList<ConnectConfigurationEntry> Configuration);

/// <summary>What is wrong in <c>connect.yaml</c>, at a line.</summary>
internal sealed record ConnectManifestProblem(int Line, string Message);

/// <summary>An OAuth scope requested under <c>inheritAs.apiClient.scopes</c>.</summary>
internal sealed record ConnectScope(string Scope, int Line);

/// <summary>
/// The facts of a commercetools Connect <c>connect.yaml</c>: its applications, configuration keys and API scopes, and every
/// way it departs from the documented format (unknown keys, bad values, duplicates), each with its line.
/// </summary>
internal sealed record ConnectManifest(
    string RelativePath,
    IReadOnlyList<ConnectApplication> Applications,
    IReadOnlyList<ConnectConfigurationEntry> InheritedConfiguration,
    IReadOnlyList<ConnectScope> Scopes,
    IReadOnlyList<ConnectManifestProblem> Problems)
{
    public const string FileName = "connect.yaml";

    /// <summary>The application types Connect knows.</summary>
    public static readonly IReadOnlyList<string> ApplicationTypes =
        ["service", "event", "job", "merchant-center-custom-application", "merchant-center-custom-view", "assets"];

    /// <summary>Every configuration entry: inherited ones first, then each application's.</summary>
    public IEnumerable<ConnectConfigurationEntry> AllConfiguration =>
        InheritedConfiguration.Concat(Applications.SelectMany(application => application.Configuration));
}
