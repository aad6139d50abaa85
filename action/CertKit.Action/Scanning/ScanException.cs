namespace CertKit.Action.Scanning;

/// <summary>A problem the user can fix (missing folder, unknown git ref): reported in one line, exit code 1.</summary>
internal sealed class ScanException(string message) : Exception(message);
