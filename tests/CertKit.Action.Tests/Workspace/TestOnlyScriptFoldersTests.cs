using CertKit.Action.Tests.Readiness;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Workspace;

/// <summary>Scripts in a data-named folder of the source tree are fixtures when only the tests import them.</summary>
[Collection(ScanCollection.Name)]
public sealed class TestOnlyScriptFoldersTests
{
    private const string Mock = "export const product = { image: 'https://images.acme-shop.com/p/1.jpg' };\n";

    [Fact]
    public void Mock_data_imported_only_by_tests_is_a_fixture_and_imported_by_the_service_it_ships()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/mocks/products.js", Mock);
        repository.Write("service/tests/products.test.js", "const { product } = require('../src/mocks/products');\ntest('image', () => expect(product.image).toContain('p/1'));\n");
        repository.Commit("mock data");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal("passed", run.Status("hardcoded-values"));

        repository.Write("service/src/catalog.js", "const { product } = require('./mocks/products');\nmodule.exports = () => product;\n");
        repository.Commit("the service serves the mock");
        ConnectSample.Tag(repository, "v1.0.2");

        var shipped = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(
            ["service/src/mocks/products.js:1: CK1001 The URL 'https://images.acme-shop.com/p/1.jpg' is hardcoded; read it from configuration"],
            shipped.Evidence("hardcoded-values"));
    }

    [Fact]
    public void A_seed_script_a_package_json_runs_stays_source()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/seeds/types.js", "module.exports = { host: 'https://api.acme-shop.com/v1' };\n");
        repository.Write("service/package.json", ConnectSample.Read(repository, "service/package.json").Replace(
            "\"connector:post-deploy\": \"node src/post-deploy.js\"", "\"connector:post-deploy\": \"node src/post-deploy.js && node src/seeds/types.js\"", StringComparison.Ordinal));
        repository.Commit("seed");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(
            ["service/src/seeds/types.js:1: CK1001 The URL 'https://api.acme-shop.com/v1' is hardcoded; read it from configuration"],
            run.Evidence("hardcoded-values"));
    }
}
