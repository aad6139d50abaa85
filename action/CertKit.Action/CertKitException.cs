namespace CertKit.Action;

/// <summary>
/// A problem with the user's input or repository (bad version, missing ref, shallow clone, bad policy file).
/// Commands catch it at their boundary and print its message as one line on stderr with exit code 1;
/// anything else is a bug and keeps its stack trace.
/// </summary>
public sealed class CertKitException : Exception
{
    public CertKitException(string message)
        : base(OneLine(message))
    {
    }

    public CertKitException(string message, Exception innerException)
        : base(OneLine(message), innerException)
    {
    }

    /// <summary>Folds a message onto one line so the error contract (one line on stderr) holds whatever git or a parser said.</summary>
    public static string OneLine(string message)
    {
        var parts = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("; ", parts);
    }
}
