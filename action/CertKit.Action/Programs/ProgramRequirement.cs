namespace CertKit.Action.Programs;

/// <summary>
/// One requirement a program states, as CertKit uses it: <see cref="Id"/> is the readiness check that judges it (or
/// <c>recertification</c> for the policy's rule), <see cref="Quote"/> the program's own words, verbatim from
/// <see cref="Source"/>, and <see cref="Note"/> CertKit's reading of them, when one is needed.
/// </summary>
public sealed record ProgramRequirement(string Id, string Quote, RequirementSource Source, string? Note = null)
{
    public const string RecertificationId = "recertification";

    /// <summary>The requirement as reports show it: the quote, and the note in parentheses.</summary>
    public string Text => Note is null ? Quote : $"{Quote} ({Note})";
}
