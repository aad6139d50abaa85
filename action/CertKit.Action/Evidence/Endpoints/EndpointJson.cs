using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The inventory as one JSON object: <c>{"endpoints":[{"kind","method","path","base","expression","sites":[{"file","line"}]}]}</c>.
/// <c>method</c> is null when unknown; <c>expression</c> is the raw code of a call that could not be followed (else null).
/// </summary>
internal static class EndpointJson
{
    public static string Render(EndpointReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("endpoints");
            foreach (var endpoint in report.Endpoints)
            {
                WriteEndpoint(json, endpoint);
            }

            json.WriteEndArray();

            // Coverage: shipped code no endpoint reader read, so the list is not claimed complete for it.
            json.WriteStartArray("notRead");
            foreach (var language in report.NotRead)
            {
                json.WriteStartObject();
                json.WriteString("language", language.Language);
                json.WriteNumber("files", language.Files);
                json.WriteString("example", language.Example);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteEndpoint(Utf8JsonWriter json, Endpoint endpoint)
    {
        json.WriteStartObject();
        json.WriteString("kind", endpoint.Kind switch { EndpointKind.VCert => "vcert", EndpointKind.GraphQL => "graphql", _ => "http" });
        WriteNullable(json, "method", endpoint.Method);
        WriteNullable(json, "path", endpoint.Path);
        WriteNullable(json, "base", endpoint.Base);
        if (endpoint.Family is { } family)
        {
            // Only on a program platform's host: which platform (and region) the endpoint belongs to.
            json.WriteString("family", family);
        }

        WriteNullable(json, "expression", endpoint.Expression);
        json.WriteStartArray("sites");
        foreach (var site in endpoint.Sites)
        {
            json.WriteStartObject();
            json.WriteString("file", site.File);
            json.WriteNumber("line", site.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
