using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Scanning;

/// <summary>
/// What a restored project compiles against, read from its <c>obj/project.assets.json</c> without MSBuild: the compile
/// assemblies of its packages (first target framework) and the shared frameworks it references (ASP.NET Core …), found
/// beside the running runtime. Used to give a project that cannot be loaded an ad-hoc compilation close to its real one.
/// </summary>
internal static class AssetsFileReferences
{
    /// <summary>The assembly paths, and how many packages they came from; empty when there is no readable assets file.</summary>
    public static (IReadOnlyList<string> Paths, int Packages) Read(string projectPath)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return ([], 0);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
            return FromDocument(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            return ([], 0);
        }
    }

    private static (IReadOnlyList<string>, int) FromDocument(JsonElement root)
    {
        var paths = new List<string>();
        var packageFolders = root.TryGetProperty("packageFolders", out var folders) ? folders.EnumerateObject().Select(f => f.Name).ToList() : [];
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().FirstOrDefault(t => !t.Name.Contains('/', StringComparison.Ordinal));
        var packages = 0;
        if (target.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package" || !library.Value.TryGetProperty("compile", out var compile)
                    || !libraries.TryGetProperty(library.Name, out var libraryInfo) || !libraryInfo.TryGetProperty("path", out var libraryPath))
                {
                    continue;
                }

                var added = false;
                foreach (var item in compile.EnumerateObject())
                {
                    if (item.Name.EndsWith("_._", StringComparison.Ordinal))
                    {
                        continue; // "nothing to reference for this framework"
                    }

                    var file = packageFolders.Select(f => Path.Combine(f, libraryPath.GetString()!, item.Name)).FirstOrDefault(File.Exists);
                    if (file is not null)
                    {
                        paths.Add(Path.GetFullPath(file));
                        added = true;
                    }
                }

                packages += added ? 1 : 0;
            }
        }

        paths.AddRange(SharedFrameworkAssemblies(root));
        return (paths, packages);
    }

    /// <summary>Assemblies of the shared frameworks (other than Microsoft.NETCore.App, which the ad-hoc compilation always has) the project references.</summary>
    private static IEnumerable<string> SharedFrameworkAssemblies(JsonElement root)
    {
        if (!root.TryGetProperty("project", out var project) || !project.TryGetProperty("frameworks", out var frameworks))
        {
            yield break;
        }

        var runtimeDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory()));
        var version = Path.GetFileName(runtimeDirectory);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory)!)!;
        var framework = frameworks.EnumerateObject().FirstOrDefault();
        if (framework.Value.ValueKind != JsonValueKind.Object || !framework.Value.TryGetProperty("frameworkReferences", out var references))
        {
            yield break;
        }

        foreach (var reference in references.EnumerateObject())
        {
            var folder = Path.Combine(shared, reference.Name, version);
            if (reference.Name == "Microsoft.NETCore.App" || !Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (IsAssembly(dll))
                {
                    yield return dll;
                }
            }
        }
    }

    private static bool IsAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Metadata references for <paramref name="paths"/>, shared across projects through <paramref name="cache"/>.</summary>
    public static IEnumerable<MetadataReference> References(IEnumerable<string> paths, Func<string, MetadataReference> cache) => paths.Select(cache);
}
