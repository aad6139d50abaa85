namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// Which files the endpoint readers take as PowerShell or Python, and their text with comments blanked (the pure
/// <see cref="CertKit.Analyzers.Detection.ScriptComments"/>, shared with the analyzers' text rules).
/// </summary>
internal static class SourceComments
{
    public static readonly IReadOnlySet<string> PowerShellExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".ps1", ".psm1", ".psd1" };

    public static readonly IReadOnlySet<string> PythonExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".py" };

    /// <summary>The text with its comments blanked, or the text as it is for a language this does not know.</summary>
    public static string Blank(string text, string extension) => CertKit.Analyzers.Detection.ScriptComments.Blank(text, extension) ?? text;
}
