using System.Text.Json;

namespace CertKit.Action.Readiness;

/// <summary>The parts of a package.json the checks read.</summary>
internal static class PackageJson
{
    /// <summary>The placeholder <c>npm init</c> writes: a test script that is not a test.</summary>
    public const string NpmInitTestScript = "echo \"Error: no test specified\" && exit 1";

    public static Dictionary<string, string> Scripts(JsonElement package)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (package.ValueKind == JsonValueKind.Object && package.TryGetProperty("scripts", out var node) && node.ValueKind == JsonValueKind.Object)
        {
            foreach (var script in node.EnumerateObject().Where(script => script.Value.ValueKind == JsonValueKind.String))
            {
                scripts[script.Name] = script.Value.GetString()!;
            }
        }

        return scripts;
    }

    public static IEnumerable<(string Name, string Spec)> Dependencies(JsonElement package)
    {
        if (package.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var group in new[] { "dependencies", "devDependencies", "optionalDependencies" })
        {
            if (package.TryGetProperty(group, out var node) && node.ValueKind == JsonValueKind.Object)
            {
                foreach (var dependency in node.EnumerateObject().Where(dependency => dependency.Value.ValueKind == JsonValueKind.String))
                {
                    yield return (dependency.Name, dependency.Value.GetString()!);
                }
            }
        }
    }

    /// <summary>A package.json's root element, or null when it is missing or not JSON.</summary>
    public static JsonElement? TryRead(CheckContext context, string relativePath)
    {
        var text = context.ReadText(relativePath);
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
