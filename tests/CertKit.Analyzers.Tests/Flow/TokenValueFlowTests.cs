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

            void ParameterOverwritten(string data)
            {
                data = Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(data)));
                Console.WriteLine(data);
            }

            void SecretParameter(string apiKey)
            {
                Console.WriteLine(apiKey);
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
        var verdict = NewFlow(code, body).Classify(argument.Value);

        Assert.Equal(kind, verdict.Kind.ToString());
        Assert.Equal(name, verdict.Name);
    }

    /// <summary>
    /// A rule that asks only whether a value exposes a secret (CK3002's log arguments) gets the classification with Protected
    /// read as None: a plain parameter written with a hash in the body is no secret either way, and a secret stays one.
    /// </summary>
    [Theory]
    [InlineData("ParameterOverwritten", "Protected", "None")]
    [InlineData("Hashed", "Protected", "None")]
    [InlineData("SecretParameter", "Token", "Token")]
    [InlineData("Interpolated", "Token", "Token")]
    [InlineData("Plain", "None", "None")]
    public void Exposure_is_the_classification_with_protected_read_as_none(string method, string classified, string exposure)
    {
        var code = new FlowTestCode(Source);
        var body = code.Body(method);
        var argument = FlowTestCode.Argument(body, "WriteLine", "value");

        Assert.Equal(classified, NewFlow(code, body).Classify(argument.Value).Kind.ToString());
        Assert.Equal(exposure, NewFlow(code, body).ClassifyExposure(argument.Value).Kind.ToString());
    }

    private static TokenValueFlow NewFlow(FlowTestCode code, IOperation body) =>
        new(TokenFlowSymbols.For(code.Compilation), ImmutableArray.Create(body), CertKitOptions.Default, countConnectionStrings: false);
}
