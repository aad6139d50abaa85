using CertKit.Action.Workspace;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Evidence;

/// <summary>A changed file and the language it is in.</summary>
internal sealed record ChangedFile(string Path, string Language);

/// <summary>
/// Which changed shipped files the evidence readers compared (C# through the API diff and the endpoint inventory,
/// JavaScript and TypeScript through the endpoint inventory, <c>connect.yaml</c> through the contract diff) and which
/// they could not (PowerShell, Python, … : no reader compares them yet). When any could not, "no change" is not a
/// finding: the evidence is incomplete, and the decision says which files to review by hand.
/// </summary>
internal sealed record EvidenceCoverage(IReadOnlyList<ChangedFile> Compared, IReadOnlyList<ChangedFile> NotCompared)
{
    private static readonly FileLanguage[] ComparedLanguages = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript];

    public bool Incomplete => NotCompared.Count > 0;

    /// <summary>Classifies the changed files (repository-relative) with the head's workspace; deleted files by their path.</summary>
    public static EvidenceCoverage Of(IEnumerable<string> changedFiles, RepositoryWorkspace head)
    {
        var compared = new List<ChangedFile>();
        var notCompared = new List<ChangedFile>();
        foreach (var path in changedFiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var file = head.Find(path);
            var kind = file?.Kind ?? FileClassifier.Classify(path).Kind;
            var language = file?.Language ?? FileClassifier.LanguageOf(path);
            var name = System.IO.Path.GetFileName(path);
            if (name is "connect.yaml" or "connect.yml")
            {
                compared.Add(new ChangedFile(path, "connect.yaml"));
                continue;
            }

            // Only shipped code in an application language carries API or endpoint changes; tests, docs, fixtures and
            // configuration do not (a version bump in a project file is read by the version discovery).
            if (kind != FileKind.Source || !RuleLanguages.IsApplicationLanguage(language))
            {
                continue;
            }

            (Array.IndexOf(ComparedLanguages, language) >= 0 ? compared : notCompared).Add(new ChangedFile(path, FileClassifier.DisplayName(language)));
        }

        return new EvidenceCoverage(compared, notCompared);
    }

    /// <summary>"PowerShell: 3 files (a.ps1, b.ps1, c.ps1)" per language, for reasons and the PR comment.</summary>
    public string DescribeNotCompared(int examples = 3) =>
        string.Join("; ", NotCompared.GroupBy(f => f.Language).Select(group =>
            $"{group.Key}: {group.Count()} file{(group.Count() == 1 ? string.Empty : "s")} ({string.Join(", ", group.Take(examples).Select(f => f.Path))}{(group.Count() > examples ? ", …" : string.Empty)})"));
}
