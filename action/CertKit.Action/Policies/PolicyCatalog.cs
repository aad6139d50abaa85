namespace CertKit.Action.Policies;

/// <summary>The built-in programs by id, and how a program name or policy file becomes a policy.</summary>
public static class PolicyCatalog
{
    public const string Custom = "custom";

    public static readonly IReadOnlyList<RecertificationPolicy> BuiltIn = [new VenafiPolicy(), new CommercetoolsPolicy(), new AdobeSignPolicy()];

    /// <summary>The values <c>--program</c> accepts.</summary>
    public static IReadOnlyList<string> ProgramNames { get; } = [.. BuiltIn.Select(policy => policy.Id), Custom];

    /// <summary>
    /// Resolves <c>--program</c> and <c>--policy</c>: a built-in program by id, or a custom policy file
    /// (<c>--policy</c>, else <c>certkit.yml</c> in the repository folder).
    /// </summary>
    public static RecertificationPolicy Resolve(string? program, string? policyFile, string repositoryPath)
    {
        if (program is null && policyFile is null)
        {
            throw new CertKitException($"choose a program with --program ({string.Join("|", ProgramNames)}) or a policy file with --policy FILE");
        }

        if (program is not null && program != Custom)
        {
            if (policyFile is not null)
            {
                throw new CertKitException($"--policy is for --program custom; the {program} policy is built in");
            }

            return BuiltIn.FirstOrDefault(policy => policy.Id == program)
                ?? throw new CertKitException($"unknown program '{program}' (expected {string.Join("|", ProgramNames)})");
        }

        var path = policyFile ?? Path.Combine(repositoryPath, PolicyFile.DefaultFileName);
        if (policyFile is null && !File.Exists(path))
        {
            throw new CertKitException($"--program custom needs --policy FILE (no {PolicyFile.DefaultFileName} in {repositoryPath})");
        }

        return CustomPolicy.Load(path);
    }
}
