using CertKit.Action.Evidence.ConnectManifest;

namespace CertKit.Action.Tests.Evidence;

public sealed class ConnectManifestReaderTests
{
    [Fact]
    public void Reads_applications_configuration_and_scopes_with_their_lines()
    {
        var manifest = ConnectManifestReader.Parse(
            """
            inheritAs:
              apiClient:
                scopes:
                  - manage_orders
            deployAs:
              - name: service
                applicationType: service
                endpoint: /service
                configuration:
                  standardConfiguration:
                    - key: CTP_REGION
                      default: europe-west1.gcp
                  securedConfiguration:
                    - key: CTP_CLIENT_SECRET
                      required: true
              - name: nightly
                applicationType: job
                endpoint: /job
                properties:
                  schedule: "0 0 * * *"
            """,
            "connect.yaml");

        Assert.Empty(manifest.Problems);
        Assert.Equal(["service", "nightly"], manifest.Applications.Select(a => a.Name));
        Assert.Equal("0 0 * * *", manifest.Applications[1].Schedule);
        Assert.Equal([("CTP_REGION", 11, false, "europe-west1.gcp"), ("CTP_CLIENT_SECRET", 14, true, null)], manifest.AllConfiguration.Select(e => (e.Key, e.Line, e.Secured, e.Default)));
        Assert.Equal([new ConnectScope("manage_orders", 4)], manifest.Scopes);
    }

    [Fact]
    public void Reports_unknown_keys_bad_types_missing_endpoints_and_duplicates_at_their_lines()
    {
        var manifest = ConnectManifestReader.Parse(
            """
            deployAs:
              - name: service
                applicationType: service
                configuration:
                  standardConfiguration:
                    - key: A
                    - key: A
              - name: worker
                applicationType: worker
                endpoint: /w
                endpoint: /x
                timeout: 30
              - name: nightly
                applicationType: job
            extras: true
            """,
            "connect.yaml");

        Assert.Equal(
        [
            (2, "application 'service' (service) has no endpoint"),
            (7, "configuration key 'A' is declared 2 times in 'service'"),
            (9, "application 'worker': applicationType 'worker' is not one of service, event, job, merchant-center-custom-application, merchant-center-custom-view, assets"),
            (11, "key 'endpoint' in deployAs entry appears twice"),
            (12, "unknown key 'timeout' in deployAs entry (expected name, applicationType, endpoint, scripts, configuration, properties)"),
            (13, "application 'nightly' (job) has no properties.schedule"),
            (15, "unknown key 'extras' (expected deployAs, inheritAs)"),
        ],
            manifest.Problems.Select(p => (p.Line, p.Message)));
    }

    [Theory]
    [InlineData("deployAs:\n  - name: [a\n", "connect.yaml:3: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("deployAs: [\n", "connect.yaml:2: not valid YAML: While parsing a node, did not find expected node content.")]
    public void Yaml_that_does_not_parse_is_one_line_with_its_line_number(string text, string message)
    {
        var exception = Assert.Throws<CertKitException>(() => ConnectManifestReader.Parse(text, "connect.yaml"));
        Assert.Equal(message, exception.Message);
    }
}
