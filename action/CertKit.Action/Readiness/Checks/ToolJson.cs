using System.Text.Json;

namespace CertKit.Action.Readiness.Checks;

/// <summary>Reads the JSON report a tool printed (npm, dotnet list package), which may follow lines of progress text.</summary>
internal static class ToolJson
{
    public static bool TryParse(string text, out JsonElement root)
    {
        root = default;
        var start = text.IndexOf('{');
        if (start < 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text[start..]);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The items of an array property, or none when the element is not an object or the property not an array.</summary>
    public static IEnumerable<JsonElement> Each(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    /// <summary>A string property, or null.</summary>
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
