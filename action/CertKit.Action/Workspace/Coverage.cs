using CertKit.Action.Scanning;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>One language's files and which rules read them.</summary>
internal sealed record LanguageCoverage(string Language, int ShippedFiles, int OtherFiles, IReadOnlyList<string> RulesRun, IReadOnlyList<string> RulesNotRun, int FilesNoRuleReads);

/// <summary>One file kind: how many files, and what the rules do with them.</summary>
internal sealed record KindCoverage(string Kind, int Files, string Treatment);

/// <summary>One C# project: how it was compiled, and whether its compilation resolved enough for the symbol-based rules.</summary>
internal sealed record ProjectCoverage(string Path, string Mode, string? Reason, bool Test);

/// <summary>
/// What an analysis saw and what it did not: per language the files and the rules that read them, per kind the
/// treatment, per project how it was compiled, and the gaps (one line each). Every output carries it, and every verdict
/// consults it before it says <c>passed</c> or "no change".
/// </summary>
internal sealed record Coverage(IReadOnlyList<LanguageCoverage> Languages, IReadOnlyList<KindCoverage> Kinds, IReadOnlyList<ProjectCoverage> Projects, IReadOnlyList<string> Gaps)
{
    /// <summary>The coverage of a scan (<paramref name="scan"/> carries the project modes and compilation health).</summary>
    public static Coverage Of(RepositoryWorkspace workspace, IReadOnlyList<string> ruleIds, ScanReport? scan)
    {
        var rules = ruleIds.Order(StringComparer.Ordinal).ToList();
        var languages = new List<LanguageCoverage>();
        foreach (var group in workspace.Files.Where(f => f.Language != FileLanguage.None && f.Kind != FileKind.Documentation).GroupBy(f => f.Language).OrderBy(g => g.Key))
        {
            var shipped = group.Where(f => f.IsShipped).ToList();
            var run = rules.Where(rule => group.Any(file => RuleLanguages.Reads(rule, file))).ToList();
            var notRun = rules.Except(run, StringComparer.Ordinal).ToList();
            var unread = shipped.Count(file => !rules.Any(rule => RuleLanguages.Reads(rule, file)));
            languages.Add(new LanguageCoverage(FileClassifier.DisplayName(group.Key), shipped.Count, group.Count() - shipped.Count, run, notRun, unread));
        }

        var kinds = workspace.Files
            .GroupBy(f => f.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindCoverage(FileTreatments.Name(g.Key), g.Count(), g.Key is FileKind.Source or FileKind.Configuration ? "all rules" : g.Key == FileKind.Documentation ? "not analysed" : FileTreatments.Name(workspace.TreatmentOf(g.First()))))
            .ToList();

        var projects = new List<ProjectCoverage>();
        foreach (var project in scan?.Projects ?? [])
        {
            var full = Path.GetFullPath(Path.Combine(workspace.SourceRoot, project.Path));
            var mode = project.Degraded ? "degraded" : project.Mode switch
            {
                ProjectLoadMode.MSBuild => "msbuild",
                ProjectLoadMode.Fallback => "ad hoc",
                _ => "no project",
            };
            var reason = project.Degraded ? project.Health!.Describe() + (project.Mode == ProjectLoadMode.Fallback ? $" (compiled ad hoc: {project.Reason})" : string.Empty) : project.Reason;
            projects.Add(new ProjectCoverage(project.Path, mode, reason, workspace.TestProjects.Contains(full)));
        }

        return new Coverage(languages, kinds, projects, GapsOf(workspace, rules, scan));
    }

    /// <summary>
    /// What the given rules did not see in the shipped code: languages they do not read, degraded compilations (for rules
    /// that rest on symbols), places a rule marked as not analysed (CK2001's note on a save call that did not resolve),
    /// shipped files the scan could not read. Empty when they saw everything they are about.
    /// </summary>
    public static IReadOnlyList<string> GapsOf(RepositoryWorkspace workspace, IReadOnlyList<string> ruleIds, ScanReport? scan)
    {
        var gaps = new List<string>();
        var shippedCode = workspace.Files.Where(f => f.IsShipped && RuleLanguages.IsApplicationLanguage(f.Language)).ToList();
        foreach (var language in shippedCode.GroupBy(f => f.Language).OrderBy(g => g.Key))
        {
            var blind = ruleIds.Where(rule => language.Any(file => !RuleLanguages.Reads(rule, file))).ToList();
            if (blind.Count == 0)
            {
                continue;
            }

            var unread = language.Count(file => blind.Any(rule => !RuleLanguages.Reads(rule, file)));
            var name = FileClassifier.DisplayName(language.Key);
            gaps.Add($"{string.Join(", ", blind)} {(blind.Count == 1 ? "does" : "do")} not analyse {name} ({unread} shipped file{(unread == 1 ? string.Empty : "s")}, e.g. {language.First(file => blind.Any(rule => !RuleLanguages.Reads(rule, file))).RelativePath})");
        }

        // A degraded compilation blinds only the rules whose findings rest on resolved calls and types; CK1001–CK1004
        // read literals, which a compilation without references still has.
        var symbolRules = ruleIds.Where(RuleLanguages.NeedsSymbols).ToList();
        foreach (var project in symbolRules.Count == 0 ? [] : scan?.Projects ?? [])
        {
            if (!project.Degraded || project.SourceFiles == 0)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(workspace.SourceRoot, project.Path));
            if (workspace.TestProjects.Contains(full))
            {
                continue;
            }

            gaps.Add($"{project.Path} degraded: {project.Health!.Describe()}; {string.Join(", ", symbolRules)} could not resolve the calls and types they look for");
        }

        if (scan is not null)
        {
            // Places a rule marked as not analysed (a note whose message starts "Not analysed: "), at most 20 named.
            var prefix = CertKit.Analyzers.Descriptors.NotAnalysedPrefix;
            var notAnalysed = scan.Findings.Where(f => ruleIds.Contains(f.RuleId, StringComparer.Ordinal) && f.Message.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            gaps.AddRange(notAnalysed.Take(20).Select(f => $"{f.Path}:{f.Line}: {f.RuleId} {f.Message[prefix.Length..]}"));
            if (notAnalysed.Count > 20)
            {
                gaps.Add($"… and {notAnalysed.Count - 20} more place(s) the rules marked as not analysed (certkit scan lists them as notes)");
            }

            var unreadShipped = scan.Skipped.Where(s => workspace.Find(s.Path) is { IsShipped: true } file && RuleLanguages.IsApplicationLanguage(file.Language)).ToList();
            if (unreadShipped.Count > 0)
            {
                gaps.Add($"{unreadShipped.Count} shipped code file(s) not read: {string.Join(", ", unreadShipped.Take(3).Select(s => $"{s.Path} ({s.Reason})"))}");
            }
        }

        return gaps;
    }

    /// <summary>Short lines for text reports: one per language read only in part, per kind not fully analysed, per degraded or ad-hoc project.</summary>
    public IEnumerable<string> SummaryLines()
    {
        foreach (var language in Languages.Where(l => l.ShippedFiles > 0 && (l.RulesNotRun.Count > 0 || l.FilesNoRuleReads > 0)))
        {
            yield return language.FilesNoRuleReads == language.ShippedFiles
                ? $"{language.Language}: {language.ShippedFiles} shipped file(s) not read by any rule"
                : $"{language.Language}: {language.ShippedFiles} shipped file(s) read by {string.Join(", ", language.RulesRun)} only" + (language.FilesNoRuleReads > 0 ? $" ({language.FilesNoRuleReads} not read at all)" : string.Empty);
        }

        foreach (var kind in Kinds.Where(k => k.Treatment != "all rules" && k.Kind != "documentation"))
        {
            yield return $"{kind.Kind}: {kind.Files} file(s), {kind.Treatment}";
        }

        foreach (var project in Projects.Where(p => p.Mode == "degraded"))
        {
            yield return $"{project.Path}: degraded, {project.Reason}";
        }
    }
}
