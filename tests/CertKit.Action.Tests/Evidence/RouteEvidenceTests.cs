using System.Text.Json;
using CertKit.Action.Tests.Git;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// <c>certkit decide</c> on a Node.js Connect service: the routes it exposes and their DTOs are its API. A git history with
/// release 1.2.0 and one branch per change, through the real command.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class RouteEvidenceTests : IClassFixture<RouteEvidenceTests.History>
{
    private const string Routes = "processor/src/routes.ts";
    private const string Dtos = "processor/src/dtos.ts";

    private readonly History history;

    public RouteEvidenceTests(History history)
    {
        this.history = history;
    }

    [Fact]
    public async Task A_route_added_to_a_Fastify_service_is_an_addition_and_implies_minor()
    {
        var root = await DecideJsonAsync("add-route");

        Assert.Equal("patch", root.GetProperty("bump").GetString());
        Assert.Equal("minor", root.GetProperty("impliedBump").GetString());
        var api = root.GetProperty("evidence").GetProperty("api");
        Assert.Empty(api.GetProperty("breaking").EnumerateArray());
        var added = Assert.Single(api.GetProperty("added").EnumerateArray());
        Assert.Equal("route POST /payments/:paymentId/refunds added (Fastify)", added.GetProperty("description").GetString());
        Assert.Equal(Routes, added.GetProperty("file").GetString());
        Assert.Equal(12, added.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_required_DTO_property_and_a_changed_method_are_breaking()
    {
        var root = await DecideJsonAsync("break-contract");

        Assert.Equal("major", root.GetProperty("impliedBump").GetString());
        var api = root.GetProperty("evidence").GetProperty("api");
        Assert.Equal(
            [
                "route GET /payments/:id removed (Fastify)",
                "route DTO PaymentRequest: property reference removed or renamed",
                "route DTO PaymentRequest: required property currencyCode added",
                "route DTO PaymentRequest: required property merchantReference added",
            ],
            api.GetProperty("breaking").EnumerateArray().Select(c => c.GetProperty("description").GetString()));
        Assert.Equal(["route PUT /payments/:id added (Fastify)"], api.GetProperty("added").EnumerateArray().Select(c => c.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_handler_body_change_and_a_new_test_route_are_no_evidence()
    {
        var root = await DecideJsonAsync("body-only");

        Assert.Equal("patch", root.GetProperty("impliedBump").GetString());
        Assert.Empty(root.GetProperty("evidence").GetProperty("api").GetProperty("added").EnumerateArray());
        Assert.Empty(root.GetProperty("evidence").GetProperty("api").GetProperty("breaking").EnumerateArray());
    }

    private async Task<JsonElement> DecideJsonAsync(string branch)
    {
        var run = await EvidenceDecisionTests.DecideAsync(history.Repository.Path, "--program", "commercetools", "--head", branch, "--json");
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        return JsonDocument.Parse(run.StandardOutput).RootElement;
    }

    public sealed class History : IDisposable
    {
        private const string BaseRoutes = """
            import type { FastifyInstance } from 'fastify';
            import { PaymentRequest } from './dtos';

            export default async function routes(fastify: FastifyInstance) {
              fastify.post<{ Body: PaymentRequest }>('/payments', async (request, reply) => {
                return reply.send(await create(request.body));
              });

              fastify.get('/payments/:id', async (request, reply) => {
                return reply.send(await find(request.params.id));
              });
            }
            """;

        private const string BaseDtos = """
            export interface PaymentRequest {
              amount: number;
              reference: string;
              description?: string;
            }
            """;

        public History()
        {
            Repository = TestRepository.Create();
            Service("1.2.0").Write(Routes, BaseRoutes).Write(Dtos, BaseDtos).Commit();
            Repository.Tag("v1.2.0");

            Change("add-route", "1.2.1", BaseRoutes.Replace("\n}", "\n  fastify.post('/payments/:paymentId/refunds', async (request, reply) => reply.send(await refund(request.params.paymentId)));\n}", StringComparison.Ordinal), BaseDtos);
            Change(
                "break-contract",
                "1.3.0",
                BaseRoutes.Replace("fastify.get('/payments/:id'", "fastify.put('/payments/:id'", StringComparison.Ordinal),
                BaseDtos.Replace("  reference: string;\n", "  merchantReference: string;\n  currencyCode: string;\n", StringComparison.Ordinal));
            Change("body-only", "1.2.1", BaseRoutes.Replace("await find(request.params.id)", "await find(String(request.params.id))", StringComparison.Ordinal), BaseDtos);
            Repository.Git("checkout", "--quiet", "body-only");
            Repository.Write("processor/test/routes.spec.ts", "app.get('/payments/test-only', async () => 1);\n").Commit();
            Repository.Checkout("main");
        }

        public TestRepository Repository { get; }

        private TestRepository Service(string version) => Repository.Write("processor/package.json", $$"""{ "name": "processor", "version": "{{version}}" }""" + "\n");

        private void Change(string branch, string version, string routes, string dtos)
        {
            Repository.Git("checkout", "--quiet", "-b", branch, "v1.2.0");
            Service(version).Write(Routes, routes).Write(Dtos, dtos).Commit();
            Repository.Checkout("main");
        }

        public void Dispose() => Repository.Dispose();
    }
}
