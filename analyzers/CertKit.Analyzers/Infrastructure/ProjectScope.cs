using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>Decides, once per compilation, whether CertKit rules look at it at all.</summary>
public static class ProjectScope
{
    // Assemblies whose reference marks a test project: fixtures there are test data, not shipped code.
    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "TUnit.Core",
    };

    /// <summary>
    /// False for test projects unless <c>certkit.analyze_test_projects = true</c> is set
    /// (in a .globalconfig, or in an .editorconfig section that covers the project's sources).
    /// </summary>
    public static bool ShouldAnalyze(Compilation compilation, AnalyzerOptions options)
    {
        var configured = ReadAnalyzeTestProjects(compilation, options);
        if (configured == true)
        {
            return true;
        }

        return !IsTestProject(compilation, options);
    }

    /// <summary>
    /// Whether content-based secret detection (CK1003) looks at the compilation: everywhere, test projects included,
    /// unless <c>certkit.analyze_test_projects = false</c> is set explicitly for a test project.
    /// </summary>
    public static bool ShouldScanForSecretContent(Compilation compilation, AnalyzerOptions options) =>
        ReadAnalyzeTestProjects(compilation, options) != false || !IsTestProject(compilation, options);

    /// <summary>
    /// A file's path relative to its project's folder (<c>build_property.MSBuildProjectDirectory</c>, which the package
    /// makes visible) or, for <c>certkit scan</c>, to the scanned repository (<c>certkit.repository_root</c>, which the scan
    /// sets), so folders above the project (a checkout under <c>/home/me/vendor/</c>) never decide its kind.
    /// </summary>
    public static string RelativeToProject(string path, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return Relative(path, global, "build_property.MSBuildProjectDirectory") ?? Relative(path, global, CertKitOptions.RepositoryRootKey) ?? path;
    }

    private static string? Relative(string path, AnalyzerConfigOptions options, string key)
    {
        if (options.TryGetValue(key, out var directory) && !string.IsNullOrEmpty(directory))
        {
            var folder = directory.TrimEnd('/', '\\');
            if (path.Length > folder.Length + 1 && path.StartsWith(folder, StringComparison.Ordinal) && (path[folder.Length] == '/' || path[folder.Length] == '\\'))
            {
                return path.Substring(folder.Length + 1);
            }
        }

        return null;
    }

    public static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTest)
            && string.Equals(isTest?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return ReferencesTestFramework.GetValue(compilation, static c => new StrongBox<bool>(ReferencesAnyTestFramework(c))).Value;
    }

    // Every rule asks at compilation start, and a compilation builds its list of referenced assembly names anew on each call.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> ReferencesTestFramework = new();

    private static bool ReferencesAnyTestFramework(Compilation compilation)
    {
        foreach (var name in ReferencedAssemblyNames(compilation))
        {
            foreach (var framework in TestFrameworkAssemblies)
            {
                if (string.Equals(name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The names of the assemblies <paramref name="compilation"/> references, as <see cref="Compilation.ReferencedAssemblyNames"/>
    /// names them, read without binding: each metadata reference's assembly definition, each compilation reference's assembly
    /// name. <c>ReferencedAssemblyNames</c> makes the compilation build its reference manager (every referenced assembly's
    /// symbol) at compilation start, before the compiler itself needs it. A reference whose metadata cannot be read is one
    /// the compiler cannot bind either (it reports it), and is left out as it leaves it out. Once per compilation.
    /// </summary>
    internal static ImmutableArray<string> ReferencedAssemblyNames(Compilation compilation) =>
        AssemblyNames.GetValue(compilation, static c => ReadAssemblyNames(c)).Value;

    private static readonly ConditionalWeakTable<Compilation, StrongBox<ImmutableArray<string>>> AssemblyNames = new();

    private static StrongBox<ImmutableArray<string>> ReadAssemblyNames(Compilation compilation)
    {
        // A script's #r directives are references too, known only to the bound reference manager.
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Options.Kind != SourceCodeKind.Regular)
            {
                return new StrongBox<ImmutableArray<string>>(compilation.ReferencedAssemblyNames.Select(static n => n.Name).ToImmutableArray());
            }
        }

        // The references given to the compilation (Compilation.References would add the #r ones by binding).
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var reference in compilation.ExternalReferences)
        {
            switch (reference)
            {
                case CompilationReference { Compilation.AssemblyName: { } assemblyName }:
                    names.Add(assemblyName);
                    break;
                case PortableExecutableReference executable:
                    ReadNames(executable, names);
                    break;
            }
        }

        return new StrongBox<ImmutableArray<string>>(names.ToImmutable());
    }

    // An assembly's own name; a module added to the compilation (a .netmodule) contributes the assemblies it references.
    private static void ReadNames(PortableExecutableReference reference, ImmutableArray<string>.Builder names)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly when assembly.GetModules() is { IsEmpty: false } modules:
                    var reader = modules[0].GetMetadataReader();
                    if (reader.IsAssembly)
                    {
                        names.Add(reader.GetString(reader.GetAssemblyDefinition().Name));
                    }

                    break;
                case ModuleMetadata module:
                    var moduleReader = module.GetMetadataReader();
                    foreach (var handle in moduleReader.AssemblyReferences)
                    {
                        names.Add(moduleReader.GetString(moduleReader.GetAssemblyReference(handle).Name));
                    }

                    break;
            }
        }
        catch (Exception exception) when (exception is System.IO.IOException or BadImageFormatException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            // Unreadable metadata: the compiler reports the reference and binds nothing from it.
        }
    }

    private static bool? ReadAnalyzeTestProjects(Compilation compilation, AnalyzerOptions options)
    {
        var global = CertKitOptions.Get(options.AnalyzerConfigOptionsProvider.GlobalOptions).AnalyzeTestProjects;
        if (global.HasValue)
        {
            return global;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            // The first tree stands for the project: editorconfig sections are per folder, and a project rarely splits this setting.
            return CertKitOptions.Get(options, tree).AnalyzeTestProjects;
        }

        return null;
    }
}
