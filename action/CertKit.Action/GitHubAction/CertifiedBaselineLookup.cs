using CertKit.Action.Decision;
using CertKit.Action.GitHub;
using CertKit.Action.Runtime;

namespace CertKit.Action.GitHubAction;

/// <summary>
/// The certified baseline from the repository's own re-certification issues: the newest version one of them certifies
/// (closed as completed, or labelled <c>certified-label</c>). The issues are read only for a release the previous version
/// alone would let through: judged against an older, certified version the change can only grow, so a release that
/// already needs re-certification costs no extra call. Without a token, or when GitHub cannot be read, the decision stands
/// as it is (and says what it was judged against).
/// </summary>
internal static class CertifiedBaselineLookup
{
    /// <summary>Whether the issues are worth reading for this decision.</summary>
    public static bool ShouldLookUp(ActionRun run, RecertificationDecision decision) =>
        run.Inputs.CertifiedVersion is null && run.Request.BaseRef is null && !decision.RecertificationRequired
        && decision.Certified is not { Used: true, Version: not null };

    /// <summary>The request with the version the issues certify, or null when none does (or they cannot be read).</summary>
    public static async Task<DecisionRequest?> LookUpAsync(ActionRun run)
    {
        var (core, inputs) = (run.Core, run.Inputs);
        if (inputs.GitHubToken.Length == 0)
        {
            core.Info("No token: the certified version is not looked up in the re-certification issues.");
            return null;
        }

        var program = run.Request.Policy.Id;
        try
        {
            var found = await new CertifiedVersions(GitHubClients.For(run), core)
                .FindAsync(inputs.TargetRepository, program, run.Repository, inputs.Labels.FirstOrDefault(), inputs.CertifiedLabel).ConfigureAwait(false);
            if (found is null)
            {
                core.Info($"No re-certification issue in {inputs.TargetRepository} certifies a version of {run.Repository} ({program}).");
                return null;
            }

            core.Info($"Certified version {found.Version} ({found.Source}): {found.Url}");
            return run.Request with { CertifiedVersion = found.Version.ToNormalizedString(), CertifiedSource = found.Source };
        }
        catch (Exception exception) when (exception is GitHubOperationException || TransientFailure.Is(exception))
        {
            var why = exception is GitHubOperationException ? exception.Message : TransientFailure.Describe(exception);
            core.Warning($"The certified version could not be read from the re-certification issues ({why}); the decision is judged without it.");
            return null;
        }
    }
}
