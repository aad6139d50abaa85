using CertKit.Action.Evidence.Contract;

namespace CertKit.Action.Tests.Evidence;

/// <summary>connect.yaml read with YamlDotNet and compared: applications, configuration keys, required, API client scopes.</summary>
public sealed class ContractDiffTests
{
    private const string Before = """
        deployAs:
          - name: service
            applicationType: service
            endpoint: /service
            configuration:
              standardConfiguration:
                - key: REMINDER_DAYS
                  description: days
              securedConfiguration:
                - key: CTP_CLIENT_SECRET
                  required: true
          - name: job
            applicationType: job
        inheritAs:
          apiClient:
            scopes:
              - view_orders
        """;

    private const string After = """
        deployAs:
          - name: service
            applicationType: service
            endpoint: /service
            configuration:
              standardConfiguration:
                - key: REMINDER_DAYS
                  description: days
                  required: true
                - key: REGION
                  description: new
              securedConfiguration:
                - key: CTP_CLIENT_SECRET
                  required: true
          - name: event
            applicationType: event
        inheritAs:
          apiClient:
            scopes:
              - view_orders
              - manage_orders
        """;

    [Fact]
    public void ApplicationsKeysRequiredAndScopes()
    {
        var changes = ContractDiff.Compare(
            new ConnectContract(ConnectContract.Parse(Before, "connect.yaml"), []),
            new ConnectContract(ConnectContract.Parse(After, "connect.yaml"), []));

        Assert.Equal(
            [
                (true, "application job (job) removed", 12),
                (false, "application event (event) added", 15),
                (true, "service: configuration key REMINDER_DAYS became required", 7),
                (false, "service: configuration key REGION added", 10),
                (false, "service: inheritAs.apiClient.scopes added manage_orders", 20),
            ],
            changes.Select(c => (c.Breaking, c.Description, c.Line)).OrderBy(c => c.Description.StartsWith("application", StringComparison.Ordinal) ? 0 : 1).ThenBy(c => c.Line).ToArray());
    }

    [Fact]
    public void InvalidYamlIsANoteNotAnError()
    {
        var folder = Directory.CreateTempSubdirectory("certkit-connect-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "connect.yaml"), "deployAs: [\n  - name: x\n");
            var manifest = ConnectContract.Read(folder.FullName);
            Assert.Empty(manifest.Applications);
            Assert.StartsWith("connect.yaml:", Assert.Single(manifest.Notes));
            Assert.Contains("not valid YAML", manifest.Notes[0]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
