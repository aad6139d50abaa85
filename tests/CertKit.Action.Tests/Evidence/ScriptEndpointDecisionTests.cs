using System.Text.Json;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// <c>certkit decide</c>'s endpoint evidence on a Node.js Connect processor: a release that adds one endpoint (and a
/// commented-out SDK call) reports exactly that endpoint, and renaming the variables that hold the bases reports nothing.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class ScriptEndpointDecisionTests : IClassFixture<ScriptEndpointDecisionTests.History>
{
    private const string Client = "processor/src/psp.ts";

    private readonly History history;

    public ScriptEndpointDecisionTests(History history)
    {
        this.history = history;
    }

    [Fact]
    public async Task OneEndpointAddedIsExactlyThatEndpointAndACommentIsNone()
    {
        var endpoints = await EndpointsAsync("add-endpoint");

        var added = Assert.Single(endpoints.GetProperty("added").EnumerateArray());
        Assert.Equal("POST", added.GetProperty("method").GetString());
        Assert.Equal("/v1/payments/{id}/refunds", added.GetProperty("path").GetString());
        Assert.Equal("env:PSP_API_URL", added.GetProperty("base").GetString());
        var line = History.Added.Split('\n').ToList().FindIndex(l => l.Contains("refunds", StringComparison.Ordinal)) + 1;
        var site = Assert.Single(added.GetProperty("sites").EnumerateArray());
        Assert.Equal(Client, site.GetProperty("file").GetString());
        Assert.Equal(line, site.GetProperty("line").GetInt32());
        Assert.Empty(endpoints.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task RenamingTheBaseVariablesIsNoEndpointChange()
    {
        var endpoints = await EndpointsAsync("rename-base");

        Assert.Empty(endpoints.GetProperty("added").EnumerateArray());
        Assert.Empty(endpoints.GetProperty("removed").EnumerateArray());
    }

    private async Task<JsonElement> EndpointsAsync(string branch)
    {
        var run = await EvidenceDecisionTests.DecideAsync(history.Repository.Path, "--program", "commercetools", "--head", branch, "--json");
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        return JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("evidence").GetProperty("endpoints");
    }

    /// <summary>v1.0.0, then a branch that adds one endpoint and one that renames both base variables.</summary>
    public sealed class History : IDisposable
    {
        public const string Base = """
            import { apiRoot } from './client';
            import { getConfig } from './config';

            const PSP_BASE = process.env.PSP_API_URL;
            const ordersUrl = getConfig().ordersServiceUrl;

            export const createPayment = (body: string) => fetch(`${PSP_BASE}/v1/payments`, { method: 'POST', body });

            export const getPayment = (id: string) => fetch(`${PSP_BASE}/v1/payments/${id}`);

            export const exportOrder = (id: string) => fetch(ordersUrl + '/orders/' + id, { method: 'PUT' });

            export const cart = (id: string) => apiRoot.carts().withId({ ID: id }).get().execute();
            """;

        // A new export above the others (every later line moves) and a commented-out SDK call.
        public static readonly string Added = Base.Replace(
            "export const createPayment",
            "export const refund = (id: string) => fetch(`${PSP_BASE}/v1/payments/${id}/refunds`, { method: 'POST' });\n\n// export const types = () => apiRoot.types().get().execute();\n\nexport const createPayment",
            StringComparison.Ordinal);

        public History()
        {
            Repository = TestRepository.Create();
            Service("1.0.0").Write(Client, Base).Commit();
            Repository.Tag("v1.0.0");
            Change("add-endpoint", "1.1.0", Added);
            Change("rename-base", "1.0.1", Base.Replace("PSP_BASE", "PAYMENT_SERVICE", StringComparison.Ordinal).Replace("ordersUrl", "orderServiceBase", StringComparison.Ordinal));
        }

        public TestRepository Repository { get; }

        private TestRepository Service(string version) => Repository.Write("processor/package.json", $$"""{ "name": "processor", "version": "{{version}}" }""" + "\n");

        private void Change(string branch, string version, string client)
        {
            Repository.Git("checkout", "--quiet", "-b", branch, "v1.0.0");
            Service(version).Write(Client, client).Commit();
            Repository.Checkout("main");
        }

        public void Dispose() => Repository.Dispose();
    }
}
