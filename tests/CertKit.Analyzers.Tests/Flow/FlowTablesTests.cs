using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>The tables compilation end resolves flows with: each recorded value under its symbol, in the table of its kind.</summary>
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

    private static (ISymbol Member, ISymbol Returned, ISymbol Parameter) Symbols()
    {
        var type = new FlowTestCode(Source).Compilation.GetTypeByMetadataName("C")!;
        var use = (IMethodSymbol)type.GetMembers("Use").Single();
        return (type.GetMembers("Token").Single(), type.GetMembers("Secret").Single(), use.Parameters[0]);
    }

    private static OperationFlow Answer(FlowTable table, ISymbol symbol) =>
        new(null, new List<(FlowTable, ISymbol, List<Origin>)> { (table, symbol, new List<Origin> { Origin.For(OriginKind.Member, symbol) }) });
}
