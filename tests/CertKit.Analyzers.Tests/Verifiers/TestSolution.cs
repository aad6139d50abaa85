using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// The solution a test starts from, as the testing library builds it, but with a <see cref="ReferenceSet"/> restored by
/// NuGet instead of <see cref="ReferenceAssemblies"/> (which resolves packages at test time, through a folder in the
/// shared temp path).
/// </summary>
internal static class TestSolution
{
    public static Solution Create(
        Workspace workspace,
        IEnumerable<Func<OptionSet, OptionSet>> optionsTransforms,
        ProjectId projectId,
        EvaluatedProjectState projectState,
        CompilationOptions compilationOptions,
        ParseOptions parseOptions,
        ReferenceSet references)
    {
        foreach (var transform in optionsTransforms)
        {
#pragma warning disable CS0618 // Workspace.Options: the testing library applies OptionsTransforms the same way.
            workspace.Options = transform(workspace.Options);
#pragma warning restore CS0618
        }

        return workspace.CurrentSolution
            .AddProject(projectId, projectState.Name, projectState.Name, projectState.Language)
            .WithProjectCompilationOptions(projectId, compilationOptions.WithOutputKind(projectState.OutputKind))
            .WithProjectParseOptions(projectId, parseOptions.WithDocumentationMode(projectState.DocumentationMode))
            .AddMetadataReferences(projectId, references.References);
    }
}
