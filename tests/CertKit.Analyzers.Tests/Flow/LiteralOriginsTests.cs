using CertKit.Analyzers.Flow;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>The forward direction of the flow engine: from a sink's value back to the literals written in source.</summary>
public class LiteralOriginsTests
{
    private const string Source = """
        using System;
        using System.Net;
        using System.Text;
        class C
        {
            void ThroughLocals()
            {
                var pwd = "Winter2024!";
                var trimmed = pwd.Trim();
                new NetworkCredential("user", trimmed);
            }

            void FromTheEnvironment()
            {
                var pwd = Environment.GetEnvironmentVariable("DB_PASSWORD");
                new NetworkCredential("user", pwd);
            }

            void FromAParameter(string pwd) => new NetworkCredential("user", pwd);

            void Appended()
            {
                var pwd = "prefix";
                pwd += Environment.MachineName;
                new NetworkCredential("user", pwd);
            }

            void AsBytes()
            {
                var key = Encoding.UTF8.GetBytes("0123456789abcdef");
                System.Security.Cryptography.Aes.Create().Key = key;
            }
        }
        """;

    [Fact]
    public void A_literal_reaches_the_sink_through_locals_and_a_trim()
    {
        var code = new FlowTestCode(Source);
        var argument = FlowTestCode.Argument(code.Body("ThroughLocals"), "NetworkCredential", "password");

        var origins = new LiteralOrigins(code.Compilation).Trace(argument.Value, TraceMode.Whole);

        var origin = Assert.Single(origins!);
        Assert.Equal(OriginKind.Literal, origin.Kind);
        Assert.Equal("Winter2024!", origin.Text);
    }

    [Fact]
    public void A_value_read_from_the_environment_has_no_origin()
    {
        var code = new FlowTestCode(Source);
        var argument = FlowTestCode.Argument(code.Body("FromTheEnvironment"), "NetworkCredential", "password");

        Assert.Null(new LiteralOrigins(code.Compilation).Trace(argument.Value, TraceMode.Whole));
    }

    [Fact]
    public void A_parameter_is_an_origin_its_call_sites_decide()
    {
        var code = new FlowTestCode(Source);
        var argument = FlowTestCode.Argument(code.Body("FromAParameter"), "NetworkCredential", "password");

        var origin = Assert.Single(new LiteralOrigins(code.Compilation).Trace(argument.Value, TraceMode.Whole)!);
        Assert.Equal(OriginKind.Parameter, origin.Kind);
        Assert.Equal("pwd", origin.Symbol!.Name);
    }

    [Fact]
    public void A_compound_assignment_does_not_make_its_literal_the_whole_value()
    {
        var code = new FlowTestCode(Source);
        var argument = FlowTestCode.Argument(code.Body("Appended"), "NetworkCredential", "password");

        var origin = Assert.Single(new LiteralOrigins(code.Compilation).Trace(argument.Value, TraceMode.Whole)!);
        Assert.Equal("prefix", origin.Text);
    }

    [Fact]
    public void Encoding_GetBytes_keeps_the_literal()
    {
        var code = new FlowTestCode(Source);
        var body = code.Body("AsBytes");
        var assignment = FlowTestCodeExtensions.First<Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation>(body);

        var origin = Assert.Single(new LiteralOrigins(code.Compilation).Trace(assignment.Value, TraceMode.Whole)!);
        Assert.Equal("0123456789abcdef", origin.Text);
    }
}
