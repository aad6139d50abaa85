using System.CommandLine;
using CertKit.Action.Decision;
using CertKit.Action.Evidence;
using CertKit.Action.Programs;
using CertKit.Action.Versioning;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit decide</c>: the re-certification decision for a release or a pull request, as text or one JSON object.
/// Exit codes: 0 a decision was made (required or not), 1 a user error (one line on stderr), 2 bad usage.
/// </summary>
internal static class DecideCommand
{
    public const int DecisionMade = 0;
    public const int UserError = 1;

    public static Command Create()
    {
        var program = new Option<string>("--program")
        {
            Description = "The certification program whose re-certification rule applies (any case, or an alias such as cyberark; custom: a certkit.yml policy).",
            HelpName = ProgramRegistry.HelpName,
        };
        ProgramOption.AcceptProgramNames(program);
        var policy = new Option<string>("--policy")
        {
            Description = "A custom policy file (certkit.yml) for --program custom; default certkit.yml in the repository.",
            HelpName = "FILE",
        };
        var repo = new Option<string>("--repo")
        {
            Description = "The git repository (work tree) to read.",
            HelpName = "DIR",
            DefaultValueFactory = _ => ".",
        };
        var baseRef = new Option<string>("--base")
        {
            Description = "The base ref (a pull request's target branch, or the last release); default: the highest lower release tag.",
            HelpName = "REF",
        };
        var headRef = new Option<string>("--head")
        {
            Description = "The ref being released or reviewed.",
            HelpName = "REF",
            DefaultValueFactory = _ => "HEAD",
        };
        var version = new Option<string>("--version")
        {
            Description = "The version at head, overriding discovery (release tag, Directory.Build.props, *.csproj, AssemblyInfo.cs, package.json, *.psd1).",
            HelpName = "V",
        };
        var previousVersion = new Option<string>("--previous-version")
        {
            Description = "The previous version, overriding discovery (same source at --base, else the highest lower release tag).",
            HelpName = "V",
        };
        var tagPattern = new Option<string>("--tag-pattern")
        {
            Description = "The release-tag pattern, with {version}; default v{version} and {version} (monorepos: e.g. connector-a/v{version}).",
            HelpName = "P",
        };
        var zeroMinorIsMajor = new Option<bool?>("--zero-minor-is-major")
        {
            Description = "Whether a minor bump in 0.y.z counts as major (SemVer 4); default true, or the policy's zeroMajorMinorIsMajor.",
            HelpName = "true|false",
        };
        var certifiedVersion = new Option<string>("--certified-version")
        {
            Description = "The last version the program certified: a release is judged against it (evidence from its tag); default certified: in certkit.yml.",
            HelpName = "V",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print exactly one JSON object instead of text.",
        };
        var evidence = new Option<string>("--evidence")
        {
            Description = "What changed to gather between the compared commits: none, api (public API), all (API, endpoints, connect.yaml).",
            DefaultValueFactory = _ => "all",
        };
        evidence.AcceptOnlyFromAmong("none", "api", "all");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when the declared bump is lower than the one the evidence implies (understated-bump); default never.",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnlyFromAmong("none", "understated-bump");

        var command = new Command("decide", "Decide whether a version change requires re-certification under a program's policy.");
        command.Options.Add(program);
        command.Options.Add(policy);
        command.Options.Add(repo);
        command.Options.Add(baseRef);
        command.Options.Add(headRef);
        command.Options.Add(version);
        command.Options.Add(previousVersion);
        command.Options.Add(tagPattern);
        command.Options.Add(zeroMinorIsMajor);
        command.Options.Add(certifiedVersion);
        command.Options.Add(json);
        command.Options.Add(evidence);
        command.Options.Add(failOn);

        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var repositoryPath = parseResult.GetValue(repo) ?? ".";
                var (certified, certifiedSource) = parseResult.GetValue(certifiedVersion) is { } named
                    ? (named, "--certified-version")
                    : CertifiedSetting.FromPolicyFile(parseResult.GetValue(policy), repositoryPath);
                var request = new DecisionRequest
                {
                    CertifiedVersion = certified,
                    CertifiedSource = certifiedSource,
                    Policy = ProgramRegistry.ResolvePolicy(parseResult.GetValue(program), parseResult.GetValue(policy), repositoryPath),
                    RepositoryPath = repositoryPath,
                    BaseRef = parseResult.GetValue(baseRef),
                    HeadRef = parseResult.GetValue(headRef) ?? "HEAD",
                    Version = parseResult.GetValue(version),
                    PreviousVersion = parseResult.GetValue(previousVersion),
                    TagPattern = parseResult.GetValue(tagPattern),
                    ZeroMajorMinorIsMajor = parseResult.GetValue(zeroMinorIsMajor),
                    Evidence = parseResult.GetValue(evidence) switch
                    {
                        "none" => EvidenceMode.None,
                        "api" => EvidenceMode.Api,
                        _ => EvidenceMode.All,
                    },
                };

                var decision = DecisionEngine.DecideRelease(request);
                output.Write(parseResult.GetValue(json) ? DecisionJson.Render(decision) + Environment.NewLine : DecisionText.Render(decision));
                if (parseResult.GetValue(failOn) == "understated-bump" && decision.BumpUnderstated)
                {
                    error.WriteLine($"certkit decide: the declared bump ({decision.Bump.ToName()}) is lower than the one the changes imply ({decision.ImpliedBump!.Value.ToName()})");
                    return UserError;
                }

                return DecisionMade;
            }
            catch (CertKitException exception)
            {
                error.WriteLine($"certkit decide: {exception.Message}");
                return UserError;
            }
        });

        return command;
    }
}
