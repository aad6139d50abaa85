namespace CertKit.Action.Readiness;

/// <summary>
/// One certification requirement judged from the repository: repository in, passed/failed/manual and evidence out.
/// Checks read the files, the scan's findings and the manifest through <see cref="CheckContext"/>; they never call GitHub.
/// </summary>
internal interface IReadinessCheck
{
    /// <summary>The id programs and <c>certkit.yml</c> list it by (<c>license</c>, <c>git-tag</c>).</summary>
    string Id { get; }

    /// <summary>The requirement it checks when a program quotes none of its own (a custom program).</summary>
    string Requirement { get; }

    Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken);
}
