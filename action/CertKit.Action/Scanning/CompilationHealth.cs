using Microsoft.CodeAnalysis;

namespace CertKit.Action.Scanning;

/// <summary>
/// How much of a compilation resolved. A compilation without its core library, or whose files are full of unresolved
/// types, binds no call or type the symbol-based rules look for: it is <see cref="Degraded"/>, and every verdict that
/// rests on those rules says so instead of passing.
/// </summary>
internal sealed record CompilationHealth(int CSharpFiles, int UnresolvedNames, int FilesWithUnresolvedNames, bool CoreLibraryMissing, IReadOnlyList<string> Examples)
{
    // The compiler's "type or name not found" family: what a missing reference or framework produces.
    private static readonly HashSet<string> UnresolvedIds = new(StringComparer.Ordinal) { "CS0246", "CS0234", "CS0012", "CS1069", "CS0103", "CS0518" };

    /// <summary>Below this many unresolved names a compilation is merely untidy (a missing generated file, a typo).</summary>
    public const int MinimumUnresolved = 5;

    /// <summary>Degraded when the core library is missing, or when unresolved names reach a quarter of the C# files.</summary>
    public bool Degraded => CoreLibraryMissing || (UnresolvedNames >= MinimumUnresolved && FilesWithUnresolvedNames * 4 >= CSharpFiles);

    /// <summary>Why the compilation is degraded, for coverage lines ("1,204 unresolved names in 40 of 52 files, e.g. ApiController").</summary>
    public string Describe() => CoreLibraryMissing
        ? $"the core library is missing (System.Object is not defined): {UnresolvedNames:N0} unresolved names"
        : $"{UnresolvedNames:N0} unresolved names in {FilesWithUnresolvedNames} of {CSharpFiles} C# files" + (Examples.Count > 0 ? ", e.g. " + string.Join(", ", Examples) : string.Empty);

    public static CompilationHealth Measure(Compilation compilation, IEnumerable<Diagnostic> compilerDiagnostics, Func<string, bool> isRepositoryFile)
    {
        var unresolved = 0;
        var files = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<string>();
        // The compiler's diagnostics come in the order concurrent analysis met them: sorted by place, so the examples a
        // report names are the same in every run (a pack and a check run alone must agree).
        foreach (var diagnostic in compilerDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error || !UnresolvedIds.Contains(diagnostic.Id))
            {
                continue;
            }

            var path = diagnostic.Location.SourceTree?.FilePath;
            if (path is null || !isRepositoryFile(path))
            {
                continue;
            }

            unresolved++;
            files.Add(path);
            if (examples.Count < 3 && diagnostic.Location.SourceTree is { } tree)
            {
                var name = tree.GetText().ToString(diagnostic.Location.SourceSpan);
                if (name.Length is > 0 and < 60 && !examples.Contains(name, StringComparer.Ordinal))
                {
                    examples.Add(name);
                }
            }
        }

        var csharpFiles = compilation.SyntaxTrees.Count(tree => isRepositoryFile(tree.FilePath));
        var coreMissing = csharpFiles > 0 && compilation.GetSpecialType(SpecialType.System_Object).TypeKind == TypeKind.Error;
        return new CompilationHealth(csharpFiles, unresolved, files.Count, coreMissing, examples);
    }
}
