using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// The routes of a C# file, from syntax: ASP.NET Core minimal APIs (<c>app.MapGet("/x", …)</c>, <c>MapPost</c>, <c>MapPut</c>,
/// <c>MapDelete</c>, <c>MapPatch</c>) and controller attribute routes (<c>[Route("api/[controller]")]</c> on the class,
/// <c>[HttpGet("{id}")]</c>/<c>[Route]</c> on the action; <c>[controller]</c> is the class name without "Controller").
/// Route groups (<c>MapGroup</c>) and conventional routes are not followed; both sides of a comparison are read alike.
/// </summary>
internal static class CSharpRoutes
{
    private static readonly Dictionary<string, string> MapMethods = new(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
    };

    private static readonly Dictionary<string, string> HttpAttributes = new(StringComparer.Ordinal)
    {
        ["HttpGet"] = "GET", ["HttpPost"] = "POST", ["HttpPut"] = "PUT", ["HttpDelete"] = "DELETE", ["HttpPatch"] = "PATCH", ["HttpHead"] = "HEAD", ["HttpOptions"] = "OPTIONS",
    };

    public static void Read(string file, string text, List<Route> routes)
    {
        if (!text.Contains("Map", StringComparison.Ordinal) && !text.Contains("[Http", StringComparison.Ordinal) && !text.Contains("Route", StringComparison.Ordinal))
        {
            return;
        }

        var root = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                && MapMethods.TryGetValue(member.Name.Identifier.ValueText, out var method)
                && invocation.ArgumentList.Arguments.Count >= 2
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                routes.Add(new Route(method, RoutePaths.Join(string.Empty, literal.Token.ValueText), "ASP.NET Core", file, LineOf(literal)));
            }
            else if (node is ClassDeclarationSyntax type)
            {
                ReadController(file, type, routes);
            }
        }
    }

    private static void ReadController(string file, ClassDeclarationSyntax type, List<Route> routes)
    {
        var name = type.Identifier.ValueText;
        var isController = name.EndsWith("Controller", StringComparison.Ordinal) || Attributes(type.AttributeLists).Any(a => Name(a) == "ApiController");
        if (!isController)
        {
            return;
        }

        var controller = name.EndsWith("Controller", StringComparison.Ordinal) ? name[..^"Controller".Length] : name;
        var prefix = Attributes(type.AttributeLists).Where(a => Name(a) == "Route").Select(Template).FirstOrDefault() ?? string.Empty;
        foreach (var action in type.Members.OfType<MethodDeclarationSyntax>())
        {
            if (!action.Modifiers.Any(SyntaxKind.PublicKeyword))
            {
                continue;
            }

            var routeTemplate = Attributes(action.AttributeLists).Where(a => Name(a) == "Route").Select(Template).FirstOrDefault();
            foreach (var attribute in Attributes(action.AttributeLists))
            {
                if (!HttpAttributes.TryGetValue(Name(attribute), out var method))
                {
                    continue;
                }

                var template = Template(attribute) ?? routeTemplate ?? string.Empty;
                var path = template.StartsWith('/') || template.StartsWith("~/", StringComparison.Ordinal) ? template.TrimStart('~') : RoutePaths.Join(prefix, template);
                path = path.Replace("[controller]", controller, StringComparison.OrdinalIgnoreCase).Replace("[action]", action.Identifier.ValueText, StringComparison.OrdinalIgnoreCase);
                routes.Add(new Route(method, RoutePaths.Join(string.Empty, path), "ASP.NET Core", file, LineOf(attribute)));
            }
        }
    }

    private static IEnumerable<AttributeSyntax> Attributes(SyntaxList<AttributeListSyntax> lists) => lists.SelectMany(l => l.Attributes);

    private static string Name(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string? Template(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null || a.NameEquals.Name.Identifier.ValueText == "template")?.Expression is LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : null;

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
