using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Readiness;

[Collection(ScanCollection.Name)]
public sealed class VenafiCheckTests
{
    private const string Readme = """
        # Venafi connector

        ## Installation

        Add the package.

        ## Configuration

        Set `Venafi:ApiKey` from your secret store.

        ## Usage

        ```csharp
        var certificate = await client.RequestAsync("app.internal");
        ```

        ## Support

        Open an issue: https://github.com/acme/venafi-connector/issues
        """;

    [Fact]
    public void A_documented_tested_integration_passes_and_the_demo_stays_manual()
    {
        using var repository = Integration(Readme);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(["documentation", "usage-examples", "support-model", "tests", "hardcoded-values"], run.Ids("passed"));
        Assert.Equal(["data-harvesting", "demo"], run.Ids("manual"));
        Assert.Equal("README.md:17: Support: https://github.com/acme/venafi-connector/issues", Assert.Single(run.Evidence("support-model")));
        Assert.Equal("README.md:11: Usage, with a code example", Assert.Single(run.Evidence("usage-examples")));
        Assert.True(run.Ready);
    }

    [Fact]
    public void Without_a_support_section_support_model_fails()
    {
        using var repository = Integration(Readme[..Readme.IndexOf("## Support", StringComparison.Ordinal)]);

        var run = CheckRun.Of(repository.Root, "venafi");

        Assert.Equal(["support-model"], run.Ids("failed"));
        Assert.Equal("README.md: no support section (a heading with Support, Getting help or Contact) and no SUPPORT.md", Assert.Single(run.Evidence("support-model")));
        Assert.Equal(1, run.Run.ExitCode);
    }

    private static TempRepository Integration(string readme)
    {
        var repository = TempRepository.Create();
        repository.Write("README.md", readme);
        repository.Write("src/Connector/Connector.cs", "namespace Connector;\n\npublic static class Greeting\n{\n    public static string Hello(string name) => \"Hello \" + name;\n}\n");
        repository.Write("tests/Connector.Tests/Connector.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"17.0.0\" />\n  </ItemGroup>\n</Project>\n");
        repository.Write("tests/Connector.Tests/GreetingTests.cs", "public class GreetingTests { }\n");
        return repository;
    }
}
