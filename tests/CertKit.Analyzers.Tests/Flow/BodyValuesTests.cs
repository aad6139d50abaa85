using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Tests.Flow;

public class BodyValuesTests
{
    private const string Source = """
        class Holder { public string Token = ""; }
        class C
        {
            void M(string p)
            {
                var a = "first";
                a += "second";
                p = "third";
                var o = new Holder();
                o.Token = a;
                foreach (var ch in "abc") { }
            }
        }
        """;

    [Fact]
    public void Every_value_written_to_a_local_in_source_order_compound_ones_marked()
    {
        var body = new FlowTestCode(Source).Body("M");
        var table = BodyValues.Of(body);

        Assert.True(table.TryGetValues(FlowTestCode.Local(body, "a"), out var values));
        Assert.Equal(2, values.Count);
        Assert.Equal("first", values[0].Value.ConstantValue.Value);
        Assert.False(values[0].IsCompound);
        Assert.Equal("second", values[1].Value.ConstantValue.Value);
        Assert.True(values[1].IsCompound);
    }

    [Fact]
    public void Values_written_to_a_parameter_are_kept_too()
    {
        var body = new FlowTestCode(Source).Body("M");
        var parameter = ((IMethodSymbol)((IMethodBodyOperation)body).SemanticModel!.GetDeclaredSymbol(body.Syntax)!).Parameters[0];

        Assert.True(BodyValues.Of(body).TryGetValues(parameter, out var values));
        Assert.Equal("third", Assert.Single(values).Value.ConstantValue.Value);
    }

    [Fact]
    public void Members_written_on_an_object_held_in_a_local_and_foreach_collections()
    {
        var body = new FlowTestCode(Source).Body("M");
        var table = BodyValues.Of(body);

        Assert.True(table.TryGetMemberValues(FlowTestCode.Local(body, "o"), out var members));
        var (member, value) = Assert.Single(members);
        Assert.Equal("Token", member.Name);
        Assert.IsAssignableFrom<ILocalReferenceOperation>(value);

        var loopVariable = ((IForEachLoopOperation)FlowTestCodeExtensions.First<IForEachLoopOperation>(body)).Locals[0];
        Assert.True(table.TryGetForEachCollection(loopVariable, out var collection));
        Assert.Equal("abc", OperationTree.Unwrap(collection).ConstantValue.Value);
    }

    [Fact]
    public void One_table_per_body_whichever_operation_asks()
    {
        var body = new FlowTestCode(Source).Body("M");
        var inner = FlowTestCodeExtensions.First<IForEachLoopOperation>(body);

        Assert.Same(BodyValues.Of(body), BodyValues.Of(inner));
    }
}

internal static class FlowTestCodeExtensions
{
    public static T First<T>(IOperation body)
        where T : IOperation
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException("no " + typeof(T).Name);
    }
}
