namespace CertKit.Action.Workspace;

/// <summary>The coverage as every JSON output writes it (scan, check, decide, endpoints): complete, where text is short.</summary>
internal static class CoverageJson
{
    public static object Of(Coverage coverage) => new
    {
        languages = coverage.Languages.Select(l => new
        {
            language = l.Language,
            shippedFiles = l.ShippedFiles,
            otherFiles = l.OtherFiles,
            rules = l.RulesRun,
            rulesNotRun = l.RulesNotRun,
            filesNoRuleReads = l.FilesNoRuleReads,
        }),
        kinds = coverage.Kinds.Select(k => new { kind = k.Kind, files = k.Files, treatment = k.Treatment }),
        projects = coverage.Projects.Select(p => new { path = p.Path, mode = p.Mode, reason = p.Reason, test = p.Test }),
        gaps = coverage.Gaps,
    };
}
