using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// The exported request/response shapes of a TS file: <c>export interface Name { a: T; b?: U }</c> and
/// <c>export type Name = { … }</c>, each property with whether it is required. Methods and index signatures are not properties.
/// </summary>
internal static class ScriptDtos
{
    public static void Read(string file, JsSource source, List<DtoShape> shapes)
    {
        var lines = ScriptRoutes.LineStarts(source.Text);
        for (var i = 0; i + 2 < source.Count; i++)
        {
            if (!source.IsIdentifier(i, "export"))
            {
                continue;
            }

            int name;
            if (source.IsIdentifier(i + 1, "interface") && source.IsIdentifier(i + 2))
            {
                name = i + 2;
            }
            else if (source.IsIdentifier(i + 1, "type") && source.IsIdentifier(i + 2) && source.IsPunctuator(i + 3, '=') && source.IsPunctuator(i + 4, '{'))
            {
                name = i + 2;
            }
            else
            {
                continue;
            }

            var open = name + 1;
            while (open < source.Count && !source.IsPunctuator(open, '{') && open < name + 40)
            {
                var partner = source.Partner(open);
                open = partner > open ? partner + 1 : open + 1;
            }

            if (!source.IsPunctuator(open, '{') || source.Partner(open) < open)
            {
                continue;
            }

            shapes.Add(new DtoShape(source.TextOf(name), Properties(source, open), file, ScriptRoutes.LineOf(lines, source.Significant[name].Start)));
            i = source.Partner(open);
        }
    }

    private static Dictionary<string, bool> Properties(JsSource source, int open)
    {
        var properties = new Dictionary<string, bool>(StringComparer.Ordinal);
        var close = source.Partner(open);
        var memberStart = true;
        for (var i = open + 1; i < close; i++)
        {
            var partner = source.Partner(i);
            if (partner > i)
            {
                i = partner;
                memberStart = false;
                continue;
            }

            if (source.IsPunctuator(i, ';') || source.IsPunctuator(i, ','))
            {
                memberStart = true;
                continue;
            }

            if (!memberStart && !source.Significant[i].NewlineBefore)
            {
                continue;
            }

            var at = source.IsIdentifier(i, "readonly") && (source.IsIdentifier(i + 1) || source.Significant[i + 1].Kind == JsTokenKind.String) ? i + 1 : i;
            var kind = source.Significant[at].Kind;
            memberStart = false;
            if (kind != JsTokenKind.Identifier && kind != JsTokenKind.String)
            {
                continue;
            }

            var optional = source.IsPunctuator(at + 1, '?');
            var colon = optional ? at + 2 : at + 1;
            if (source.IsPunctuator(colon, ':'))
            {
                properties[source.PropertyName(at)] = !optional;
                i = colon;
            }
        }

        return properties;
    }
}
