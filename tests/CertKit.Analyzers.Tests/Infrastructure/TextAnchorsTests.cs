using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Tests.Infrastructure;

public class TextAnchorsTests
{
    private const string Source = "class C { void A() { Save(); } void B() { Load(); } void D() { db.SAVECHANGES(); } }";

    [Theory]
    [InlineData("void A() { Save(); }", true)]
    [InlineData("void B() { Load(); }", false)]
    [InlineData("void D() { db.SAVECHANGES(); }", true)]
    [InlineData("Sav", false)]
    [InlineData("ave(); }", false)]
    public void An_anchor_counts_only_when_it_lies_wholly_inside_the_span(string text, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var anchors = new TextAnchors(StringComparison.OrdinalIgnoreCase, "save", "store");

        Assert.Equal(expected, anchors.AnyIn(tree, new TextSpan(Source.IndexOf(text, StringComparison.Ordinal), text.Length)));
    }

    [Fact]
    public void The_comparison_decides_the_case()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var anchors = new TextAnchors(StringComparison.Ordinal, "Save");
        var span = new TextSpan(Source.IndexOf("void D", StringComparison.Ordinal), "void D() { db.SAVECHANGES(); }".Length);

        Assert.False(anchors.AnyIn(tree, span));
        Assert.True(anchors.AnyIn(tree, new TextSpan(0, Source.Length)));
    }
}
