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

public class BodyValuesByNameTests
{
    // Every shape of write the walk records, and the names that only look like a variable's: members, named arguments,
    // nameof, comments, strings, longer identifiers, verbatim names, lambdas and local functions.
    private const string Source = """
        using System;
        using System.Collections.Generic;
        class Holder { public string Token = ""; public string pwd = ""; public string this[string k] { get => ""; set { } } }
        static class ListExtensions { public static void Push(this List<string> list, string value) { } }
        class C
        {
            string pwd = "";
            void Take(string pwd) { }
            void M(string pwd, string @class, string[] arr)
            {
                /* pwd */ pwd = "a";
                pwd += "b";
                pwd ??= "c";
                var pwdHash = pwd + "pwd";
                this.pwd = pwdHash;
                Take(pwd: pwdHash);
                var label = nameof(pwd);
                @class = "d";
                arr[0] = "e";
                var list = new List<string>();
                list.Add(pwd);
                list.Insert(0, "f");
                list?.Add("n");
                list.Push("p");
                (list) = new List<string>();
                var map = new Dictionary<string, string>();
                map["password"] = "g";
                map.Add("user", pwd);
                var holder = new Holder();
                holder.Token = pwd;
                holder.pwd = "h";
                holder["k"] = "i";
                Action set = () => { pwd = "j"; };
                void Local() { list = new List<string> { "k" }; }
                foreach (var ch in pwd) { }
                foreach (var (key, value) in map) { }
                (pwd, label) = ("l", "m");
                var s = $"{pwd} pwd";
                if (map.TryGetValue("x", out var found)) { pwd = found; }
            }
        }
        """;

    [Fact]
    public void Every_variable_of_the_body_gets_the_same_answers_by_name_as_by_walking_the_body()
    {
        var body = new FlowTestCode(Source).Body("M");
        var byName = BodyValues.Of(body);
        var byWalk = BodyValues.ByWalk(body);
        var variables = new List<ISymbol>(((IMethodSymbol)body.SemanticModel!.GetDeclaredSymbol(body.Syntax)!).Parameters);
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    variables.Add(declarator.Symbol);
                    break;
                case IForEachLoopOperation loop:
                    variables.AddRange(loop.Locals);
                    break;
            }
        }

        Assert.Equal("pwd class arr pwdHash label list map holder set ch ch key value s", string.Join(" ", variables.Select(v => v.Name)));
        foreach (var variable in variables)
        {
            Assert.Equal(Describe(byWalk, variable), Describe(byName, variable));
        }

        Assert.True(byName.AnsweredByName);
    }

    [Fact]
    public void A_parameter_s_writes_are_found_past_a_comment_a_string_a_member_and_a_named_argument_that_spell_its_name()
    {
        var body = new FlowTestCode(Source).Body("M");
        var parameter = ((IMethodSymbol)body.SemanticModel!.GetDeclaredSymbol(body.Syntax)!).Parameters[0];

        Assert.True(BodyValues.Of(body).TryGetValues(parameter, out var values));
        Assert.Equal(new object?[] { "a", "b", "c", "j", null }, values.Select(v => OperationTree.Unwrap(v.Value).ConstantValue.Value));
        Assert.Equal(new[] { false, true, false, false, false }, values.Select(v => v.IsCompound));
    }

    [Fact]
    public void A_local_is_searched_from_its_declaration_to_the_end_of_its_block_a_switch_section_s_through_the_whole_switch()
    {
        var body = new FlowTestCode("""
            class C
            {
                void M(int k)
                {
                    { var x = "other block"; x = "other write"; }
                    switch (k)
                    {
                        case 1:
                            var x = "a";
                            break;
                        case 2:
                            x = "b";
                            System.Action later = () => x = "c";
                            break;
                    }
                }
            }
            """).Body("M");
        var switchLocal = body.Descendants().OfType<IVariableDeclaratorOperation>().Single(d => d.Symbol.Name == "x" && d.Syntax.ToString().Contains("\"a\""));
        var table = BodyValues.Of(body);

        Assert.True(table.TryGetValues(switchLocal.Symbol, out var values));
        Assert.Equal(new object?[] { "a", "b", "c" }, values.Select(v => v.Value.ConstantValue.Value));
        Assert.True(table.AnsweredByName);
    }

    [Fact]
    public void A_body_with_a_unicode_escape_is_walked_whole_and_still_finds_the_escaped_name()
    {
        var body = new FlowTestCode("""
            class C
            {
                void M()
                {
                    var pwd = "a";
                    p\u0077d = "b";
                }
            }
            """).Body("M");
        var table = BodyValues.Of(body);

        Assert.True(table.TryGetValues(FlowTestCode.Local(body, "pwd"), out var values));
        Assert.Equal(new object?[] { "a", "b" }, values.Select(v => v.Value.ConstantValue.Value));
        Assert.False(table.AnsweredByName);
    }

    private static string Describe(BodyValues table, ISymbol variable)
    {
        var parts = new List<string> { variable.Name };
        if (table.TryGetValues(variable, out var values))
        {
            parts.AddRange(values.Select(v => $"value {v.Value.Syntax} {v.IsCompound}"));
        }

        if (variable is ILocalSymbol local)
        {
            if (table.TryGetMemberValues(local, out var members))
            {
                parts.AddRange(members.Select(m => $"member {m.Member.Name} {m.Value.Syntax}"));
            }

            if (table.TryGetElementValues(local, out var elements))
            {
                parts.AddRange(elements.Select(e => $"element {e.Key?.Syntax} {e.Value.Syntax}"));
            }

            if (table.TryGetForEachCollection(local, out var collection))
            {
                parts.Add($"foreach {collection.Syntax}");
            }
        }

        return string.Join(" | ", parts);
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
