using CertKit.Action.Policies;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;

namespace CertKit.Action.Programs;

/// <summary>
/// A certification program in one place: its names, its re-certification policy, the readiness checks its review asks
/// for (each with the program's words and their source), and the checklist of its re-certification issue. Each program
/// is one folder under <c>Programs/</c> that builds one of these; <see cref="ProgramRegistry"/> lists them.
/// </summary>
public sealed class CertificationProgram
{
    /// <summary>The id used on the command line, in JSON and in issue markers (<c>venafi</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Other names accepted wherever a program is named (case-insensitive), e.g. the product's newer names.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    public required RecertificationPolicy Policy { get; init; }

    /// <summary>Where <see cref="RecertificationPolicy.SeedSentence"/> comes from.</summary>
    public required RequirementSource PolicySource { get; init; }

    /// <summary>The readiness checks, in the order the review lists them, with the requirement each judges.</summary>
    public required IReadOnlyList<ProgramRequirement> Checks { get; init; }

    /// <summary>What re-certifying takes, as the checklist, in the program's own steps.</summary>
    public required Func<Decision.RecertificationDecision, IReadOnlyList<string>> Checklist { get; init; }

    /// <summary>Where and how a submission goes (one line for the issue and the pack).</summary>
    public required string Submission { get; init; }

    /// <summary>What else the program is called, or covers, in 2026 (shown by <c>certkit programs</c>).</summary>
    public IReadOnlyList<string> AlsoKnownAs { get; init; } = [];

    public string DisplayName => Policy.DisplayName;

    /// <summary>Every requirement CertKit quotes for the program: the policy's rule first, then each check's.</summary>
    public IReadOnlyList<ProgramRequirement> Requirements =>
        [new(ProgramRequirement.RecertificationId, Policy.SeedSentence, PolicySource), .. Checks];

    internal ReadinessProgram Readiness => new(Id, DisplayName, [.. Checks.Select(check => new ProgramCheck(check.Id, check.Text, check.Source))]);
}
