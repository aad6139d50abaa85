using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>The sink tables of the flow engine, asked directly.</summary>
public class SinksTests
{
    private const string Source = """
        using System.Net;
        using Microsoft.Extensions.Logging;
        class C
        {
            void Credential(string secret) => new NetworkCredential("user", secret);

            void NotACredential(string value) => new System.Uri(value);

            void Logged(ILogger logger, string value) => logger.LogInformation("{Value}", value);
        }
        """;

    [Fact]
    public void A_parameter_named_as_a_credential_is_a_credential_sink()
    {
        var code = new FlowTestCode(Source);
        var creation = (IObjectCreationOperation)FlowTestCode.Call(code.Body("Credential"), "NetworkCredential");
        var sinks = new CredentialSinks(code.Compilation, ImmutableArray<string>.Empty);

        var sink = sinks.ForArgument(creation.Constructor!, creation.Arguments[1], out var mode);

        Assert.NotNull(sink);
        Assert.Equal(SinkCategory.Credential, sink!.Category);
        Assert.Equal("password", sink.Name);
        Assert.Equal(CredentialNameKind.Credential, sink.NameKind);
        Assert.Equal(TraceMode.Whole, mode);
        Assert.Null(sinks.ForArgument(creation.Constructor!, creation.Arguments[0], out _));
    }

    [Fact]
    public void An_argument_of_an_unrelated_api_is_no_sink()
    {
        var code = new FlowTestCode(Source);
        var creation = (IObjectCreationOperation)FlowTestCode.Call(code.Body("NotACredential"), "Uri");

        Assert.Null(new CredentialSinks(code.Compilation, ImmutableArray<string>.Empty).ForArgument(creation.Constructor!, creation.Arguments[0], out _));
    }

    [Fact]
    public void A_logger_call_is_a_log_sink_and_its_logger_argument_is_context()
    {
        var code = new FlowTestCode(Source);
        var invocation = (IInvocationOperation)FlowTestCode.Call(code.Body("Logged"), "LogInformation");
        var sinks = LogSinks.For(code.Compilation);

        Assert.Same(sinks, LogSinks.For(code.Compilation));
        Assert.Equal("ILogger.LogInformation", sinks.Describe(invocation, invocation.TargetMethod, invocation.TargetMethod.ContainingType));
        Assert.True(sinks.IsContextParameter(invocation.TargetMethod.Parameters[0].Type));
        Assert.False(sinks.IsContextParameter(invocation.TargetMethod.Parameters[1].Type));
    }
}
