using System;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>Small expression-level readings shared by the JS/TS queries: member chains and what wraps a value.</summary>
internal static class JsExpressions
{
    /// <summary>
    /// The member chain that ends at identifier <paramref name="last"/> (<c>payment.cardLast4</c>, <c>this.#token</c>): its first
    /// token. Stops at anything that is not <c>name.</c> / <c>name?.</c>.
    /// </summary>
    public static int ChainStart(JsSource source, int last)
    {
        var first = last;
        while (first >= 2 && IsMemberAccess(source, first - 1)
            && (source.IsIdentifier(first - 2) || source.Significant[first - 2].Kind == JsTokenKind.PrivateName))
        {
            first -= 2;
        }

        return first;
    }

    public static bool IsMemberAccess(JsSource source, int index) => source.IsPunctuator(index, '.') || source.IsPunctuator(index, "?.");

    /// <summary>True when the value at <paramref name="index"/> sits, within <paramref name="from"/>, inside a call whose name says it protects (<c>mask(token)</c>, <c>encrypt(x)</c>, <c>hash(…)</c>).</summary>
    public static bool IsInsideProtectingCall(JsSource source, int from, int index)
    {
        var depth = 0;
        for (var i = index - 1; i >= from; i--)
        {
            var partner = source.Partner(i);
            if (partner > i && partner < index)
            {
                continue;
            }

            if (source.IsPunctuator(i, ')') || source.IsPunctuator(i, ']') || source.IsPunctuator(i, '}'))
            {
                depth++;
                continue;
            }

            if (source.IsPunctuator(i, '(') || source.IsPunctuator(i, '[') || source.IsPunctuator(i, '{'))
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                if (source.IsPunctuator(i, '(') && source.IsIdentifier(i - 1) && SaysProtectedOrPresence(source.TextOf(i - 1)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // mask(token), encrypt(secret), Boolean(token), hasToken(x): the value does not leave as it is.
    private static bool SaysProtectedOrPresence(string name) =>
        SensitiveNames.SaysProtected(name) || name == "Boolean" || name == "isDefined" || name == "isEmpty"
        || name.StartsWith("has", StringComparison.Ordinal) || name.StartsWith("is", StringComparison.Ordinal);
}
