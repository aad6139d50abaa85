using CertKit.Action.Scanning;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>tests</c>: automated tests that run. In a Connect repository, every application has a <c>test</c> script in its
/// package.json (not npm's placeholder) and test files with at least one assertion about the application's code (a test
/// that only asserts constants, <c>expect(1).toBe(1)</c>, or is marked <c>@todo</c> is a placeholder: listed with its
/// line, failing the application when nothing else is asserted, a warning otherwise); elsewhere, a .NET test project with test sources, or a
/// package.json test script with test files.
/// </summary>
internal sealed class TestsCheck : IReadinessCheck
{
    private static readonly string[] TestFrameworkMarkers = ["Microsoft.NET.Test.Sdk", "xunit", "NUnit", "MSTest", "<IsTestProject>true"];

    public string Id => "tests";

    public string Requirement => "Automated tests.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.TryManifest();
        if (manifest is not null)
        {
            var problems = new List<string>();
            var evidence = new List<string>();
            var warnings = new List<string>();
            foreach (var application in manifest.Applications)
            {
                var before = problems.Count;
                var script = NodeTestScript(context, application.Name + "/package.json", problems);
                var files = context.FilesUnder(application.Name).Where(IsNodeTestFile).ToList();
                if (files.Count == 0)
                {
                    problems.Add($"{application.Name}/: no test files (*.test.js, *.spec.ts, test/, tests/ or __tests__/)");
                }

                var assertions = 0;
                var placeholders = new List<string>();
                foreach (var file in files)
                {
                    if (context.ReadText(file) is { } text)
                    {
                        var read = NodeTestAssertions.Read(text);
                        assertions += read.Assertions;
                        placeholders.AddRange(read.Placeholders.Select(placeholder => $"{file}:{placeholder.Line}: {placeholder.What}"));
                    }
                }

                if (files.Count > 0 && assertions == 0)
                {
                    problems.Add($"{application.Name}/: no test asserts anything about the application's code ({files.Count} test file(s), {placeholders.Count} placeholder(s))");
                    problems.AddRange(placeholders);
                }
                else
                {
                    warnings.AddRange(placeholders);
                }

                if (problems.Count == before)
                {
                    evidence.Add($"{application.Name}/package.json: scripts.test `{script}`; {files.Count} test file(s) with {assertions} assertion(s): {Sample(files)}");
                }
            }

            return Task.FromResult(problems.Count > 0 ? CheckOutcome.Failed(problems, warnings) : CheckOutcome.Passed(evidence, warnings));
        }

        var testProjects = context.FilesNamed(name => name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Where(project => context.ReadText(project) is { } text && TestFrameworkMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var found = new List<string>();
        foreach (var project in testProjects)
        {
            var folder = project.Contains('/') ? project[..project.LastIndexOf('/')] : string.Empty;
            var sources = (folder.Length == 0 ? context.Files : context.FilesUnder(folder)).Count(file => file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase));
            if (sources > 0)
            {
                found.Add($"{project}: test project with {sources} C# file(s)");
            }
        }

        var nodeProblems = new List<string>();
        if (context.Files.Contains("package.json") && NodeTestScript(context, "package.json", nodeProblems) is { } rootScript)
        {
            var files = context.Files.Where(IsNodeTestFile).ToList();
            if (files.Count > 0)
            {
                found.Add($"package.json: scripts.test `{rootScript}`; {files.Count} test file(s): {Sample(files)}");
            }
        }

        // Test suites of other languages, as the workspace's one test classifier sees them (Pester *.Tests.ps1, pytest
        // test_*.py, Go _test.go, …): a PowerShell module or a Python SDK is tested that way.
        foreach (var language in context.Workspace.Files
            .Where(file => file.Kind == FileKind.Test && file.Language is not (FileLanguage.None or FileLanguage.CSharp or FileLanguage.JavaScript or FileLanguage.TypeScript) && TestFileNames.Matches(file))
            .GroupBy(file => file.Language)
            .OrderBy(group => group.Key))
        {
            var files = language.Select(file => FileDiscovery.RelativeTo(context.Root, file.FullPath)).ToList();
            found.Add($"{files.Count} {FileClassifier.DisplayName(language.Key)} test file(s) ({TestFileNames.Framework(language.Key)}): {Sample(files)}");
        }

        return Task.FromResult(found.Count > 0
            ? CheckOutcome.Passed(found)
            : CheckOutcome.Failed(["no tests: no test project (a .csproj referencing Microsoft.NET.Test.Sdk, xunit, NUnit or MSTest, with C# files), no package.json test script with test files, and no Pester, pytest or Go test files"]));
    }

    /// <summary>Test files by their framework's naming (a file in a tests/ folder alone may be a helper or data).</summary>
    private static class TestFileNames
    {
        public static bool Matches(CertKit.Action.Workspace.WorkspaceFile file)
        {
            var name = Path.GetFileName(file.FullPath);
            return file.Language switch
            {
                FileLanguage.PowerShell => name.EndsWith(".Tests.ps1", StringComparison.OrdinalIgnoreCase),
                FileLanguage.Python => name.StartsWith("test_", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_test.py", StringComparison.OrdinalIgnoreCase),
                FileLanguage.Go => name.EndsWith("_test.go", StringComparison.OrdinalIgnoreCase),
                FileLanguage.Java or FileLanguage.Kotlin => name.Contains("Test", StringComparison.Ordinal),
                _ => false,
            };
        }

        public static string Framework(FileLanguage language) => language switch
        {
            FileLanguage.PowerShell => "Pester",
            FileLanguage.Python => "pytest",
            FileLanguage.Go => "go test",
            FileLanguage.Java or FileLanguage.Kotlin => "JUnit",
            _ => "tests",
        };
    }

    private static string? NodeTestScript(CheckContext context, string packagePath, List<string> problems)
    {
        if (PackageJson.TryRead(context, packagePath) is not { } package)
        {
            problems.Add($"{packagePath}: not found or not JSON");
            return null;
        }

        var scripts = PackageJson.Scripts(package);
        if (!scripts.TryGetValue("test", out var script) || script.Trim() == PackageJson.NpmInitTestScript)
        {
            problems.Add($"{packagePath}: no scripts.test{(script is null ? string.Empty : " (only npm init's placeholder)")}");
            return null;
        }

        return script;
    }

    // The one test classifier (FileClassifier): a JavaScript or TypeScript file the workspace counts as test code.
    private static bool IsNodeTestFile(string path)
    {
        var file = FileClassifier.Classify(path);
        return file.Kind == FileKind.Test && file.Language is FileLanguage.JavaScript or FileLanguage.TypeScript;
    }

    private static string Sample(IReadOnlyList<string> files) =>
        string.Join(", ", files.Take(3)) + (files.Count > 3 ? ", …" : string.Empty);
}
