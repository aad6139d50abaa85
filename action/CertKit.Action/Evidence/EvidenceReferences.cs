using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CertKit.Action.Scanning;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Evidence;

/// <summary>
/// What syntax-only compilations of a repository's C# bind against: the running .NET's framework assemblies plus, when
/// installed beside it, ASP.NET Core's shared framework (IOptions, IConfiguration, AddHttpClient), so option types and
/// typed clients resolve without a restore.
/// </summary>
internal static class EvidenceReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> Get() => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var references = FrameworkReferences.Get().ToBuilder();
        var runtime = new DirectoryInfo(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()));
        var aspNetCore = runtime.Parent?.Parent is { } shared ? new DirectoryInfo(Path.Combine(shared.FullName, "Microsoft.AspNetCore.App", runtime.Name)) : null;
        if (aspNetCore is { Exists: true })
        {
            foreach (var file in aspNetCore.EnumerateFiles("*.dll").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                try
                {
                    references.Add(MetadataReference.CreateFromFile(file.FullName));
                }
                catch (IOException)
                {
                    // an unreadable assembly only costs binding precision
                }
            }
        }

        return references.ToImmutable();
    }
}
