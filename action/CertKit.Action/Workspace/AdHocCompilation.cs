using System.Collections.Concurrent;
using System.Collections.Immutable;
using CertKit.Action.Evidence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Workspace;

/// <summary>
/// The one way the tool compiles C# without MSBuild (the scan's fallback and files under no project, the API diff's
/// syntax fallback, the endpoint inventory): the same language version, the same implicit usings an SDK-style web
/// project has, and the same references (the running .NET and ASP.NET Core's shared framework, plus a project's own
/// package or .NET Framework assemblies), so the three read the same code the same way.
/// </summary>
internal static class AdHocCompilation
{
    /// <summary>The global usings an SDK-style project with ImplicitUsings compiles with (web SDK included).</summary>
    public const string ImplicitUsings =
        "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n" +
        "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Net.Http.Json;\n" +
        "global using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";

    public const string ImplicitUsingsPath = "certkit-implicit-usings.g.cs";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly ConcurrentDictionary<string, MetadataReference> SharedMetadata = new(StringComparer.Ordinal);

    public static SyntaxTree Parse(SourceText text, string path, CancellationToken cancellationToken) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path, cancellationToken);

    /// <param name="extraReferences">Assembly files of the project (packages, hint paths, .NET Framework reference assemblies).</param>
    /// <param name="ownFramework">Whether <paramref name="extraReferences"/> hold the whole framework (.NET Framework): then neither the running .NET nor the SDK's implicit usings are added.</param>
    public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> trees, IReadOnlyList<string> extraReferences, bool ownFramework, CancellationToken cancellationToken)
    {
        var all = trees.ToList();
        if (all.Count > 0 && !ownFramework)
        {
            all.Add(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings), ParseOptions, ImplicitUsingsPath, cancellationToken));
        }

        // A package may carry an assembly the framework also has (System.Text.Json …): the framework's copy stays, as in a build's conflict resolution.
        var framework = ownFramework ? ImmutableArray<MetadataReference>.Empty : EvidenceReferences.Get();
        var frameworkNames = new HashSet<string>(framework.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)), StringComparer.OrdinalIgnoreCase);
        var references = framework.AddRange(extraReferences
            .Where(path => !frameworkNames.Contains(Path.GetFileName(path)))
            .Select(path => SharedMetadata.GetOrAdd(path, file => MetadataReference.CreateFromFile(file))));
        return CSharpCompilation.Create(
            assemblyName,
            all,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }
}
