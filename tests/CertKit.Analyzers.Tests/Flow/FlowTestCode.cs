using System.Linq;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>A snippet compiled against the storage-and-logging references, with its operations at hand for the flow engine's tests.</summary>
internal sealed class FlowTestCode
{
    private readonly SyntaxTree tree;
    private readonly SemanticModel model;

    public FlowTestCode(string source)
    {
        tree = CSharpSyntaxTree.ParseText(source);
        Compilation = CSharpCompilation.Create(
            "FlowTests",
            [tree],
            TestReferences.StorageAndLogging.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        model = Compilation.GetSemanticModel(tree);
    }

    public Compilation Compilation { get; }

    /// <summary>The body of method <paramref name="name"/>, as the analyzer driver hands it out.</summary>
    public IOperation Body(string name)
    {
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name);
        return model.GetOperation(method)!;
    }

    /// <summary>The call to <paramref name="methodName"/> (or constructor of that type) inside <paramref name="body"/>.</summary>
    public static IOperation Call(IOperation body, string methodName) =>
        body.Descendants().First(o => o switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name == methodName,
            IObjectCreationOperation creation => creation.Type?.Name == methodName,
            _ => false,
        });

    /// <summary>The argument given to parameter <paramref name="parameter"/> of the call to <paramref name="methodName"/>.</summary>
    public static IArgumentOperation Argument(IOperation body, string methodName, string parameter)
    {
        var call = Call(body, methodName);
        var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
        return arguments.Single(a => a.Parameter?.Name == parameter);
    }

    /// <summary>The first reference to local <paramref name="name"/> in <paramref name="body"/>.</summary>
    public static ILocalSymbol Local(IOperation body, string name) =>
        body.Descendants().OfType<IVariableDeclaratorOperation>().Single(d => d.Symbol.Name == name).Symbol;
}
