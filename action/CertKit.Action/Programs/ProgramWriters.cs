using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CertKit.Action.Programs;

/// <summary>
/// The programs as data for people and machines: <c>certkit programs</c> (text, JSON) and <c>docs/programs.md</c>
/// (Markdown, generated from the same data and checked by a test).
/// </summary>
public static class ProgramWriters
{
    public static string Text(IReadOnlyList<CertificationProgram> programs, StalenessRule staleness)
    {
        var text = new StringBuilder();
        foreach (var program in programs)
        {
            text.Append(program.Id).Append(": ").AppendLine(program.DisplayName);
            text.Append("  aliases:      ").AppendLine(string.Join(", ", program.Aliases));
            foreach (var name in program.AlsoKnownAs)
            {
                text.Append("  also:         ").AppendLine(name);
            }

            text.Append("  submission:   ").AppendLine(program.Submission);
            text.AppendLine("  requirements:");
            foreach (var requirement in program.Requirements)
            {
                text.Append("    ").Append(requirement.Id).Append(": \"").Append(requirement.Text).AppendLine("\"");
                text.Append("      source: ").Append(requirement.Source.Title).Append(" (").Append(requirement.Source.Location)
                    .Append("), verified ").AppendLine(requirement.Source.VerifiedText);
                if (staleness.Describe(requirement.Source) is { } stale)
                {
                    text.Append("      ? ").AppendLine(stale);
                }
            }

            text.AppendLine();
        }

        text.AppendLine($"custom: a certkit.yml policy (recertifyOn, checks); its requirements are the checks' own");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<CertificationProgram> programs, StalenessRule staleness)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("staleAfterDays", staleness.MaxAgeDays);
            json.WriteString("asOf", staleness.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("programs");
            foreach (var program in programs)
            {
                json.WriteStartObject();
                json.WriteString("id", program.Id);
                json.WriteString("name", program.DisplayName);
                WriteList(json, "aliases", program.Aliases);
                WriteList(json, "alsoKnownAs", program.AlsoKnownAs);
                json.WriteString("submission", program.Submission);
                json.WriteStartArray("requirements");
                foreach (var requirement in program.Requirements)
                {
                    json.WriteStartObject();
                    json.WriteString("id", requirement.Id);
                    json.WriteString("quote", requirement.Quote);
                    json.WriteString("note", requirement.Note);
                    WriteSource(json, requirement.Source);
                    json.WriteBoolean("stale", requirement.Source.IsStale(staleness.Today, staleness.MaxAgeDays));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteSource(Utf8JsonWriter json, RequirementSource source)
    {
        json.WriteStartObject("source");
        json.WriteString("title", source.Title);
        json.WriteString("url", source.Url);
        json.WriteString("seed", source.Seed);
        json.WriteString("verified", source.Verified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    /// <summary>docs/programs.md: one section per program, each requirement with its source and the day it was verified.</summary>
    public static string Markdown(IReadOnlyList<CertificationProgram> programs)
    {
        var text = new StringBuilder();
        text.Append("# Programs\n\n");
        text.Append("<!-- Generated from action/CertKit.Action/Programs by `certkit programs --markdown`; a test checks this file equals the output. -->\n\n");
        text.Append("Each program CertKit knows, the names it answers to (any case), and every requirement it quotes, with the page (and the\n");
        text.Append("seed text CertKit keeps of it) and the day the quote was last compared with it. `certkit check` flags a requirement\n");
        text.Append("verified more than `--stale-after` days ago (default ").Append(StalenessRule.DefaultMaxAgeDays.ToString(CultureInfo.InvariantCulture))
            .Append("): re-read its source and update the program's folder.\n\n");
        foreach (var program in programs)
        {
            text.Append("## ").Append(program.DisplayName).Append(" (`--program ").Append(program.Id).Append("`)\n\n");
            text.Append("- Aliases: ").Append(string.Join(", ", program.Aliases.Select(alias => $"`{alias}`"))).Append('\n');
            foreach (var name in program.AlsoKnownAs)
            {
                text.Append("- Also: ").Append(name).Append('\n');
            }

            text.Append("- Submission: ").Append(program.Submission).Append("\n\n");
            text.Append("| Requirement | Quote | Source | Verified |\n|---|---|---|---|\n");
            foreach (var requirement in program.Requirements)
            {
                var source = requirement.Source;
                var where = source.Url is null ? Cell(source.Title) : $"[{Cell(source.Title)}]({source.Url})";
                if (source.Seed is not null)
                {
                    where += $" (seed `{source.Seed}`)";
                }

                text.Append("| `").Append(requirement.Id).Append("` | ").Append(Cell(requirement.Text)).Append(" | ").Append(where).Append(" | ")
                    .Append(source.VerifiedText).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("## Custom (`--program custom`)\n\nA `certkit.yml` policy: `recertifyOn` and `checks` (see [configuration](configuration.md)); its requirements are the checks' own.\n");
        return text.ToString();
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

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
