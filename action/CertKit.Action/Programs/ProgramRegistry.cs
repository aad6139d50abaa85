using CertKit.Action.Policies;
using CertKit.Action.Programs.Custom;
using CertKit.Action.Readiness;

namespace CertKit.Action.Programs;

/// <summary>
/// The built-in programs, and how a name given by a user (any case, or an alias such as <c>cyberark</c>) or a policy file
/// becomes a program. Adding a program is adding its folder and one line here.
/// </summary>
public static class ProgramRegistry
{
    public const string Custom = "custom";

    public static IReadOnlyList<CertificationProgram> BuiltIn { get; } =
    [
        Venafi.VenafiProgram.Definition,
        Commercetools.CommercetoolsProgram.Definition,
        AdobeSign.AdobeSignProgram.Definition,
    ];

    public static IReadOnlyList<RecertificationPolicy> Policies { get; } = [.. BuiltIn.Select(program => program.Policy)];

    /// <summary>The ids <c>--program</c> accepts (aliases aside).</summary>
    public static IReadOnlyList<string> ProgramNames { get; } = [.. BuiltIn.Select(program => program.Id), Custom];

    /// <summary>The help name of <c>--program</c>: <c>venafi|commercetools|adobe-sign|custom</c>.</summary>
    public static string HelpName => string.Join("|", ProgramNames);

    /// <summary>A built-in program by id or alias, case-insensitive, or null.</summary>
    public static CertificationProgram? Find(string name)
    {
        var wanted = name.Trim();
        return BuiltIn.FirstOrDefault(program =>
            program.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || program.Aliases.Any(alias => alias.Equals(wanted, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The program's id for a name or alias (<c>CyberArk</c> → <c>venafi</c>), <c>custom</c>, or null when unknown.</summary>
    public static string? Canonical(string name) =>
        name.Trim().Equals(Custom, StringComparison.OrdinalIgnoreCase) ? Custom : Find(name)?.Id;

    /// <summary>The one-line error for a name that is no program.</summary>
    public static string Unknown(string name) =>
        $"unknown program '{name}' (expected {HelpName}; aliases: {string.Join(", ", BuiltIn.SelectMany(program => program.Aliases.Select(alias => $"{alias} → {program.Id}")))})";

    /// <summary>
    /// Resolves <c>--program</c> and <c>--policy</c> to a policy: a built-in program by name or alias, or a custom policy
    /// file (<c>--policy</c>, else <c>certkit.yml</c> in the repository folder).
    /// </summary>
    public static RecertificationPolicy ResolvePolicy(string? program, string? policyFile, string repositoryPath)
    {
        if (program is null && policyFile is null)
        {
            throw new CertKitException($"choose a program with --program ({HelpName}) or a policy file with --policy FILE");
        }

        var id = program is null ? Custom : Canonical(program) ?? throw new CertKitException(Unknown(program));
        if (id != Custom)
        {
            if (policyFile is not null)
            {
                throw new CertKitException($"--policy is for --program custom; the {id} policy is built in");
            }

            return Find(id)!.Policy;
        }

        var path = policyFile ?? Path.Combine(repositoryPath, PolicyFile.DefaultFileName);
        if (policyFile is null && !File.Exists(path))
        {
            throw new CertKitException($"--program custom needs --policy FILE (no {PolicyFile.DefaultFileName} in {repositoryPath})");
        }

        return CustomPolicy.Load(path);
    }

    /// <summary>
    /// The readiness checks of a program by name or alias, or for <c>custom</c> the <c>checks:</c> picked in <c>certkit.yml</c>
    /// (at the repository root, or <paramref name="policyFile"/>).
    /// </summary>
    internal static ReadinessProgram ResolveReadiness(string program, string? policyFile, string repositoryPath)
    {
        var id = Canonical(program) ?? throw new CertKitException(Unknown(program));
        if (id != Custom)
        {
            if (policyFile is not null)
            {
                throw new CertKitException($"--policy is for --program custom; the {id} checks are built in");
            }

            return Find(id)!.Readiness;
        }

        return CustomChecks.Resolve(policyFile, repositoryPath);
    }
}
