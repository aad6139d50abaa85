namespace CertKit.Action.Tests.Scanning;

/// <summary><c>certkit scan</c> on a Node.js Connect service: the JS/TS rules run through the real command, at their lines.</summary>
[Collection(ScanCollection.Name)]
public sealed class ScriptRulesScanTests
{
    private const string Handler = """
        import Fastify from 'fastify';
        // console.log('kept for reference') and https://docs.psp.example.com are comments
        const app = Fastify({ logger: true });
        app.post('/payments', async (request, reply) => {
          const payment = await capture(request.body);
          console.log(payment.cardLast4);
          request.log.info({ paymentId: payment.id });
          return reply.send({ ok: true });
        });
        """;

    [Fact]
    public async Task A_service_logging_card_data_is_flagged_with_CK3001_and_CK3002_at_the_call_and_its_tests_are_not()
    {
        using var repo = TempRepository.Create();
        repo.Write("connect.yaml", "deployAs:\n  - name: processor\n    applicationType: service\n    endpoint: /processor\n");
        repo.Write("processor/package.json", "{ \"name\": \"processor\", \"version\": \"1.0.0\" }\n");
        repo.Write("processor/src/routes.ts", Handler);
        repo.Write("processor/test/routes.ts", Handler);
        repo.Write("processor/src/routes.spec.ts", Handler);
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [("CK3001", "processor/src/routes.ts", 6, 3), ("CK3002", "processor/src/routes.ts", 6, 15)],
            run.Findings.Where(f => f.RuleId.StartsWith("CK", StringComparison.Ordinal)).OrderBy(f => f.RuleId).ToList());
    }

    [Fact]
    public async Task A_bearer_header_built_from_a_shell_variable_in_a_workflow_is_no_finding_and_a_literal_token_there_is()
    {
        using var repo = TempRepository.Create();
        repo.Write(".github/workflows/deploy.yml", """
            name: deploy
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      RESPONSE=$(curl -s -X POST "https://api.europe-west1.gcp.commercetools.com/connect/deployments" \
                        --header "Authorization: Bearer $ACCESS_TOKEN")
                      echo "$RESPONSE"
                  - run: curl --header "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0dG9rZW52YWx1ZQ.Zx8Qm2pLr7Tk9vWs3dHf6cBy1jNg4eUa0"
            """);
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(
            [(".github/workflows/deploy.yml", 11)],
            run.Findings.Where(f => f.RuleId.StartsWith("CK", StringComparison.Ordinal)).Select(f => (f.Path, f.Line)).ToList());
    }
}
