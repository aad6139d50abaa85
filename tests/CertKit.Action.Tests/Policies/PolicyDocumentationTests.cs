using CertKit.Action.Policies;

namespace CertKit.Action.Tests.Policies;

public class PolicyDocumentationTests
{
    [Fact]
    public void Docs_policies_md_quotes_each_programs_seed_sentence_verbatim()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "policies.md"));

        foreach (var policy in PolicyCatalog.BuiltIn)
        {
            Assert.Contains("> " + policy.SeedSentence, page);
            Assert.Contains($"(`--program {policy.Id}`)", page);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Toolkit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
