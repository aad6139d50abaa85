using CertKit.Action.Evidence;
using CertKit.Action.Evidence.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CertKit.Action.Tests.Evidence;

/// <summary>The public API diff on two versions of one file: what is breaking, what is an addition, what is nothing.</summary>
public sealed class ApiDiffTests
{
    private static ApiDiffResult Diff(string before, string after) =>
        ApiDiff.Compare(Surface(before), Surface(after));

    private static ApiSurface Surface(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText(source, path: "/repo/src/Lib.cs")],
            EvidenceReferences.Get(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var symbols = new Dictionary<string, ApiSymbol>(StringComparer.Ordinal);
        ApiSurfaceCollector.Collect(compilation, path => path.StartsWith("/repo/", StringComparison.Ordinal) ? path["/repo/".Length..] : null, symbols);
        return new ApiSurface(symbols, []);
    }

    private static string[] Breaking(ApiDiffResult diff) => diff.Breaking.Select(c => $"{c.Description} @{c.Line}").ToArray();

    private static string[] Added(ApiDiffResult diff) => diff.Added.Select(c => $"{c.Description} @{c.Line}").ToArray();

    [Fact]
    public void PrivateAndInternalChangesAndBodiesAreNotTheSurface()
    {
        var diff = Diff(
            "public class A { public int M() => 1; private void P() {} internal void I() {} }\ninternal class Hidden { public void X() {} }",
            "public class A { public int M() => 2; private void Q() {} internal void J() {} }\ninternal class Hidden { public void Y() {} }");

        Assert.Empty(diff.Breaking);
        Assert.Empty(diff.Added);
    }

    [Fact]
    public void DefaultValuesOptionalityAndSignatures()
    {
        var diff = Diff(
            "public class A\n{\n    public void Retry(int times = 3) {}\n    public void Wait(int ms = 100) {}\n    public void Go(int a) {}\n    public void Size(int max) {}\n}",
            "public class A\n{\n    public void Retry(int times = 5) {}\n    public void Wait(int ms) {}\n    public void Go(long a) {}\n    public void Size(int max = 10) {}\n}");

        Assert.Equal(
            [
                "method A.Retry(int): parameter times changed from optional = 3 to optional = 5 @3",
                "method A.Wait(int): optional parameter ms became required (was optional = 100) @4",
                "method A.Go(int) changed its signature to A.Go(long) @5",
            ],
            Breaking(diff));
        Assert.Equal(["method A.Size(int): parameter max became optional (optional = 10) @6"], Added(diff));
    }

    [Fact]
    public void TypeModifiersInterfaceMembersEnumsAndAccessibility()
    {
        var diff = Diff(
            "public class Open { }\npublic interface IClient { void Send(); }\npublic enum Zone { Eu = 1, Us = 2 }\npublic class B { public void Visible() {} public string Name { get; set; } = \"\"; public const int Limit = 5; }",
            "public sealed class Open { }\npublic interface IClient { void Send(); void Flush(); }\npublic enum Zone { Eu = 1 }\npublic class B { protected void Visible() {} public string Name { get; init; } = \"\"; public const int Limit = 6; public static B Create() => new(); }\npublic record Added(int X);");

        Assert.Equal(
            [
                "type Open: now sealed @1",
                "method IClient.Flush() added to the existing interface IClient (implementers must add it) @2",
                "enum value Zone.Us removed @3",
                "field B.Limit: value changed from 5 to 6 @4",
                "method B.Visible() became protected (was public) @4",
                "property B.Name: accessor set removed (now { get init }) @4",
            ],
            Breaking(diff));
        Assert.Equal(["method B.Create() added @4", "type Added added @5"], Added(diff));
    }
}
