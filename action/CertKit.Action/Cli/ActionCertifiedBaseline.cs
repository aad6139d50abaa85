using CertKit.Action.GitHub;
using CertKit.Action.Programs;
using CertKit.Action.Reporting;
using CertKit.Action.Runtime;
using Octokit;

namespace CertKit.Action.Cli;

/// <summary>
/// The action's certified-baseline step: the <c>certified-version</c> input, else the newest version the repository's own
/// re-certification issues certify (closed as completed, or labelled <c>certified-label</c>). The issues are read only for a
/// release the previous version alone would let through: judged against an older, certified version the change can only
/// grow, so a release that already needs re-certification costs no extra call. Without a token, or when GitHub cannot be
/// read, the decision stands as it is (and says what it was judged against).
/// </summary>
internal static class ActionCertifiedBaseline
{
    /// <summary>The request with the <c>certified-version</c> input, when given.</summary>
    public static ActionDecisionRequest ApplyInput(ActionInputs inputs, ActionDecisionRequest request) =>
        inputs.CertifiedVersion is { } named ? request with { CertifiedVersion = named, CertifiedSource = "certified-version input" } : request;

    /// <summary>Whether the issues are worth reading for this decision.</summary>
    public static bool ShouldLookUp(ActionInputs inputs, ActionDecisionRequest request, ActionDecision decision) =>
        inputs.CertifiedVersion is null && request.BaseRef is null && !decision.RecertificationRequired && decision.CertifiedVersion is null;

    /// <summary>The request with the version the issues certify, or null when none does (or they cannot be read).</summary>
    public static async Task<ActionDecisionRequest?> LookUpAsync(ActionsCore core, ActionInputs inputs, ActionDecisionRequest request, string repository, Func<IGitHubClient> client)
    {
        if (inputs.GitHubToken.Length == 0)
        {
            core.Info("No token: the certified version is not looked up in the re-certification issues.");
            return null;
        }

        var policyFile = request.PolicyFile is null || Path.IsPathRooted(request.PolicyFile) ? request.PolicyFile : Path.Combine(request.RepositoryPath, request.PolicyFile);
        var program = ProgramRegistry.ResolvePolicy(request.Program, policyFile, request.RepositoryPath).Id;
        try
        {
            var found = await new CertifiedVersions(client(), core)
                .FindAsync(inputs.TargetRepository, program, repository, inputs.Labels.FirstOrDefault(), inputs.CertifiedLabel).ConfigureAwait(false);
            if (found is null)
            {
                core.Info($"No re-certification issue in {inputs.TargetRepository} certifies a version of {repository} ({program}).");
                return null;
            }

            core.Info($"Certified version {found.Version} ({found.Source}): {found.Url}");
            return request with { CertifiedVersion = found.Version.ToNormalizedString(), CertifiedSource = found.Source };
        }
        catch (Exception exception) when (exception is GitHubOperationException || TransientFailure.Is(exception))
        {
            var why = exception is GitHubOperationException ? exception.Message : TransientFailure.Describe(exception);
            core.Warning($"The certified version could not be read from the re-certification issues ({why}); the decision is judged without it.");
            return null;
        }
    }
}
