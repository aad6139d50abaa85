using System.Collections.Immutable;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>The backward direction of the flow engine: what a value reaching a sink is.</summary>
public class TokenValueFlowTests
{
    private const string Source = """
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        class C
        {
            void FromConfiguration(IConfiguration configuration)
            {
                var value = configuration["Api:Token"];
                Console.WriteLine(value);
            }

            void Hashed(string password)
            {
                var hashed = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(password)));
                Console.WriteLine(hashed);
            }

            void Interpolated(string apiKey)
            {
                Console.WriteLine($"key={apiKey}");
            }

            void Plain(string userName)
            {
                Console.WriteLine(userName);
            }
        }
        """;

    [Theory]
    [InlineData("FromConfiguration", "Token", "Api:Token")]
    [InlineData("Hashed", "Protected", null)]
    [InlineData("Interpolated", "Token", "apiKey")]
    [InlineData("Plain", "None", null)]
    public void The_value_given_to_a_sink_is_classified_by_where_it_comes_from(string method, string kind, string? name)
    {
        var code = new FlowTestCode(Source);
        var body = code.Body(method);
        var argument = FlowTestCode.Argument(body, "WriteLine", "value");
        var flow = new TokenValueFlow(TokenFlowSymbols.For(code.Compilation), ImmutableArray.Create(body), CertKitOptions.Default, countConnectionStrings: false);

        var verdict = flow.Classify(argument.Value);

        Assert.Equal(kind, verdict.Kind.ToString());
        Assert.Equal(name, verdict.Name);
    }
}
