using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// CK3002 on JS/TS: a credential, token or card datum passed to <c>console.*</c> or a logger — pino, winston, bunyan,
/// fastify's <c>request.log</c>/<c>fastify.log</c>, a project's <c>logger</c>/<c>this.logger</c>. The value is judged by its
/// name (<see cref="SensitiveValueNames"/>): a variable, a member (<c>payment.cardLast4</c>), or an object key
/// (<c>{ accessToken: t }</c>). Text in string literals, presence checks (<c>!!token</c>, <c>token ? … : …</c>,
/// <c>token.length</c>) and values passed through a masking call (<c>mask(token)</c>) are not the value.
/// </summary>
public static class SensitiveLogQuery
{
    private static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "log", "info", "warn", "warning", "error", "debug", "trace", "fatal", "verbose", "silly", "http", "critical", "notice", "dir", "table",
    };

    private static readonly HashSet<string> LoggerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "console", "log", "logger", "winston", "pino", "bunyan", "signale", "consola", "loglevel",
    };

    public static void Find(JsSource source, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        if (source is null || findings is null)
        {
            return;
        }

        for (var i = 1; i < source.Count; i++)
        {
            // The called name first: it rules out most calls without building their callee.
            if (!source.IsPunctuator(i, '(') || !source.IsIdentifier(i - 1) || !LogMethods.Contains(source.TextOf(i - 1))
                || !source.TryReadCall(i, out var call) || call.CloseParen < 0 || !IsLoggerCall(call.Callee))
            {
                continue;
            }

            foreach (var argument in source.Parts(call.OpenParen))
            {
                FindInArgument(source, argument, call.Callee, extraKeywords, findings);
            }
        }
    }

    /// <summary>True for <c>console.log</c>, <c>logger.info</c>, <c>this.logger.error</c>, <c>request.log.warn</c>, <c>appLogger.debug</c>.</summary>
    public static bool IsLoggerCall(string callee)
    {
        var dot = callee.LastIndexOf('.');
        if (dot <= 0 || !LogMethods.Contains(callee.Substring(dot + 1)))
        {
            return false;
        }

        var receiverDot = callee.LastIndexOf('.', dot - 1);
        var receiver = callee.Substring(receiverDot + 1, dot - receiverDot - 1).TrimStart('_', '#');
        return LoggerNames.Contains(receiver) || receiver.EndsWith("logger", StringComparison.OrdinalIgnoreCase) || receiver.EndsWith("Log", StringComparison.Ordinal);
    }

    private static void FindInArgument(JsSource source, JsSpan argument, string target, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        for (var j = argument.First; j <= argument.Last; j++)
        {
            var token = source.Significant[j];
            var isKey = (token.Kind == JsTokenKind.Identifier || token.Kind == JsTokenKind.String) && source.IsPunctuator(j + 1, ':') && IsPropertyKeyPosition(source, j);
            if (isKey)
            {
                var valueEnd = ValueEnd(source, j + 2, argument.Last);
                if (!IsLiteral(source, j + 2, valueEnd) && SensitiveValueNames.IsSensitive(source.PropertyName(j), extraKeywords)
                    && !JsExpressions.IsInsideProtectingCall(source, argument.First, j) && !IsProtectedValue(source, j + 2, valueEnd))
                {
                    findings.Add(new JsFinding(token.Start, token.Length, source.PropertyName(j), target));
                    j = valueEnd;
                }

                continue;
            }

            if ((token.Kind != JsTokenKind.Identifier && token.Kind != JsTokenKind.PrivateName) || IsNotAValueEnd(source, j))
            {
                continue;
            }

            var name = source.TextOf(j);
            if (!SensitiveValueNames.IsSensitive(name, extraKeywords))
            {
                continue;
            }

            var first = JsExpressions.ChainStart(source, j);
            if (IsPresenceCheck(source, first, j) || JsExpressions.IsInsideProtectingCall(source, argument.First, first))
            {
                continue;
            }

            var start = source.Significant[first].Start;
            findings.Add(new JsFinding(start, token.End - start, source.Text.Substring(start, token.End - start), target));
        }
    }

    // A name that continues (token.length, getToken(), token[0]) or is a type or keyword is not the value written.
    private static bool IsNotAValueEnd(JsSource source, int index) =>
        JsExpressions.IsMemberAccess(source, index + 1) || source.IsPunctuator(index + 1, '(') || source.IsPunctuator(index + 1, '[')
        || source.IsPunctuator(index + 1, "=>");

    private static bool IsPresenceCheck(JsSource source, int first, int last)
    {
        if (source.IsPunctuator(first - 1, '!') || source.IsIdentifier(first - 1, "typeof"))
        {
            return true;
        }

        var next = last + 1;
        if (next >= source.Count || source.Significant[next].Kind != JsTokenKind.Punctuator)
        {
            return false;
        }

        var text = source.TextOf(next);
        return text == "?" || text == "===" || text == "!==" || text == "==" || text == "!=" || text == "&&"
            || text == "<" || text == ">" || text == "<=" || text == ">=" || source.IsPunctuator(first - 1, "===") || source.IsPunctuator(first - 1, "!==");
    }

    private static bool IsPropertyKeyPosition(JsSource source, int index) =>
        source.IsPunctuator(index - 1, '{') || source.IsPunctuator(index - 1, ',');

    private static int ValueEnd(JsSource source, int from, int limit)
    {
        for (var i = from; i <= limit; i++)
        {
            var partner = source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if (source.IsPunctuator(i, ',') || source.IsPunctuator(i, '}'))
            {
                return i - 1;
            }
        }

        return limit;
    }

    private static bool IsLiteral(JsSource source, int first, int last)
    {
        if (first != last || first >= source.Count)
        {
            return false;
        }

        var kind = source.Significant[first].Kind;
        return kind == JsTokenKind.String || kind == JsTokenKind.Number || kind == JsTokenKind.Template
            || source.IsIdentifier(first, "true") || source.IsIdentifier(first, "false") || source.IsIdentifier(first, "null") || source.IsIdentifier(first, "undefined");
    }

    // { token: mask(t) }, { token: !!t }, { token: t ? 'set' : 'none' }
    private static bool IsProtectedValue(JsSource source, int first, int last)
    {
        if (first > last)
        {
            return true;
        }

        if (source.IsPunctuator(first, '!') || source.IsIdentifier(first, "typeof"))
        {
            return true;
        }

        if (source.IsIdentifier(first) && source.IsPunctuator(first + 1, '(') && JsExpressions.IsInsideProtectingCall(source, first, first + 2))
        {
            return true;
        }

        for (var i = first; i <= last; i++)
        {
            if (source.IsPunctuator(i, '?') || source.IsIdentifier(i, "length"))
            {
                return true;
            }
        }

        return false;
    }
}
