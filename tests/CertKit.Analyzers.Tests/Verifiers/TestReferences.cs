using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference sets test sources compile against: real packages, so rules that match framework and library types are
/// tested against the real API shapes. The packages come through NuGet restore of this test project (<c>PackageDownload</c>
/// items with exact versions in the .csproj) into the normal package folder; nothing is downloaded while the tests run
/// and nothing goes through a shared temporary folder.
/// </summary>
public static class TestReferences
{
    /// <summary>
    /// A one-class assembly (or module) named <paramref name="assemblyName"/>, emitted against <see cref="Net80"/>: for a
    /// reference whose name is all that matters (a test framework, a build framework).
    /// </summary>
    public static byte[] MarkerImage(string assemblyName, OutputKind kind)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            assemblyName,
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class Marker { }")],
            Net80.References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(kind));
        using var stream = new System.IO.MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>.NET 8 plus the packages integration code commonly uses (logging, configuration).</summary>
    public static ReferenceSet Net80 => Set(nameof(Net80),
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Configuration.Abstractions");

    /// <summary>ASP.NET Core service code (CK3001, CK3003, CK4001): the ASP.NET Core reference pack, EF Core 8, Swashbuckle, Microsoft.IdentityModel.</summary>
    public static ReferenceSet AspNetCore80 => Set(nameof(AspNetCore80),
        "Microsoft.AspNetCore.App.Ref",
        "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Caching.Memory",
        "Microsoft.EntityFrameworkCore.Abstractions",
        "Microsoft.EntityFrameworkCore",
        "Swashbuckle.AspNetCore.Swagger",
        "Swashbuckle.AspNetCore.SwaggerUI",
        "Microsoft.IdentityModel.Logging");

    /// <summary>
    /// Token storage and logging (CK2001, CK3002): the ASP.NET Core shared framework (HttpResponse, ISession, IDistributedCache,
    /// IDataProtector), DPAPI, Newtonsoft.Json, application settings, EF Core, MSAL, Azure.Identity and the three common third-party loggers.
    /// </summary>
    public static ReferenceSet StorageAndLogging => Set(nameof(StorageAndLogging),
        "Microsoft.AspNetCore.App.Ref",
        "System.Security.Cryptography.ProtectedData",
        "System.Configuration.ConfigurationManager",
        "Newtonsoft.Json",
        "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Caching.Memory",
        "Microsoft.EntityFrameworkCore.Abstractions",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Identity.Client.Extensions.Msal",
        "Azure.Identity",
        "Serilog",
        "NLog",
        "log4net");

    private const string FrameworkPackage = "Microsoft.NETCore.App.Ref";
    /// <summary>The package folders a net8.0 project compiles against, nearest first.</summary>
    private static readonly string[] CompatibleFrameworks =
        ["net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp3.0", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.5", "netstandard1.3", "netstandard1.0"];
    private static readonly ConcurrentDictionary<string, ReferenceSet> Sets = new();
    private static readonly Lazy<RestoredPackages> Restored = new(RestoredPackages.FromTestAssembly);

    private static ReferenceSet Set(string name, params string[] packages) =>
        Sets.GetOrAdd(name, _ => new ReferenceSet(name, Resolve([FrameworkPackage, .. packages])));

    /// <summary>
    /// The compile-time assemblies of the packages for net8.0: the nearest <c>ref/</c> folder, else the nearest <c>lib/</c>
    /// folder. An assembly name given twice keeps the later package's file (a package newer than the framework pack wins).
    /// </summary>
    private static ImmutableArray<MetadataReference> Resolve(IEnumerable<string> packageIds)
    {
        var byAssemblyName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var packageId in packageIds)
        {
            foreach (var assembly in CompileAssemblies(Restored.Value.FolderOf(packageId)))
            {
                byAssemblyName[Path.GetFileNameWithoutExtension(assembly)] = assembly;
            }
        }

        return [.. byAssemblyName.Values.Order(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private static IEnumerable<string> CompileAssemblies(string packageFolder)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var root = Path.Combine(packageFolder, kind);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var framework in CompatibleFrameworks)
            {
                var folder = Path.Combine(root, framework);
                if (Directory.Exists(folder))
                {
                    return Directory.GetFiles(folder, "*.dll");
                }
            }
        }

        return [];
    }

    /// <summary>The package folder and the <c>PackageDownload</c> versions, written into this assembly at build time.</summary>
    private sealed record RestoredPackages(string Root, IReadOnlyDictionary<string, string> Versions)
    {
        public static RestoredPackages FromTestAssembly()
        {
            var metadata = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToArray();
            var root = metadata.SingleOrDefault(m => m.Key == "NuGetPackageRoot")?.Value;
            if (string.IsNullOrEmpty(root))
            {
                throw new InvalidOperationException("The test assembly does not record the NuGet package folder: build the test project with `dotnet build` (restore runs first).");
            }

            const string Prefix = "PackageDownload:";
            var versions = metadata
                .Where(m => m.Key.StartsWith(Prefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[Prefix.Length..], m => m.Value!.Trim('[', ']'), StringComparer.OrdinalIgnoreCase);
            return new RestoredPackages(root, versions);
        }

        public string FolderOf(string packageId)
        {
            if (!Versions.TryGetValue(packageId, out var version))
            {
                throw new InvalidOperationException($"{packageId} is not a PackageDownload of the test project: add it to CertKit.Analyzers.Tests.csproj.");
            }

            var folder = Path.Combine(Root, packageId.ToLowerInvariant(), version.ToLowerInvariant());
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"{packageId} {version} is not in the NuGet package folder {Root}: run `dotnet restore` for the test project.");
            }

            return folder;
        }
    }
}

/// <summary>A named set of metadata references (the name shows in test output).</summary>
public sealed record ReferenceSet(string Name, ImmutableArray<MetadataReference> References)
{
    public override string ToString() => Name;
}
