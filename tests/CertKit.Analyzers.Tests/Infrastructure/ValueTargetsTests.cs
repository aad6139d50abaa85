using CertKit.Analyzers.Infrastructure;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Tests.Infrastructure;

public class ValueTargetsTests
{
    // Every shape of argument list the rules meet, calls that do not bind among them.
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        static class Extensions
        {
            public static string Tag(this string text, string label, params string[] more) => text + label;
        }

        class Base
        {
            protected Base(string endpoint) { }
        }

        class Client : Base
        {
            private readonly Dictionary<string, string> settings = new();
            private readonly Action<string> callback = _ => { };

            public Client() : base("https://base.example.com") { }

            public string this[string key, int slot] => key;

            public void Connect(string host, string password = "", params object[] extra) { }

            public void Use()
            {
                Connect("https://one.example.com", "s3cr3t-value", "a", "b");
                Connect(password: "named-secret", host: "https://two.example.com");
                Connect("https://three.example.com", "x", new object[] { "in-array" });
                var uri = new Uri("https://four.example.com");
                Client c = new();
                var v = c["key-one", 2];
                settings["settings-key"] = "settings-value";
                "text".Tag("label-value", "more-one", "more-two");
                Extensions.Tag("static-text", "static-label");
                callback("delegate-value");
                Console.WriteLine("{0} {1}", "first", "second");
                var unknown = Missing("does-not-bind");
                Connect(42, "wrong-overload");
                dynamic d = this;
                d.Connect("dynamic-value");
                var parsed = string.Join(",", new[] { "a" }.Select(x => x + "y"));
                UnknownLogger log = null;
                log.Write("unresolved-receiver");
                var missingType = new UnknownType("unresolved-type");
                var letters = new[] { "z" };
                var letter = letters[0];
                Connect(host: "named-only");
            }
        }
        """;

    [Fact]
    public void The_parameter_name_of_every_argument_is_the_one_its_operation_binds_to()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("ValueTargetsTests", [tree], TestReferences.Net80.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);

        var checkedArguments = 0;
        var named = 0;
        foreach (var argument in tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>())
        {
            // What the argument's operation says, from a semantic model of its own (GetParameterName must not need its map).
            var expected = compilation.GetSemanticModel(tree).GetOperation(argument) is IArgumentOperation { Parameter: { } parameter } ? parameter.Name : null;
            var actual = ValueTargets.GetParameterName(argument, model, CancellationToken.None);
            if (argument.NameColon is null)
            {
                Assert.True(expected == actual, $"{argument}: expected {expected ?? "null"}, got {actual ?? "null"}");
            }

            checkedArguments++;
            named += actual is null ? 0 : 1;
        }

        Assert.True(checkedArguments >= 25, checkedArguments.ToString());
        Assert.True(named >= 18, named.ToString());
    }

    [Theory]
    [InlineData("\"https://one.example.com\"", "host")]
    [InlineData("\"b\"", null)]
    [InlineData("new object[] { \"in-array\" }", "extra")]
    [InlineData("\"https://base.example.com\"", "endpoint")]
    [InlineData("\"https://four.example.com\"", "uriString")]
    [InlineData("\"key-one\"", "key")]
    [InlineData("2", "slot")]
    [InlineData("\"label-value\"", "label")]
    [InlineData("\"static-label\"", "label")]
    [InlineData("\"delegate-value\"", "obj")]
    [InlineData("\"second\"", "arg1")]
    [InlineData("\"more-two\"", null)]
    [InlineData("\"does-not-bind\"", null)]
    [InlineData("\"wrong-overload\"", null)]
    [InlineData("\"dynamic-value\"", null)]
    [InlineData("\"unresolved-receiver\"", null)]
    [InlineData("\"unresolved-type\"", null)]
    public void Names_the_parameter_an_argument_is_given_to(string argumentText, string? parameterName)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("ValueTargetsTests", [tree], TestReferences.Net80.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var argument = tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>().First(a => a.Expression.ToString() == argumentText);

        Assert.Equal(parameterName, ValueTargets.GetParameterName(argument, compilation.GetSemanticModel(tree), CancellationToken.None));
    }
}
