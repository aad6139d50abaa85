using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// CK2001 on JS/TS: a token or secret written as it is to <c>localStorage</c>/<c>sessionStorage</c> (readable by every
/// script on the page), to <c>document.cookie</c> (readable by scripts, sent on every request) or to a file
/// (<c>fs.writeFile</c>, <c>writeFileSync</c>, <c>appendFile</c>, …). The value is judged by its name or by the storage
/// key/cookie name; a value passed through an encrypting call (<c>encrypt(token)</c>) is protected.
/// </summary>
public static class TokenStorageQuery
{
    private static readonly HashSet<string> FileWrites = new(StringComparer.Ordinal)
    {
        "writeFile", "writeFileSync", "appendFile", "appendFileSync", "outputFile", "outputFileSync", "outputJson", "outputJsonSync", "writeJson", "writeJsonSync",
    };

    public static void Find(JsSource source, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        if (source is null || findings is null)
        {
            return;
        }

        for (var i = 0; i < source.Count; i++)
        {
            if (source.IsPunctuator(i, '(') && source.IsIdentifier(i - 1) && IsStoringName(source.TextOf(i - 1)) && source.TryReadCall(i, out var call) && call.CloseParen > 0)
            {
                FindInCall(source, call, extraKeywords, findings);
            }
            else if (source.IsIdentifier(i, "cookie") && source.IsPunctuator(i - 1, '.') && source.IsIdentifier(i - 2, "document") && source.IsPunctuator(i + 1, '='))
            {
                FindInCookie(source, i, extraKeywords, findings);
            }
            else if ((source.IsIdentifier(i, "localStorage") || source.IsIdentifier(i, "sessionStorage")) && !JsExpressions.IsMemberAccess(source, i - 1) || IsWindowStorage(source, i))
            {
                FindInStorageAssignment(source, i, extraKeywords, findings);
            }
        }
    }

    private static bool IsStoringName(string name) => name == "setItem" || FileWrites.Contains(name);

    private static bool IsWindowStorage(JsSource source, int index) =>
        (source.IsIdentifier(index, "localStorage") || source.IsIdentifier(index, "sessionStorage")) && source.IsPunctuator(index - 1, '.')
        && (source.IsIdentifier(index - 2, "window") || source.IsIdentifier(index - 2, "globalThis"));

    private static void FindInCall(JsSource source, JsCall call, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        var name = source.TextOf(call.Name);
        var callee = call.Callee.StartsWith("window.", StringComparison.Ordinal) ? call.Callee.Substring("window.".Length)
            : call.Callee.StartsWith("globalThis.", StringComparison.Ordinal) ? call.Callee.Substring("globalThis.".Length)
            : call.Callee;
        string target;
        int valueIndex;
        if (callee == "localStorage.setItem" || callee == "sessionStorage.setItem")
        {
            target = callee.Substring(0, callee.IndexOf('.'));
            valueIndex = 1;
        }
        else if (FileWrites.Contains(name) && (call.Callee == name || IsFileSystemReceiver(call.Callee)))
        {
            target = "a file";
            valueIndex = 1;
        }
        else
        {
            return;
        }

        var arguments = source.Parts(call.OpenParen);
        if (arguments.Count <= valueIndex)
        {
            return;
        }

        var value = arguments[valueIndex];
        if (IsProtected(source, value))
        {
            return;
        }

        // setItem('access_token', x): the key names what is stored.
        var key = arguments[0];
        if (target != "a file" && key.IsSingle && source.StringValue(key.First) is { } keyName && SensitiveValueNames.IsSensitive(keyName, extraKeywords))
        {
            Report(source, call, keyName, target, findings);
            return;
        }

        if (TryFindSensitiveName(source, value, extraKeywords, out var subject))
        {
            Report(source, call, subject, target, findings);
        }
    }

    // fs.writeFile, fs.promises.writeFile, fsp.writeFile, fse.outputJson: the receiver is a file-system module.
    private static bool IsFileSystemReceiver(string callee)
    {
        var dot = callee.LastIndexOf('.');
        var receiver = callee.Substring(0, dot);
        return receiver == "fs" || receiver == "fsp" || receiver == "fse" || receiver == "fs.promises" || receiver == "promises" || receiver == "fsPromises" || receiver == "fsExtra";
    }

    private static void FindInCookie(JsSource source, int cookie, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        var first = cookie + 2;
        var last = StatementEnd(source, first);
        if (last < first || IsProtected(source, new JsSpan(first, last)))
        {
            return;
        }

        // `access_token=${t}; path=/` or 'token=' + t: the cookie's name says what it carries.
        string? subject = null;
        var token = source.Significant[first];
        if (token.Kind == JsTokenKind.String || token.Kind == JsTokenKind.Template || token.Kind == JsTokenKind.TemplateHead)
        {
            var text = source.TextOf(first).TrimStart('\'', '"', '`');
            var equals = text.IndexOf('=');
            if (equals > 0 && SensitiveValueNames.IsSensitive(text.Substring(0, equals).Trim(), extraKeywords))
            {
                subject = text.Substring(0, equals).Trim();
            }
        }

        if (subject is null && !TryFindSensitiveName(source, new JsSpan(first, last), extraKeywords, out subject))
        {
            return;
        }

        var start = source.Significant[cookie - 2].Start;
        var end = source.Significant[last].End;
        findings.Add(new JsFinding(start, end - start, subject, "document.cookie"));
    }

    // localStorage.token = t, localStorage['access_token'] = t
    private static void FindInStorageAssignment(JsSource source, int storage, ImmutableArray<string> extraKeywords, List<JsFinding> findings)
    {
        string? keyName;
        int assign;
        if (source.IsPunctuator(storage + 1, '.') && source.IsIdentifier(storage + 2))
        {
            keyName = source.TextOf(storage + 2);
            assign = storage + 3;
        }
        else if (source.IsPunctuator(storage + 1, '[') && source.IsPunctuator(storage + 3, ']'))
        {
            keyName = source.StringValue(storage + 2);
            assign = storage + 4;
        }
        else
        {
            return;
        }

        if (!source.IsPunctuator(assign, '=') || keyName is null || keyName == "setItem")
        {
            return;
        }

        var last = StatementEnd(source, assign + 1);
        var value = new JsSpan(assign + 1, last);
        if (last < assign + 1 || IsProtected(source, value))
        {
            return;
        }

        string? subject = SensitiveValueNames.IsSensitive(keyName, extraKeywords) ? keyName : null;
        if (subject is null && !TryFindSensitiveName(source, value, extraKeywords, out subject))
        {
            return;
        }

        var first = IsWindowStorage(source, storage) ? storage - 2 : storage;
        var start = source.Significant[first].Start;
        var end = source.Significant[last].End;
        findings.Add(new JsFinding(start, end - start, subject, source.TextOf(storage)));
    }

    private static void Report(JsSource source, JsCall call, string subject, string target, List<JsFinding> findings)
    {
        var start = source.Significant[call.First].Start;
        var end = source.Significant[call.CloseParen].End;
        findings.Add(new JsFinding(start, end - start, subject, target));
    }

    // The value's own name: the last name of a chain (tokens.access_token), a shorthand or keyed property ({ refreshToken }).
    private static bool TryFindSensitiveName(JsSource source, JsSpan value, ImmutableArray<string> extraKeywords, out string subject)
    {
        subject = string.Empty;
        for (var j = value.First; j <= value.Last; j++)
        {
            var token = source.Significant[j];
            if (token.Kind != JsTokenKind.Identifier && token.Kind != JsTokenKind.PrivateName)
            {
                continue;
            }

            if (JsExpressions.IsMemberAccess(source, j + 1) || source.IsPunctuator(j + 1, '('))
            {
                continue;
            }

            var name = source.TextOf(j);
            if (SensitiveValueNames.IsSensitive(name, extraKeywords) && !SensitiveValueNames.IsPaymentCardData(name))
            {
                var first = JsExpressions.ChainStart(source, j);
                subject = source.Text.Substring(source.Significant[first].Start, token.End - source.Significant[first].Start);
                return true;
            }
        }

        return false;
    }

    private static bool IsProtected(JsSource source, JsSpan value)
    {
        for (var j = value.First; j <= value.Last; j++)
        {
            if (source.IsIdentifier(j) && source.IsPunctuator(j + 1, '(') && SensitiveNames.SaysProtected(source.TextOf(j)))
            {
                return true;
            }
        }

        return false;
    }

    private static int StatementEnd(JsSource source, int from)
    {
        for (var i = from; i < source.Count; i++)
        {
            var partner = source.Partner(i);
            if (partner > i)
            {
                i = partner;
                continue;
            }

            if (source.IsPunctuator(i, ';') || source.IsPunctuator(i, ',') || source.IsPunctuator(i, ')') || source.IsPunctuator(i, '}')
                || (i > from && source.Significant[i].NewlineBefore && !IsOperator(source, i) && !IsOperator(source, i - 1)))
            {
                return i - 1;
            }
        }

        return source.Count - 1;
    }

    private static bool IsOperator(JsSource source, int index) =>
        source.Significant[index].Kind == JsTokenKind.Punctuator && !source.IsPunctuator(index, ')') && !source.IsPunctuator(index, ']') && !source.IsPunctuator(index, '}');
}
