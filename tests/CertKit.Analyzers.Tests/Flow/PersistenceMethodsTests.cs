using CertKit.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>The pre-filter of CK2001's persistence flow: does a method of this compilation call something that stores?</summary>
public class PersistenceMethodsTests
{
    private const string Source = """
        using System.IO;
        class Repository
        {
            public void Save(string path, string value) { File.WriteAllText(path, value); }

            public string Show(string value) { return value.Trim(); }

            public void Keep<T>(T value, string path) { File.AppendAllText(path, value!.ToString()); }

            void Caller()
            {
                Save("p", "v");
                Show("v");
                Keep(1, "p");
            }
        }
        """;

    [Fact]
    public void Answers_per_method_asked_in_turn_and_again_the_same()
    {
        var code = new FlowTestCode(Source);
        var caller = code.Body("Caller");
        var save = Target(caller, "Save");
        var show = Target(caller, "Show");
        var keep = Target(caller, "Keep");
        Assert.True(keep.IsGenericMethod && !SymbolEqualityComparer.Default.Equals(keep, keep.OriginalDefinition));

        var persistence = new PersistenceMethods(code.Compilation);
        for (var round = 0; round < 3; round++)
        {
            Assert.True(persistence.MayStore(save));
            Assert.False(persistence.MayStore(show));
            Assert.True(persistence.MayStore(keep));
            Assert.True(persistence.MayStore(keep.OriginalDefinition));
        }
    }

    private static IMethodSymbol Target(IOperation body, string name) => ((IInvocationOperation)FlowTestCode.Call(body, name)).TargetMethod;
}
