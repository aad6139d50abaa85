using System;
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

    public static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTest)
            && string.Equals(isTest?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            foreach (var framework in TestFrameworkAssemblies)
            {
                if (string.Equals(name.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
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
