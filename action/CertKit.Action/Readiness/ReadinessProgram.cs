using CertKit.Action.Programs;

namespace CertKit.Action.Readiness;

/// <summary>
/// A check as a program lists it: its id, the program's own words for the requirement and where they come from
/// (null for a custom program, whose requirements are the checks' own).
/// </summary>
internal sealed record ProgramCheck(string Id, string Requirement, RequirementSource? Source = null);

/// <summary>A certification program's review as a list of checks (see <see cref="Programs.CertificationProgram"/>).</summary>
internal sealed record ReadinessProgram(string Id, string Name, IReadOnlyList<ProgramCheck> Checks);
