using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>The language a file is written in, by its name.</summary>
public enum FileLanguage
{
    /// <summary>Not a programming language (configuration, documentation, data, binaries).</summary>
    None,
    CSharp,
    VisualBasic,
    FSharp,
    JavaScript,
    TypeScript,
    PowerShell,
    Python,
    Shell,
    Java,
    Kotlin,
    Go,
    Ruby,
    Php,
}

/// <summary>What a file is for, which decides which rules read it (see docs/scan.md, "File kinds").</summary>
public enum FileKind
{
    /// <summary>Code the integration ships: every rule applies.</summary>
    Source,

    /// <summary>Configuration (appsettings.json, connect.yaml, .env, web.config, workflows): the text rules apply.</summary>
    Configuration,

    /// <summary>
    /// Test code (C# test projects, <c>*.spec.*</c>/<c>*.test.*</c>, <c>__tests__</c>, <c>__mocks__</c>, <c>test/</c>
    /// folders, Pester <c>*.Tests.ps1</c>, pytest <c>test_*.py</c>): content-based secrets only by default.
    /// </summary>
    Test,

    /// <summary>Test or seed data (<c>fixtures/</c>, <c>testdata/</c>, <c>Seeds/</c> data files, snapshots): content-based secrets only by default.</summary>
    Fixture,

    /// <summary>
    /// Third-party code committed to the repository (<c>packages/</c>, <c>vendor/</c>, <c>bower_components/</c>,
    /// <c>wwwroot/lib/</c>, a script that starts with a library's banner or a UMD wrapper, and its demo beside it): not analysed by default.
    /// </summary>
    Vendored,

    /// <summary>
    /// Generated or built output (minified or bundled JS, a Node app's <c>dist/</c>, a generated-code header, what a build
    /// writes beside a committed assembly): not analysed by default.
    /// </summary>
    Generated,

    /// <summary>Documentation (Markdown, text, images): not analysed by the rules.</summary>
    Documentation,
}

/// <summary>A file's language and kind, and why the kind was chosen (for coverage reports).</summary>
public readonly struct FileClass
{
    public FileClass(FileLanguage language, FileKind kind, string reason)
    {
        Language = language;
        Kind = kind;
        Reason = reason;
    }

    public FileLanguage Language { get; }

    public FileKind Kind { get; }

    /// <summary>Why the file has its kind ("folder tests/", "name *.spec.ts", …); empty for plain source.</summary>
    public string Reason { get; }
}

/// <summary>
/// The one place that decides what a repository file is: its language and its kind (source, configuration, test,
/// fixture, vendored, generated, documentation). Pure: a repository-relative path (forward or back slashes) and, where
/// the path cannot tell, the start of the file's text. The tool's workspace adds what needs the whole repository (C#
/// test projects, a Node app's build folders); the analyzers call it for AdditionalFiles.
/// </summary>
public static class FileClassifier
{
    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "__mocks__", "spec", "specs", "e2e", "unittests", "integrationtests", "cypress", "playwright",
        // Benchmarks and load tests (k6, Artillery) measure the application; a repository's top-level perf/ holds them too.
        "benchmarks", "benchmark", "load-tests", "loadtests", "perf-tests", "perftests",
    };

    private static readonly HashSet<string> FixtureFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "fixtures", "fixture", "__fixtures__", "testdata", "test-data", "test_data", "__snapshots__", "seeds", "seed", "seeddata", "seed-data", "mocks", "mock-data", "sampledata", "sample-data", "stubs",
    };

    private static readonly HashSet<string> VendoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "vendor", "vendors", "bower_components", "jspm_packages", "third_party", "thirdparty", "third-party",
    };

    /// <summary>Folders a Node.js app builds into; generated only where the workspace knows a package.json is above them.</summary>
    public static readonly IReadOnlyCollection<string> NodeBuildFolders = new[] { "dist", "build", "out", "lib-cjs", "lib-esm", ".next", ".nuxt", "coverage", "storybook-static" };

    /// <summary>The language of a file, by its extension (or none).</summary>
    public static FileLanguage LanguageOf(string path)
    {
        var name = NameOf(path);
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return FileLanguage.None;
        }

        switch (name.Substring(dot + 1).ToLowerInvariant())
        {
            case "cs":
            case "csx":
                return FileLanguage.CSharp;
            case "vb":
                return FileLanguage.VisualBasic;
            case "fs":
            case "fsx":
                return FileLanguage.FSharp;
            case "js":
            case "mjs":
            case "cjs":
            case "jsx":
                return FileLanguage.JavaScript;
            case "ts":
            case "mts":
            case "cts":
            case "tsx":
                return FileLanguage.TypeScript;
            case "ps1":
            case "psm1":
                return FileLanguage.PowerShell;
            case "py":
                return FileLanguage.Python;
            case "sh":
            case "bash":
            case "zsh":
            case "cmd":
            case "bat":
                return FileLanguage.Shell;
            case "java":
                return FileLanguage.Java;
            case "kt":
            case "kts":
                return FileLanguage.Kotlin;
            case "go":
                return FileLanguage.Go;
            case "rb":
                return FileLanguage.Ruby;
            case "php":
                return FileLanguage.Php;
            default:
                return FileLanguage.None;
        }
    }

    /// <summary>The display name of a language ("TypeScript", "C#").</summary>
    public static string DisplayName(FileLanguage language) => language switch
    {
        FileLanguage.CSharp => "C#",
        FileLanguage.VisualBasic => "Visual Basic",
        FileLanguage.FSharp => "F#",
        FileLanguage.Php => "PHP",
        FileLanguage.None => "other",
        _ => language.ToString(),
    };

    /// <summary>
    /// Classifies a file by its path alone. <paramref name="underNodeApp"/> says the workspace found a package.json in a
    /// folder above it (so <c>dist/</c> and <c>build/</c> are a Node build's output, not a project's own build scripts).
    /// </summary>
    public static FileClass Classify(string path, bool underNodeApp = false)
    {
        var normalized = path.Replace('\\', '/');
        var name = NameOf(normalized);
        var language = LanguageOf(name);
        var segments = normalized.Split('/');

        // Vendored before test: a package's own tests inside packages/ are still the vendor's.
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (VendoredFolders.Contains(segment))
            {
                return new FileClass(language, FileKind.Vendored, "folder " + segment + "/");
            }

            if (segment.Equals("packages", StringComparison.OrdinalIgnoreCase) && i + 2 < segments.Length && IsNuGetPackageFolder(segments[i + 1]))
            {
                return new FileClass(language, FileKind.Vendored, "NuGet packages/ folder");
            }

            if (segment.Equals("lib", StringComparison.OrdinalIgnoreCase) && i > 0 && segments[i - 1].Equals("wwwroot", StringComparison.OrdinalIgnoreCase))
            {
                return new FileClass(language, FileKind.Vendored, "folder wwwroot/lib/");
            }
        }

        if (IsMinifiedName(name))
        {
            return new FileClass(language, FileKind.Generated, "minified or bundled file");
        }

        if (IsGeneratedName(name))
        {
            return new FileClass(language, FileKind.Generated, "generated-code file name");
        }

        if (underNodeApp && (language == FileLanguage.JavaScript || language == FileLanguage.TypeScript || name.EndsWith(".map", StringComparison.OrdinalIgnoreCase)))
        {
            for (var i = 0; i < segments.Length - 1; i++)
            {
                foreach (var folder in NodeBuildFolders)
                {
                    if (segments[i].Equals(folder, StringComparison.OrdinalIgnoreCase))
                    {
                        return new FileClass(language, FileKind.Generated, "Node.js build output " + folder + "/");
                    }
                }
            }
        }

        if (IsTestName(name, language))
        {
            return new FileClass(language, FileKind.Test, "test file name");
        }

        if (IsTestSettings(name))
        {
            return new FileClass(language, FileKind.Test, "test settings (.env.test)");
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (IsFixtureFolder(segment) && (language == FileLanguage.None || IsUnderTestFolder(segments, i)))
            {
                return new FileClass(language, FileKind.Fixture, "folder " + segment + "/");
            }
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (TestFolders.Contains(segment) || IsTestProjectFolder(segment) || (i == 0 && segment.Equals("perf", StringComparison.OrdinalIgnoreCase)))
            {
                return new FileClass(language, FileKind.Test, "folder " + segment + "/");
            }
        }

        if (IsDocumentation(name))
        {
            return new FileClass(language, FileKind.Documentation, "documentation");
        }

        if ((language == FileLanguage.JavaScript || language == FileLanguage.TypeScript) && ToolingReason(name, segments) is { } tooling)
        {
            return new FileClass(language, FileKind.Configuration, tooling);
        }

        return language == FileLanguage.None
            ? new FileClass(language, FileKind.Configuration, string.Empty)
            : new FileClass(language, FileKind.Source, string.Empty);
    }

    private static readonly HashSet<string> DevelopmentFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "dev-utils", "devutils", "dev-tools", "devtools",
    };

    // A script named for the build it runs (build.js renders the e-mail templates, gulpfile.js bundles the assets).
    private static readonly HashSet<string> BuildScriptNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "build", "gulpfile", "gruntfile",
    };

    // A documentation site's folder: its scripts build and check the docs, they are not the application.
    private static readonly HashSet<string> DocumentationFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "docs", "doc", "documentation",
    };

    /// <summary>
    /// Why a script is build, repository or development tooling rather than the application (null when it is not): a
    /// <c>*.config.*</c> build file (vite, jest, cypress); a script under a dot-folder (<c>.cm/</c> gitStream plugins,
    /// <c>.github/</c>, <c>.husky/</c>, <c>.storybook/</c>); a development harness folder (<c>dev/</c>, <c>dev-utils/</c>,
    /// <c>devtools/</c>: the Connect payment template's dev page loads <c>enabler/dev-utils/*.js</c>, its build does not); a
    /// documentation folder (<c>docs/scripts/validate-mermaid.mjs</c> checks the docs, the application never runs it).
    /// Tooling is configuration: the text rules read it, the rules that judge shipped code do not.
    /// </summary>
    private static string? ToolingReason(string name, string[] segments)
    {
        var firstDot = name.IndexOf('.');
        if (firstDot > 0 && name.IndexOf(".config.", firstDot, StringComparison.OrdinalIgnoreCase) == firstDot)
        {
            return "build tool configuration (*.config.*)";
        }

        if (firstDot > 0 && BuildScriptNames.Contains(name.Substring(0, firstDot)))
        {
            return "build script (" + name.Substring(0, firstDot) + ".*)";
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.Length > 1 && segment[0] == '.' && segment != "..")
            {
                return "repository tooling folder " + segment + "/";
            }

            if (DevelopmentFolders.Contains(segment))
            {
                return "development harness folder " + segment + "/";
            }

            if (DocumentationFolders.Contains(segment))
            {
                return "documentation folder " + segment + "/";
            }
        }

        return null;
    }

    private static readonly HashSet<string> SampleFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "samples", "sample", "examples", "example",
    };

    /// <summary>
    /// The sample folder (<c>samples/</c>, <c>examples/</c>, or a project folder <c>Foo.Samples</c>, <c>Foo.Examples</c>) a
    /// file sits in, or null: code written to show a reader how to call a library, whose console output is what it shows.
    /// </summary>
    public static string? SampleFolderOf(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (IsSampleName(segments[i]))
            {
                return segments[i];
            }
        }

        return null;
    }

    /// <summary>A folder or assembly name that marks samples: <c>examples</c>, <c>Samples</c>, or a last dotted part of one (<c>Stripe.Examples</c>).</summary>
    public static bool IsSampleName(string name)
    {
        var dot = name.LastIndexOf('.');
        return SampleFolders.Contains(dot < 0 ? name : name.Substring(dot + 1));
    }

    /// <summary>
    /// The data-named folder (<c>mocks/</c>, <c>fixtures/</c>, <c>stubs/</c>, …) a code file sits in outside any test
    /// folder, or null. By its path such code is source (a mock client may ship); the workspace decides by who imports it.
    /// </summary>
    public static string? FixtureFolderOf(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (FixtureFolders.Contains(segments[i]))
            {
                return segments[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Why the start of a script (JS/TS) marks it a third-party library copied into the repository, or null: the library's
    /// banner (see <see cref="LibraryBanners"/>) or a UMD module wrapper. Only scripts: web assets are what a site copies unminified into its own
    /// folders; C# libraries arrive as packages, and a C# file's licence header is as often the project's own.
    /// </summary>
    public static string? VendoredReasonOf(FileLanguage language, string text)
    {
        if (language is not (FileLanguage.JavaScript or FileLanguage.TypeScript) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (LibraryBanners.ReasonOf(text) is { } banner)
        {
            return banner;
        }

        // UMD: a script that asks whether an AMD loader is present (typeof define === 'function' && define.amd) is a
        // library built to load under any loader or none; an application's own modules import, or are imported.
        var head = text.Length > 4096 ? text.Substring(0, 4096) : text;
        return head.IndexOf("define.amd", StringComparison.Ordinal) >= 0 && head.IndexOf("typeof define", StringComparison.Ordinal) >= 0
            ? "library module wrapper (UMD, define.amd)"
            : null;
    }

    /// <summary>
    /// A demo of a library, by its name (<c>calendar-demo.js</c>, <c>flot-demo-1.js</c>, <c>demo.js</c>): vendored when a
    /// library recognised by its banner sits in the same folder, since it is that library's example page script.
    /// </summary>
    public static bool IsDemoName(string path)
    {
        var name = NameOf(path.Replace('\\', '/'));
        var dot = name.LastIndexOf('.');
        var stem = (dot < 0 ? name : name.Substring(0, dot)).ToLowerInvariant();
        var end = stem.Length;
        while (end > 0 && char.IsDigit(stem[end - 1]))
        {
            end--;
        }

        if (end < stem.Length && end > 0 && (stem[end - 1] == '-' || stem[end - 1] == '_'))
        {
            end--;
        }

        stem = stem.Substring(0, end);
        return stem == "demo" || stem.EndsWith("-demo", StringComparison.Ordinal) || stem.EndsWith("_demo", StringComparison.Ordinal) || stem.EndsWith(".demo", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the start of a file's text marks it generated: an <c>&lt;auto-generated&gt;</c> or "Code generated … DO NOT
    /// EDIT" header, <c>@generated</c>, webpack's bootstrap, a bundle's own module registry, the CoffeeScript compiler's
    /// helpers, or a minified line (a very long first line of code).
    /// </summary>
    public static bool LooksGenerated(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var head = text.Length > 2048 ? text.Substring(0, 2048) : text;
        if (head.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0
            || head.IndexOf("@generated", StringComparison.Ordinal) >= 0
            || head.IndexOf("do not edit", StringComparison.OrdinalIgnoreCase) >= 0 && head.IndexOf("generated", StringComparison.OrdinalIgnoreCase) >= 0
            || head.IndexOf("This code was generated by a tool", StringComparison.OrdinalIgnoreCase) >= 0
            // webpack's runtime at the top of a bundle written without a .bundle.js name (a card widget's card.js).
            || head.IndexOf("// webpackBootstrap", StringComparison.Ordinal) >= 0
            // A bundle that carries its own module registry (component, early browserify builds: require.register).
            || head.IndexOf("require.register = function", StringComparison.Ordinal) >= 0
            // The helpers the CoffeeScript compiler writes at the top of its output; no one writes them by hand.
            || head.IndexOf("__hasProp = {}.hasOwnProperty", StringComparison.Ordinal) >= 0
            || head.IndexOf("__bind = function(fn, me)", StringComparison.Ordinal) >= 0
            || head.IndexOf("__indexOf = [].indexOf ||", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        // Minified: a first line of several kilobytes (sources are wrapped long before that).
        var newline = text.IndexOf('\n');
        var firstLine = newline < 0 ? text.Length : newline;
        return firstLine > 5000 && text.Length > 5000;
    }

    /// <summary>
    /// Whether a C# project's (or its folder's) name marks a test project: its last dotted part is <c>Tests</c> or ends
    /// with it (<c>Foo.Tests</c>, <c>Foo.UnitTests</c>, <c>Foo.FunctionalTests</c>, undotted <c>FooTests</c>), or is
    /// <c>Test</c>, <c>Specs</c>, <c>Testing</c>.
    /// </summary>
    public static bool IsTestProjectFolder(string folder)
    {
        var dot = folder.LastIndexOf('.');
        if (dot < 0)
        {
            // StripeTests, PortalUnitTests: a project folder named for its tests (by words: "Contests" is not one).
            return folder.Equals("Tests", StringComparison.OrdinalIgnoreCase) || folder.Equals("UnitTests", StringComparison.OrdinalIgnoreCase)
                || folder.Equals("IntegrationTests", StringComparison.OrdinalIgnoreCase) || (folder.Length > 0 && char.IsUpper(folder[0]) && EndsWithWord(folder, "tests"));
        }

        var last = folder.Substring(dot + 1);
        return last.EndsWith("Tests", StringComparison.OrdinalIgnoreCase)
            || last.Equals("Test", StringComparison.OrdinalIgnoreCase)
            || last.Equals("Specs", StringComparison.OrdinalIgnoreCase)
            || last.Equals("Testing", StringComparison.OrdinalIgnoreCase);
    }

    // The last word of a folder name (api_fixtures, StripeTests), split as identifiers are.
    private static bool EndsWithWord(string folder, string word)
    {
        var words = IdentifierWords.Split(folder);
        return words.Count > 1 && words[words.Count - 1] == word;
    }

    private static bool IsTestName(string name, FileLanguage language)
    {
        switch (language)
        {
            case FileLanguage.JavaScript:
            case FileLanguage.TypeScript:
                return name.IndexOf(".spec.", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf(".test.", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf(".e2e.", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf(".cy.", StringComparison.OrdinalIgnoreCase) >= 0;
            case FileLanguage.PowerShell:
                return name.EndsWith(".Tests.ps1", StringComparison.OrdinalIgnoreCase);
            case FileLanguage.Python:
                return name.StartsWith("test_", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("_test.py", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("conftest.py", StringComparison.OrdinalIgnoreCase);
            case FileLanguage.CSharp:
                return name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal);
            case FileLanguage.Go:
                return name.EndsWith("_test.go", StringComparison.OrdinalIgnoreCase);
            case FileLanguage.Java:
            case FileLanguage.Kotlin:
                return name.EndsWith("Test.java", StringComparison.Ordinal) || name.EndsWith("Tests.java", StringComparison.Ordinal)
                    || name.EndsWith("Test.kt", StringComparison.Ordinal) || name.EndsWith("Tests.kt", StringComparison.Ordinal);
            case FileLanguage.Ruby:
                return name.EndsWith("_spec.rb", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_test.rb", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    // The environment a test runner loads: .env.test, .env.jest, .env.testing (dotenv's and Jest's conventions).
    private static bool IsTestSettings(string name) =>
        name.Equals(".env.test", StringComparison.OrdinalIgnoreCase)
        || name.Equals(".env.jest", StringComparison.OrdinalIgnoreCase)
        || name.Equals(".env.testing", StringComparison.OrdinalIgnoreCase);

    // fixtures/, testdata/, seeds/, …, and a name that ends with one after a separator (api_fixtures/, json-fixtures/).
    private static bool IsFixtureFolder(string segment)
    {
        if (FixtureFolders.Contains(segment))
        {
            return true;
        }

        var separator = segment.LastIndexOfAny(FolderWordSeparators);
        return separator > 0 && separator < segment.Length - 1 && FixtureFolders.Contains(segment.Substring(separator + 1));
    }

    private static readonly char[] FolderWordSeparators = { '_', '-' };

    private static bool IsUnderTestFolder(string[] segments, int fixtureIndex)
    {
        for (var i = 0; i < fixtureIndex; i++)
        {
            if (TestFolders.Contains(segments[i]) || IsTestProjectFolder(segments[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A NuGet <c>packages/</c> entry: <c>Id.1.2.3</c> (packages.config restore) — never a Node monorepo's <c>packages/app</c>.</summary>
    private static bool IsNuGetPackageFolder(string folder)
    {
        // Id.Major.Minor[.Patch[.Revision]][-prerelease]: the first dot-separated part that starts with a digit begins the version.
        var parts = folder.Split('.');
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && char.IsDigit(parts[i][0]))
            {
                return i + 1 < parts.Length && parts[i + 1].Length > 0 && char.IsDigit(parts[i + 1][0]);
            }
        }

        return false;
    }

    private static bool IsMinifiedName(string name) =>
        name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".min.mjs", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".min.css", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".bundle.js", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".chunk.js", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".js.map", StringComparison.OrdinalIgnoreCase);

    private static bool IsGeneratedName(string name) =>
        name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase);

    private static bool IsDocumentation(string name)
    {
        // An API client's collection of example requests (Postman): written for people to try the API.
        if (name.EndsWith(".postman_collection.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".postman_environment.json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return name.Equals("LICENSE", StringComparison.OrdinalIgnoreCase) || name.Equals("README", StringComparison.OrdinalIgnoreCase)
                || name.Equals("CHANGELOG", StringComparison.OrdinalIgnoreCase) || name.Equals("NOTICE", StringComparison.OrdinalIgnoreCase);
        }

        switch (name.Substring(dot + 1).ToLowerInvariant())
        {
            case "md":
            case "markdown":
            case "rst":
            case "adoc":
            case "txt":
            case "png":
            case "jpg":
            case "jpeg":
            case "gif":
            case "svg":
            case "ico":
            case "pdf":
                return true;
            default:
                return false;
        }
    }

    private static string NameOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(slash + 1);
    }
}
