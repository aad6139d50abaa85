using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>
/// The tables compilation end resolves flows with, and when a rule may read another rule's: only when it recorded exactly
/// the same answers (the same objects, in any order), never a subset, a superset or an equal-looking answer computed again.
/// </summary>
public class FlowTablesTests
{
    private const string Source = """
        class C
        {
            string Token = "";
            string Secret() => "";
            void Use(string key) { }
        }
        """;

    [Fact]
    public void Each_recorded_value_goes_to_the_table_of_its_kind_under_its_symbol()
    {
        var (member, returned, parameter) = Symbols();
        var tables = new FlowTables(new List<OperationFlow>
        {
            Answer(FlowTable.Member, member),
            Answer(FlowTable.Return, returned),
            Answer(FlowTable.Argument, parameter),
            Answer(FlowTable.Argument, parameter),
        });

        Assert.Single(tables.MemberValues[member]);
        Assert.Single(tables.ReturnValues[returned]);
        Assert.Equal(2, tables.Arguments[parameter].Count);
        Assert.False(tables.MemberValues.ContainsKey(returned));
    }

    [Fact]
    public void Tables_are_shared_only_for_the_same_answers()
    {
        var (member, returned, _) = Symbols();
        var first = Answer(FlowTable.Member, member);
        var second = Answer(FlowTable.Return, returned);
        var tables = new FlowTables(new List<OperationFlow> { first, second });

        Assert.True(tables.BuiltFrom(new List<OperationFlow> { second, first }));
        Assert.False(tables.BuiltFrom(new List<OperationFlow> { first }));
        Assert.False(tables.BuiltFrom(new List<OperationFlow> { first, second, Answer(FlowTable.Member, member) }));
        Assert.False(tables.BuiltFrom(new List<OperationFlow> { first, Answer(FlowTable.Return, returned) }));
    }

    private static (ISymbol Member, ISymbol Returned, ISymbol Parameter) Symbols()
    {
        var type = new FlowTestCode(Source).Compilation.GetTypeByMetadataName("C")!;
        var use = (IMethodSymbol)type.GetMembers("Use").Single();
        return (type.GetMembers("Token").Single(), type.GetMembers("Secret").Single(), use.Parameters[0]);
    }

    private static OperationFlow Answer(FlowTable table, ISymbol symbol) =>
        new(null, new List<(FlowTable, ISymbol, List<Origin>)> { (table, symbol, new List<Origin> { Origin.For(OriginKind.Member, symbol) }) });
}
