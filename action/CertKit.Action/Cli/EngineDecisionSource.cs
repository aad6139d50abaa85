using CertKit.Action.Decision;
using CertKit.Action.Programs;
using CertKit.Action.Reporting;
using CertKit.Action.Versioning;

namespace CertKit.Action.Cli;

/// <summary>The action's decisions come from the same engine as <c>certkit decide</c>.</summary>
public sealed class EngineDecisionSource : IDecisionSource
{
    public ActionDecision Decide(ActionDecisionRequest request)
    {
        try
        {
            var policyFile = request.PolicyFile is null || Path.IsPathRooted(request.PolicyFile)
                ? request.PolicyFile
                : Path.Combine(request.RepositoryPath, request.PolicyFile);
            var (certified, certifiedSource) = request.CertifiedVersion is not null
                ? (request.CertifiedVersion, request.CertifiedSource)
                : CertifiedSetting.FromPolicyFile(policyFile, request.RepositoryPath);
            var decision = DecisionEngine.Decide(new DecisionRequest
            {
                CertifiedVersion = certified,
                CertifiedSource = certifiedSource,
                Policy = ProgramRegistry.ResolvePolicy(request.Program, policyFile, request.RepositoryPath),
                RepositoryPath = request.RepositoryPath,
                BaseRef = request.BaseRef,
                HeadRef = request.HeadRef,
                Version = request.Version,
                PreviousVersion = request.PreviousVersion,
                TagPattern = request.TagPattern,
                Evidence = request.Evidence,
            });
            return ToActionDecision(decision);
        }
        catch (CertKitException exception)
        {
            throw new DecisionFailedException(exception.Message, exception);
        }
    }

    /// <summary>The engine's decision as the Action reports it; the whole decision stays with it (the evidence pack writes it as <c>decide --json</c> does).</summary>
    internal static ActionDecision ToActionDecision(RecertificationDecision decision) => new(
        decision.Program,
        decision.ProgramName,
        decision.PreviousVersion is null ? null : VersionText.Format(decision.PreviousVersion),
        VersionText.Format(decision.Version),
        decision.Bump.ToName(),
        decision.RecertificationRequired,
        decision.Reasons,
        decision.Scopes.Added,
        decision.Scopes.Removed)
    {
        Evidence = decision.Evidence,
        ImpliedBump = decision.ImpliedBump?.ToName(),
        BumpUnderstated = decision.BumpUnderstated,
        Baseline = decision.Certified?.Statement,
        CertifiedVersion = decision.Certified is { Used: true, Version: { } version } ? VersionText.Format(version) : null,
        Engine = decision,
    };
}
