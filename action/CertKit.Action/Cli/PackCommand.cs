using System.CommandLine;
using CertKit.Action.Decision;
using CertKit.Action.Evidence;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Git;
using CertKit.Action.Programs;
using CertKit.Action.Readiness;
using CertKit.Action.Reporting;
using CertKit.Action.Versioning;
using CertKit.Action.Workspace;

namespace CertKit.Action.Cli;

/// <summary>
/// <c>certkit pack [DIR] --program P [--out FOLDER]</c>: the evidence pack a partner attaches to a submission, written to
/// FOLDER and FOLDER.zip (<see cref="EvidencePack"/>). The folder is opened once: the checks, the scan they share, the
/// endpoint inventory and the scopes read the same workspace; the decision reads the commits, as <c>certkit decide</c>.
/// Exit codes: 0 the pack was written (whatever it says); 1 a problem the user can fix (one line on stderr, nothing
/// written); 2 bad usage.
/// </summary>
internal static class PackCommand
{
    public const string Name = "pack";
    public const string DefaultFolder = "certkit-pack";
    public const int ExitWritten = 0;
    public const int ExitUserError = 1;

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The repository folder (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        directory.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{result.Tokens[0].Value}'.");
            }
        });
        var program = new Option<string>("--program") { Description = "The certification program the pack is for.", Required = true, HelpName = ProgramRegistry.HelpName };
        ProgramOption.AcceptProgramNames(program);
        var policy = new Option<string?>("--policy") { Description = "For --program custom: the certkit.yml (default: DIR/certkit.yml).", HelpName = "FILE" };
        var outFolder = new Option<string>("--out")
        {
            Description = $"The folder to write the pack to (replaced if it holds an earlier pack); the archive goes beside it as FOLDER.zip. Default: {DefaultFolder}.",
            HelpName = "FOLDER",
            DefaultValueFactory = _ => DefaultFolder,
        };
        var certifiedVersion = new Option<string?>("--certified-version")
        {
            Description = "The last version the program certified: the decision judges against it (default: certified: in certkit.yml).",
            HelpName = "V",
        };
        var tagPattern = new Option<string?>("--tag-pattern") { Description = "The release-tag pattern, with {version}; default v{version} and {version}.", HelpName = "P" };
        var staleAfter = new Option<int>("--stale-after")
        {
            Description = "Flag a requirement whose source was last verified more than DAYS ago.",
            HelpName = "DAYS",
            DefaultValueFactory = _ => StalenessRule.DefaultMaxAgeDays,
        };
        staleAfter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--stale-after: DAYS must be 0 or more");
            }
        });
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day the requirements' age is measured on (default: today, UTC).", HelpName = "YYYY-MM-DD" };

        var command = new Command(Name, "Write the evidence pack for a submission: readiness, decision and changes, endpoints, scopes, findings (SARIF), coverage, sources; a folder and a .zip.")
        {
            directory, program, policy, outFolder, certifiedVersion, tagPattern, staleAfter, asOf,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(directory) ?? ".";
            var target = parseResult.GetValue(outFolder) ?? DefaultFolder;
            try
            {
                var request = new PackRequest(
                    folder,
                    parseResult.GetValue(program)!,
                    parseResult.GetValue(policy),
                    parseResult.GetValue(certifiedVersion),
                    parseResult.GetValue(tagPattern),
                    new StalenessRule(parseResult.GetValue(asOf) ?? StalenessRule.Default.Today, parseResult.GetValue(staleAfter)));
                var input = await CollectAsync(request, target, cancellationToken).ConfigureAwait(false);
                var parts = EvidencePack.Build(input);
                var zip = EvidencePack.Write(parts, target);
                output.WriteLine($"{input.ProgramName} evidence pack: {ReadinessWriters.Headline(input.Readiness)}; " +
                    (input.Decision is { } decision ? $"re-certification {(decision.RecertificationRequired ? "required" : "not required")} for {VersionText.Format(decision.Version)}" : $"no decision ({input.DecisionNotMadeBecause})") +
                    $"; {input.Endpoints.Endpoints.Count} endpoint(s); {input.Scan.Findings.Count} finding(s)");
                foreach (var part in parts)
                {
                    output.WriteLine($"  {part.File,-18} {part.Title}");
                }

                output.WriteLine($"Pack written to {target} and {Path.TrimEndingDirectorySeparator(target)}.zip");
                return ExitWritten;
            }
            catch (Exception exception) when (exception is CertKitException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("certkit pack: " + CertKitException.OneLine(exception.Message));
                return ExitUserError;
            }
        });
        return command;
    }

    /// <summary>What <c>certkit pack</c> was asked for.</summary>
    internal sealed record PackRequest(string Folder, string Program, string? PolicyFile, string? CertifiedVersion, string? TagPattern, StalenessRule Staleness);

    /// <summary>Every part of the pack, through the code paths of check, scan, endpoints and decide; user errors before the analysis.</summary>
    internal static async Task<EvidencePackInput> CollectAsync(PackRequest request, string target, CancellationToken cancellationToken)
    {
        EvidencePack.RequireOutput(target);
        if (File.Exists(request.Folder))
        {
            throw new CertKitException($"'{request.Folder}' is a file; give the repository's folder");
        }

        PathChecks.RequireFolder(request.Folder, "the repository folder");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Folder));
        var checks = ProgramRegistry.ResolveReadiness(request.Program, request.PolicyFile, root);
        var policy = ProgramRegistry.ResolvePolicy(request.Program, request.PolicyFile, root);
        var (certified, certifiedSource) = request.CertifiedVersion is { } named
            ? (named, "--certified-version")
            : CertifiedSetting.FromPolicyFile(request.PolicyFile, root);
        if (certified is not null)
        {
            VersionText.Parse(certified, "--certified-version");
        }

        // One view of the folder for the checks, the scan, the inventory and the scopes; a pack written inside it is not code.
        var workspace = await RepositoryWorkspace.OpenAsync(root, new WorkspaceOptions(Exclude: InsideFolder(root, target)), cancellationToken).ConfigureAwait(false);
        var context = CheckContext.Open(workspace);
        var readiness = await ReadinessRunner.RunAsync(checks, context, cancellationToken, request.Staleness).ConfigureAwait(false);
        var scan = await context.ScanAsync(cancellationToken).ConfigureAwait(false);
        var endpoints = EndpointInventory.Scan(workspace, cancellationToken);

        RecertificationDecision? decision = null;
        string? notMade = null;
        try
        {
            decision = DecisionEngine.DecideRelease(new DecisionRequest
            {
                CertifiedVersion = certified,
                CertifiedSource = certifiedSource,
                Policy = policy,
                RepositoryPath = root,
                HeadRef = "HEAD",
                TagPattern = request.TagPattern,
                Evidence = EvidenceMode.All,
            });
        }
        catch (CertKitException exception)
        {
            // The other parts stand without a release history: the index says why the decision is missing.
            notMade = exception.Message;
        }

        var (commit, uncommitted) = GitState(workspace);
        return new EvidencePackInput
        {
            Program = checks.Id,
            ProgramName = checks.Name,
            Definition = ProgramRegistry.Find(checks.Id),
            Workspace = workspace,
            Readiness = readiness,
            Scan = scan,
            Endpoints = endpoints,
            Decision = decision,
            DecisionNotMadeBecause = notMade,
            Staleness = request.Staleness,
            Created = DateTimeOffset.UtcNow,
            Commit = commit,
            UncommittedChanges = uncommitted,
        };
    }

    /// <summary>The commit a git work tree is at and whether tracked files differ from it; nulls outside git or without a commit.</summary>
    internal static (string? Commit, bool Uncommitted) GitState(RepositoryWorkspace workspace)
    {
        if (!workspace.IsGitWorkTree)
        {
            return (null, false);
        }

        var git = new GitCommandRunner(workspace.SourceRoot);
        var head = git.Run("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        if (!head.Succeeded)
        {
            return (null, false);
        }

        var status = git.Run("status", "--porcelain", "--untracked-files=no");
        return (head.StandardOutput.Trim(), status.Succeeded && status.StandardOutput.Trim().Length > 0);
    }

    /// <summary>The pack's folder and archive as exclusion globs, when they are inside the repository folder.</summary>
    private static string[] InsideFolder(string root, string target)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(target)).Replace('\\', '/').TrimEnd('/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) || relative == "."
            ? []
            : [relative + "/**", relative + ".zip"];
    }
}
