using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>What the rules do with the files of a kind.</summary>
internal enum KindTreatment
{
    /// <summary>Every rule reads them.</summary>
    All,

    /// <summary>Only content-based secret detection (CK1003: token formats, private keys, signed JWTs) reads them.</summary>
    Secrets,

    /// <summary>Not analysed; reported as skipped.</summary>
    Skip,
}

/// <summary>
/// Each file kind's treatment: the defaults (tests and fixtures: secrets only; vendored and generated: skipped), changed
/// by <c>files:</c> in <c>certkit.yml</c> or <c>--files KIND=TREATMENT</c> on the command line (see docs/scan.md).
/// </summary>
internal sealed record FileTreatments(KindTreatment Test, KindTreatment Fixture, KindTreatment Vendored, KindTreatment Generated)
{
    public static readonly FileTreatments Default = new(KindTreatment.Secrets, KindTreatment.Secrets, KindTreatment.Skip, KindTreatment.Skip);

    /// <summary>The kinds a user may configure, by the name used in certkit.yml and on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, FileKind> ConfigurableKinds = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["test"] = FileKind.Test,
        ["fixture"] = FileKind.Fixture,
        ["vendored"] = FileKind.Vendored,
        ["generated"] = FileKind.Generated,
    };

    public static readonly IReadOnlyDictionary<string, KindTreatment> TreatmentNames = new Dictionary<string, KindTreatment>(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = KindTreatment.All,
        ["secrets"] = KindTreatment.Secrets,
        ["skip"] = KindTreatment.Skip,
    };

    public KindTreatment Of(FileKind kind) => kind switch
    {
        FileKind.Test => Test,
        FileKind.Fixture => Fixture,
        FileKind.Vendored => Vendored,
        FileKind.Generated => Generated,
        // Documentation goes to the analyzers as before: their text engine reads no Markdown, and a file the user
        // names with --include must not vanish from the report.
        _ => KindTreatment.All,
    };

    public FileTreatments With(FileKind kind, KindTreatment treatment) => kind switch
    {
        FileKind.Test => this with { Test = treatment },
        FileKind.Fixture => this with { Fixture = treatment },
        FileKind.Vendored => this with { Vendored = treatment },
        FileKind.Generated => this with { Generated = treatment },
        _ => this,
    };

    /// <summary>Applies <c>KIND=TREATMENT</c> settings (<c>test=all</c>, <c>vendored=secrets</c>); a bad one is a one-line error naming <paramref name="origin"/>.</summary>
    public FileTreatments Apply(IEnumerable<string> settings, string origin)
    {
        var result = this;
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            var kindName = equals < 0 ? setting : setting[..equals].Trim();
            var treatmentName = equals < 0 ? string.Empty : setting[(equals + 1)..].Trim();
            if (!ConfigurableKinds.TryGetValue(kindName, out var kind) || !TreatmentNames.TryGetValue(treatmentName, out var treatment))
            {
                throw new CertKitException($"{origin}: '{setting}' is not KIND=TREATMENT (kinds: {string.Join(", ", ConfigurableKinds.Keys)}; treatments: {string.Join(", ", TreatmentNames.Keys)})");
            }

            result = result.With(kind, treatment);
        }

        return result;
    }

    public static string Name(KindTreatment treatment) => treatment switch
    {
        KindTreatment.All => "all rules",
        KindTreatment.Secrets => "secrets only (CK1003)",
        _ => "not analysed",
    };

    public static string Name(FileKind kind) => kind switch
    {
        FileKind.Source => "source",
        FileKind.Configuration => "configuration",
        FileKind.Test => "test",
        FileKind.Fixture => "fixture",
        FileKind.Vendored => "vendored",
        FileKind.Generated => "generated",
        _ => "documentation",
    };
}
