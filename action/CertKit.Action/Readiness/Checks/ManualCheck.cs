namespace CertKit.Action.Readiness.Checks;

/// <summary>A requirement no repository can show (a demo, paperwork, a reviewer's judgement): always manual, saying what to do.</summary>
internal sealed class ManualCheck(string id, string requirement, string whatToDo) : IReadinessCheck
{
    public string Id => id;

    public string Requirement => requirement;

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CheckOutcome.Manual([whatToDo]));
}
