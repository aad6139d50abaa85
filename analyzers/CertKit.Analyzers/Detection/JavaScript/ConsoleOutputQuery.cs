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

        var fileAllows = DisablesNoConsole(source, out var allowedLines);
        var output = !outputAllowed && !fileAllows && !IsScript(source);
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
                && source.TryReadCall(i + 1, out var call) && IsOutput(call.Callee) && (allowedLines.Count == 0 || !allowedLines.Contains(LineOf(source, source.Significant[call.First].Start))))
            {
                var end = call.CloseParen >= 0 ? source.Significant[call.CloseParen].End : token.End;
                var start = source.Significant[call.First].Start;
                findings.Add(new JsFinding(start, end - start, call.Callee, string.Empty));
            }
        }
    }

    /// <summary>
    /// A script run to completion may print: a file with a <c>#!</c> line, or one that sets <c>process.exitCode</c> (how
    /// Connect's post-deploy and pre-undeploy scripts report failure; a service never sets its exit code).
    /// </summary>
    private static bool IsScript(JsSource source)
    {
        if (source.Tokens.Length > 0 && source.Tokens[0].Kind == JsTokenKind.Hashbang)
        {
            return true;
        }

        for (var i = 2; i + 1 < source.Count; i++)
        {
            if (source.IsIdentifier(i, "exitCode") && source.IsPunctuator(i - 1, '.') && source.IsIdentifier(i - 2, "process") && source.IsPunctuator(i + 1, '='))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The project's own lint settings say where console output is intended: a file-wide <c>/* eslint-disable no-console */</c>
    /// (true), or <c>// eslint-disable-next-line no-console</c> / <c>eslint-disable-line no-console</c> (the lines in
    /// <paramref name="allowedLines"/>, 1-based).
    /// </summary>
    private static bool DisablesNoConsole(JsSource source, out HashSet<int> allowedLines)
    {
        allowedLines = new HashSet<int>();
        var fileWide = false;
        foreach (var token in source.Tokens)
        {
            if (!token.IsComment || source.Text.IndexOf("no-console", token.Start, token.Length, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var comment = source.Text.Substring(token.Start, token.Length);
            if (comment.IndexOf("eslint-disable-next-line", StringComparison.Ordinal) >= 0)
            {
                allowedLines.Add(LineOf(source, token.End) + 1);
            }
            else if (comment.IndexOf("eslint-disable-line", StringComparison.Ordinal) >= 0)
            {
                allowedLines.Add(LineOf(source, token.Start));
            }
            else if (comment.IndexOf("eslint-disable", StringComparison.Ordinal) >= 0)
            {
                fileWide = true;
            }
        }

        return fileWide;
    }

    private static int LineOf(JsSource source, int offset)
    {
        var line = 1;
        var text = source.Text;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
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
