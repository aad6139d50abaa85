using CertKit.Action.Scanning;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// The routes a commit's services expose ("commit in, facts out"): JS/TS through the shared reader, C# through Roslyn's
/// syntax; test files are not services. The DTOs are the exported TS shapes that a file declaring routes refers to by name.
/// </summary>
internal static class RouteInventory
{
    public static RouteSurface Read(string folder)
    {
        var routes = new List<Route>();
        var shapes = new List<DtoShape>();
        var routeFileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles.List(folder, folder, null, IsCandidate))
        {
            if (IsTestFile(file.RelativePath) || TextFileReader.Read(file.FullPath, TextFileReader.DefaultMaxFileSize).Text is not { } sourceText)
            {
                continue;
            }

            var text = sourceText.ToString();
            if (file.RelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                CSharpRoutes.Read(file.RelativePath, text, routes);
                continue;
            }

            if (!JsTokenizer.TryGetDialect(file.RelativePath, out var dialect))
            {
                continue;
            }

            var source = JsSource.Parse(text, dialect);
            var before = routes.Count;
            ScriptRoutes.Read(file.RelativePath, source, routes);
            if (routes.Count > before)
            {
                ScriptRoutes.Identifiers(source, routeFileNames);
            }

            ScriptDtos.Read(file.RelativePath, source, shapes);
        }

        return new RouteSurface(routes, shapes.Where(s => routeFileNames.Contains(s.Name)).ToList());
    }

    private static bool IsCandidate(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || JsTokenizer.TryGetDialect(path, out _);

    // Tests, fixtures, vendored and built files (dist/ under a Node app) expose no route of the service.
    private static bool IsTestFile(string relativePath) => FileClassifier.Classify(relativePath, underNodeApp: true).Kind != FileKind.Source;
}
