using System.Text.Json;
using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Scopes;

namespace CertKit.Action.Evidence;

/// <summary>
/// The evidence object of <c>certkit decide --json</c>:
/// <c>{"comparedWith","api":{"breaking":[…],"added":[…]},"endpoints":{"added":[…],"removed":[…]},"contract":{"changes":[…]},"scopes":{"added","removed"},"notes":[…]}</c>.
/// Each API and contract item is <c>{"description","file","line"}</c> (at head, at base for removals); endpoints are as in
/// <c>certkit endpoints --json</c>. Parts not gathered are null.
/// </summary>
internal static class EvidenceJson
{
    /// <summary><c>"coverage":{"compared":[{"path","language"}],"notCompared":[…]}</c>, or null when the changed files are unknown.</summary>
    private static void WriteCoverage(Utf8JsonWriter json, EvidenceCoverage? coverage)
    {
        if (coverage is null)
        {
            json.WriteNull("coverage");
            return;
        }

        json.WriteStartObject("coverage");
        foreach (var (name, files) in new[] { ("compared", coverage.Compared), ("notCompared", coverage.NotCompared) })
        {
            json.WriteStartArray(name);
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("language", file.Language);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter json, EvidenceReport? evidence, ScopeComparison scopes)
    {
        if (evidence is null)
        {
            json.WriteNull("evidence");
            return;
        }

        json.WriteStartObject("evidence");
        json.WriteString("comparedWith", evidence.ComparedWith);
        WriteCoverage(json, evidence.Coverage);
        if (evidence.Api is { } api)
        {
            json.WriteStartObject("api");
            WriteItems(json, "breaking", api.Breaking.Select(c => (c.Description, c.File, c.Line)));
            WriteItems(json, "added", api.Added.Select(c => (c.Description, c.File, c.Line)));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("api");
        }

        if (evidence.Endpoints is { } endpoints)
        {
            json.WriteStartObject("endpoints");
            WriteEndpoints(json, "added", endpoints.Added);
            WriteEndpoints(json, "removed", endpoints.Removed);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("endpoints");
        }

        if (evidence.Contract is { } contract)
        {
            json.WriteStartObject("contract");
            json.WriteStartArray("changes");
            foreach (var change in contract)
            {
                json.WriteStartObject();
                json.WriteBoolean("breaking", change.Breaking);
                json.WriteString("description", change.Description);
                json.WriteString("file", change.File);
                json.WriteNumber("line", change.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("contract");
        }

        if (scopes.Compared)
        {
            json.WriteStartObject("scopes");
            WriteStrings(json, "added", scopes.Added);
            WriteStrings(json, "removed", scopes.Removed);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("scopes");
        }

        WriteStrings(json, "notes", evidence.Notes);
        json.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter json, string name, IEnumerable<(string Description, string File, int Line)> items)
    {
        json.WriteStartArray(name);
        foreach (var (description, file, line) in items)
        {
            json.WriteStartObject();
            json.WriteString("description", description);
            json.WriteString("file", file);
            json.WriteNumber("line", line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteEndpoints(Utf8JsonWriter json, string name, IReadOnlyList<Endpoint> endpoints)
    {
        json.WriteStartArray(name);
        foreach (var endpoint in endpoints)
        {
            EndpointJson.WriteEndpoint(json, endpoint);
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
