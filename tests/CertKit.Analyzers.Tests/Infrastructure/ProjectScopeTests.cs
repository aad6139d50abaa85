using CertKit.Analyzers.Infrastructure;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests.Infrastructure;

public class ProjectScopeTests
{
    [Fact]
    public void Referenced_assembly_names_are_the_compilations_own_read_from_metadata()
    {
        // An assembly named xunit.core in a file of another name, a module, a referenced compilation and a reference that cannot be read.
        var framework = TestReferences.MarkerImage("xunit.core", OutputKind.DynamicallyLinkedLibrary);
        var module = TestReferences.MarkerImage("SomeModule", OutputKind.NetModule);
        var library = CSharpCompilation.Create("Library", [CSharpSyntaxTree.ParseText("public class L { }")], TestReferences.Net80.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var references = TestReferences.Net80.References
            .Add(MetadataReference.CreateFromImage(framework, filePath: "/lib/renamed.dll"))
            .Add(ModuleMetadata.CreateFromImage(module).GetReference(filePath: "/lib/SomeModule.netmodule"))
            .Add(library.ToMetadataReference())
            .Add(MetadataReference.CreateFromImage(new byte[] { 1, 2, 3 }, filePath: "/lib/broken.dll"));

        var names = ProjectScope.ReferencedAssemblyNames(Create(references));
        var bound = Create(references).ReferencedAssemblyNames.Select(n => n.Name).ToList();

        var extra = names.GroupBy(n => n).Select(g => g.Key + "x" + g.Count()).Except(bound.GroupBy(n => n).Select(g => g.Key + "x" + g.Count())).ToList();
        var missing = bound.GroupBy(n => n).Select(g => g.Key + "x" + g.Count()).Except(names.GroupBy(n => n).Select(g => g.Key + "x" + g.Count())).ToList();
        Assert.True(extra.Count == 0 && missing.Count == 0, "extra " + string.Join(",", extra) + " missing " + string.Join(",", missing));
        Assert.Contains("xunit.core", names);
        Assert.Contains("Library", names);
        Assert.DoesNotContain("renamed", names);
        Assert.DoesNotContain("SomeModule", names);
    }

    [Fact]
    public void A_compilation_referencing_a_test_framework_is_a_test_project()
    {
        var withFramework = Create(TestReferences.Net80.References.Add(MetadataReference.CreateFromImage(TestReferences.MarkerImage("xunit.core", OutputKind.DynamicallyLinkedLibrary), filePath: "/lib/renamed.dll")));
        var without = Create(TestReferences.Net80.References);
        var options = new AnalyzerOptions([]);

        Assert.True(ProjectScope.IsTestProject(withFramework, options));
        Assert.False(ProjectScope.ShouldAnalyze(withFramework, options));
        Assert.False(ProjectScope.IsTestProject(without, options));
        Assert.True(ProjectScope.ShouldAnalyze(without, options));
    }

    [Fact]
    public void A_script_is_read_from_the_bound_list_which_has_its_directive_references()
    {
        var script = CSharpSyntaxTree.ParseText("var x = 1;", new CSharpParseOptions(kind: SourceCodeKind.Script));
        var compilation = CSharpCompilation.CreateScriptCompilation("Script", script, TestReferences.Net80.References);

        Assert.Equal(compilation.ReferencedAssemblyNames.Select(n => n.Name), ProjectScope.ReferencedAssemblyNames(compilation));
    }

    private static CSharpCompilation Create(IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create("Scoped", [CSharpSyntaxTree.ParseText("class C { }")], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
