namespace CertKit.Action.Scanning;

/// <summary>
/// What to scan and how, as given on the command line. With <see cref="BaseRef"/> only the projects and text files the
/// change touches are analysed and only findings on changed lines are reported; <see cref="CacheDirectory"/> keeps
/// design-time results for the next scan.
/// </summary>
internal sealed record ScanSettings(
    string Directory,
    string? BaseRef = null,
    IReadOnlyList<string>? Include = null,
    IReadOnlyList<string>? Exclude = null,
    long MaxFileSize = TextFileReader.DefaultMaxFileSize,
    string? CacheDirectory = null,
    Workspace.FileTreatments? Treatments = null);
