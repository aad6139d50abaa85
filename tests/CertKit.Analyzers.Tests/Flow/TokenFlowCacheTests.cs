using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>Each thread keeps the flow of the body it analyses now; a flow is never shared between threads.</summary>
public class TokenFlowCacheTests
{
    private const string Source = """
        using System;
        class C
        {
            void First(string token) { Console.WriteLine(token); Console.WriteLine(token + "!"); }

            void Second(string apiKey) { Console.WriteLine(apiKey); }
        }
        """;

    [Fact]
    public void Operations_of_one_body_share_its_flow_until_another_body_is_asked_about()
    {
        var code = new FlowTestCode(Source);
        var cache = new TokenFlowCache(TokenFlowSymbols.For(code.Compilation), new AnalyzerOptions([]), countConnectionStrings: false);
        var first = code.Body("First");
        var second = code.Body("Second");
        var firstCall = FlowTestCode.Call(first, "WriteLine");

        var flow = cache.Get(firstCall);
        Assert.Same(first, flow.Root);
        Assert.Same(flow, cache.For(FlowTestCode.Argument(first, "WriteLine", "value")).Value);

        var secondFlow = cache.Get(FlowTestCode.Call(second, "WriteLine"));
        Assert.Same(second, secondFlow.Root);

        // Back to the first body: a new flow, with the same answers.
        var again = cache.Get(firstCall);
        Assert.NotSame(flow, again);
        Assert.Equal(flow.Classify(FlowTestCode.Argument(first, "WriteLine", "value").Value).Kind, again.Classify(FlowTestCode.Argument(first, "WriteLine", "value").Value).Kind);
        Assert.Equal(SensitiveKind.Token, again.Classify(FlowTestCode.Argument(first, "WriteLine", "value").Value).Kind);
    }

    [Fact]
    public void Another_thread_gets_a_flow_of_its_own_for_the_same_body()
    {
        var code = new FlowTestCode(Source);
        var cache = new TokenFlowCache(TokenFlowSymbols.For(code.Compilation), new AnalyzerOptions([]), countConnectionStrings: false);
        var call = FlowTestCode.Call(code.Body("First"), "WriteLine");

        var mine = cache.Get(call);
        TokenValueFlow? theirs = null;
        var thread = new Thread(() => theirs = cache.Get(call));
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.NotNull(theirs);
        Assert.NotSame(mine, theirs);
        Assert.Same(mine, cache.Get(call));
    }
}
