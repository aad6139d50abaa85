using System.Collections.Generic;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// CK4001 on JS/TS: <c>rejectUnauthorized: false</c> (Node's https/tls options, axios and undici agents), request's
/// <c>strictSSL: false</c>, and <c>NODE_TLS_REJECT_UNAUTHORIZED</c> set to <c>'0'</c> (process-wide: every connection trusts
/// any certificate).
/// </summary>
public static class TlsValidationQuery
{
    public static void Find(JsSource source, List<JsFinding> findings)
    {
        if (source is null || findings is null)
        {
            return;
        }

        for (var i = 0; i < source.Count; i++)
        {
            var kind = source.Significant[i].Kind;
            if (kind != JsTokenKind.Identifier && kind != JsTokenKind.String)
            {
                continue;
            }

            // rejectUnauthorized, strictSSL, NODE_TLS_REJECT_UNAUTHORIZED (quoted or not): by length first, no allocation per name.
            var length = kind == JsTokenKind.String ? source.Significant[i].Length - 2 : source.Significant[i].Length;
            if (length != 18 && length != 9 && length != 28)
            {
                continue;
            }

            var name = kind == JsTokenKind.String ? source.StringValue(i) : source.TextOf(i);
            if (name != "rejectUnauthorized" && name != "strictSSL" && name != "NODE_TLS_REJECT_UNAUTHORIZED")
            {
                continue;
            }

            // process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'
            var assign = source.IsPunctuator(i + 1, ']') ? i + 2 : i + 1;
            if (!source.IsPunctuator(assign, ':') && !source.IsPunctuator(assign, '='))
            {
                continue;
            }

            var value = assign + 1;
            if (value >= source.Count || (value + 1 < source.Count && IsContinuation(source, value + 1)))
            {
                continue;
            }

            var disables = name == "NODE_TLS_REJECT_UNAUTHORIZED" ? IsZero(source, value) : IsFalse(source, value);
            if (disables)
            {
                var start = source.Significant[i].Start;
                var end = source.Significant[value].End;
                findings.Add(new JsFinding(start, end - start, name + (source.IsPunctuator(assign, '=') ? " = " : ": ") + source.TextOf(value), string.Empty));
            }
        }
    }

    private static bool IsFalse(JsSource source, int index) => source.IsIdentifier(index, "false") || source.Equals(index, "0") && source.Significant[index].Kind == JsTokenKind.Number;

    private static bool IsZero(JsSource source, int index) =>
        (source.Significant[index].Kind == JsTokenKind.Number && source.Equals(index, "0")) || source.StringValue(index) == "0";

    // rejectUnauthorized: false || x, strictSSL: false ? a : b — the value is more than the literal.
    private static bool IsContinuation(JsSource source, int index)
    {
        var token = source.Significant[index];
        if (token.Kind != JsTokenKind.Punctuator)
        {
            return false;
        }

        var text = source.TextOf(index);
        return text == "||" || text == "&&" || text == "??" || text == "?" || text == "==" || text == "===" || text == "!=" || text == "!==";
    }
}
