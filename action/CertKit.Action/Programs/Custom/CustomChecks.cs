using CertKit.Action.Policies;
using CertKit.Action.Readiness;

namespace CertKit.Action.Programs.Custom;

/// <summary>A custom program's readiness checks: the <c>checks:</c> picked in <c>certkit.yml</c>, each with its default requirement.</summary>
internal static class CustomChecks
{
    public static ReadinessProgram Resolve(string? policyFile, string repositoryPath)
    {
        var path = policyFile ?? Path.Combine(repositoryPath, PolicyFile.DefaultFileName);
        if (!File.Exists(path))
        {
            throw new CertKitException(policyFile is null
                ? $"--program custom reads the checks from {PolicyFile.DefaultFileName}, and '{repositoryPath}' has none (add checks: [license, tests, …] or pass --policy FILE)"
                : $"policy file '{policyFile}' does not exist");
        }

        var file = PolicyFile.Load(path);
        if (file.Checks is not { Count: > 0 } checks)
        {
            throw new CertKitException($"{file.Name}: no checks: list the checks to run, e.g. checks: [license, tests] (known: {string.Join(", ", CheckCatalog.Ids)})");
        }

        var picked = new List<ProgramCheck>();
        foreach (var (id, line) in checks)
        {
            var check = CheckCatalog.Find(id)
                ?? throw new CertKitException($"{file.Name}:{line}: unknown check '{id}' (known: {string.Join(", ", CheckCatalog.Ids)})");
            if (picked.All(existing => existing.Id != id))
            {
                picked.Add(new ProgramCheck(id, check.Requirement));
            }
        }

        return new ReadinessProgram(ProgramRegistry.Custom, file.Program ?? "custom", picked);
    }
}
