using System.CommandLine;
using CertKit.Action.Policies;
using CertKit.Action.Workspace;

namespace CertKit.Action.Cli;

/// <summary><c>--files KIND=TREATMENT</c>: each file kind's treatment, over <c>files:</c> in the repository's certkit.yml.</summary>
internal static class FileTreatmentOption
{
    public static Option<string[]> Create() => new("--files")
    {
        Description = "What the rules do with a kind of file: KIND=TREATMENT, kinds test|fixture|vendored|generated, treatments all|secrets|skip " +
            "(default test=secrets fixture=secrets vendored=skip generated=skip; repeatable; over files: in certkit.yml).",
        HelpName = "KIND=TREATMENT",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The defaults, then <c>files:</c> of the folder's certkit.yml (if any), then the command line.</summary>
    public static FileTreatments Resolve(string folder, IReadOnlyList<string>? commandLine)
    {
        var treatments = FileTreatments.Default;
        var policy = Path.Combine(folder, PolicyFile.DefaultFileName);
        if (File.Exists(policy))
        {
            treatments = treatments.Apply(PolicyFile.Load(policy).Files, PolicyFile.DefaultFileName);
        }

        return treatments.Apply(commandLine ?? [], "--files");
    }
}
