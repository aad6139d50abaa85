using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertKit.Action.Versioning;

namespace CertKit.Action.Decision;

/// <summary>
/// The decision as exactly one JSON object, keys in this order:
/// <c>{"program","previousVersion","previousVersionSource","version","versionSource","comparedWith","bump","recertificationRequired","reasons","scopes":{"added","removed"},"evidence","impliedBump","bumpUnderstated","evidenceIncomplete","notCompared","warnings","certifiedVersion","certifiedSource","certifiedBaseline","baseline"}</c>.
/// <c>previousVersion</c> and its source are null for an initial version. A source says where the version was found
/// (<c>tag v1.4.2</c>, <c>src/X/X.csproj</c>, <c>--version</c>); <c>comparedWith</c> is the version the verdict judged the
/// change against, which differs from <c>previousVersion</c> when a program judges a release against its last release.
/// <c>evidence</c> and <c>impliedBump</c> are null when no evidence was gathered (see <see cref="Evidence.EvidenceJson"/>).
/// </summary>
public static class DecisionJson
{
    public static string Render(RecertificationDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("program", decision.Program);
            WriteVersion(json, "previousVersion", decision.PreviousVersion);
            json.WriteString("previousVersionSource", decision.Previous?.Origin);
            json.WriteString("version", VersionText.Format(decision.Version));
            json.WriteString("versionSource", decision.Current.Origin);
            WriteVersion(json, "comparedWith", decision.ComparedWith);
            json.WriteString("bump", decision.Bump.ToName());
            json.WriteBoolean("recertificationRequired", decision.RecertificationRequired);
            json.WriteStartArray("reasons");
            foreach (var reason in decision.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteStartObject("scopes");
            WriteList(json, "added", decision.Scopes.Added);
            WriteList(json, "removed", decision.Scopes.Removed);
            json.WriteEndObject();
            Evidence.EvidenceJson.Write(json, decision.Evidence, decision.Scopes);
            if (decision.ImpliedBump is { } implied)
            {
                json.WriteString("impliedBump", implied.ToName());
            }
            else
            {
                json.WriteNull("impliedBump");
            }

            json.WriteBoolean("bumpUnderstated", decision.BumpUnderstated);

            // Changed shipped code no evidence reader compared: the verdict does not rest on "no change" there.
            json.WriteBoolean("evidenceIncomplete", decision.Evidence?.Incomplete == true);
            json.WriteStartArray("notCompared");
            foreach (var file in decision.Evidence?.Coverage?.NotCompared ?? [])
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("language", file.Language);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteList(json, "warnings", decision.Warnings);
            WriteVersion(json, "certifiedVersion", decision.Certified?.Version);
            json.WriteString("certifiedSource", decision.Certified?.Source);
            json.WriteBoolean("certifiedBaseline", decision.Certified?.Used == true);
            json.WriteString("baseline", decision.Certified?.Statement);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteVersion(Utf8JsonWriter json, string name, NuGet.Versioning.NuGetVersion? version)
    {
        if (version is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, VersionText.Format(version));
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
