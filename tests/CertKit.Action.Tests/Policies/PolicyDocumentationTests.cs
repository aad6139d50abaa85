using CertKit.Action.Programs;
using CertKit.Action.Policies;
using CertKit.Action.Tests.Samples;

namespace CertKit.Action.Tests.Policies;

public class PolicyDocumentationTests
{
    [Fact]
    public void Docs_policies_md_quotes_each_programs_seed_sentence_verbatim()
    {
        var page = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "policies.md"));

        foreach (var policy in ProgramRegistry.Policies)
        {
            Assert.Contains("> " + policy.SeedSentence, page);
            Assert.Contains($"(`--program {policy.Id}`)", page);
        }
    }
}
