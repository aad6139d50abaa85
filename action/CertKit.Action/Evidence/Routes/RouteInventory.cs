using CertKit.Action.Scanning;
using CertKit.Action.Workspace;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// The routes a commit's services expose ("commit in, facts out"): JS/TS through the shared reader, C# through Roslyn's
/// syntax; test files are not services. The DTOs are the exported TS shapes that a file declaring routes refers to by name.
/// </summary>
internal static class RouteInventory
{
    public static RouteSurface Read(string folder) => Read(RepositoryWorkspace.OpenSnapshot(folder));

    /// <summary>The routes of a workspace's shipped source (its kinds decide: tests, fixtures, vendored and built files expose none).</summary>
    public static RouteSurface Read(RepositoryWorkspace workspace)
    {
        var routes = new List<Route>();
        var shapes = new List<DtoShape>();
        var routeFileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in workspace.Files)
        {
            if (file.Kind != FileKind.Source || !IsCandidate(file.RelativePath) || TextFileReader.Read(file.FullPath, TextFileReader.DefaultMaxFileSize).Text is not { } sourceText)
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

}
