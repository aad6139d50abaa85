using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// CK3001 on JS/TS: <c>console.*</c> calls, <c>process.stdout.write</c>/<c>process.stderr.write</c> and <c>debugger</c>
/// statements. A command-line script (a file starting with a <c>#!</c> line) may print; it may not stop in a debugger.
/// </summary>
public static class ConsoleOutputQuery
{
    /// <summary>Adds the findings of <paramref name="source"/>; <paramref name="outputAllowed"/> lets console output pass (a CLI).</summary>
    public static void Find(JsSource source, bool outputAllowed, List<JsFinding> findings)
    {
        if (source is null || findings is null)
        {
            return;
        }

        var isScript = source.Tokens.Length > 0 && source.Tokens[0].Kind == JsTokenKind.Hashbang;
        var output = !outputAllowed && !isScript;
        for (var i = 0; i < source.Count; i++)
        {
            var token = source.Significant[i];
            if (token.Kind != JsTokenKind.Identifier)
            {
                continue;
            }

            if (source.Equals(i, "debugger"))
            {
                if (IsDebuggerStatement(source, i))
                {
                    findings.Add(new JsFinding(token.Start, token.Length, "debugger", string.Empty));
                }

                continue;
            }

            // console.X( or …write(: the tokens before the name rule out most calls without building their callee.
            if (output && source.IsPunctuator(i + 1, '(') && (source.IsIdentifier(i - 2, "console") || source.Equals(i, "write"))
                && source.TryReadCall(i + 1, out var call) && IsOutput(call.Callee))
            {
                var end = call.CloseParen >= 0 ? source.Significant[call.CloseParen].End : token.End;
                var start = source.Significant[call.First].Start;
                findings.Add(new JsFinding(start, end - start, call.Callee, string.Empty));
            }
        }
    }

    /// <summary>True for <c>console.log</c>, <c>globalThis.console.warn</c>, <c>process.stdout.write</c>.</summary>
    public static bool IsOutput(string callee)
    {
        if (callee.StartsWith("globalThis.", StringComparison.Ordinal))
        {
            callee = callee.Substring("globalThis.".Length);
        }
        else if (callee.StartsWith("window.", StringComparison.Ordinal))
        {
            callee = callee.Substring("window.".Length);
        }

        if (callee.StartsWith("console.", StringComparison.Ordinal))
        {
            return callee.IndexOf('.', "console.".Length) < 0 && callee.Length > "console.".Length;
        }

        return callee == "process.stdout.write" || callee == "process.stderr.write";
    }

    // `debugger;` — not `x.debugger`, not a property key `{ debugger: true }`, not an option `debugger = false`.
    private static bool IsDebuggerStatement(JsSource source, int index) =>
        !JsExpressions.IsMemberAccess(source, index - 1)
        && !source.IsPunctuator(index + 1, ':')
        && !source.IsPunctuator(index + 1, '=')
        && !source.IsPunctuator(index + 1, '(')
        && !source.IsPunctuator(index + 1, '.')
        && !source.IsPunctuator(index + 1, ',');
}
