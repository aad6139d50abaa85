namespace CertKit.Action.Scanning;

/// <summary>What to scan and how, as given on the command line.</summary>
internal sealed record ScanSettings(
    string Directory,
    string? BaseRef = null,
    IReadOnlyList<string>? Include = null,
    IReadOnlyList<string>? Exclude = null,
    long MaxFileSize = TextFileReader.DefaultMaxFileSize);
