using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>A value a Razor view renders: the expression as written (<c>Model.AccessToken</c>) and where it is.</summary>
public readonly struct RenderedValue
{
    public RenderedValue(int start, int length, string expression)
    {
        Start = start;
        Length = length;
        Expression = expression;
    }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The rendered expression without its '@': <c>Model.Tokens.RefreshToken</c>, <c>ViewData["ApiKey"]</c>.</summary>
    public string Expression { get; }
}

/// <summary>
/// Credentials a Razor view (<c>.cshtml</c>, <c>.razor</c>) writes into the page: <c>@Model.AccessToken</c>,
/// <c>@ViewBag.ApiKey</c>, <c>@ViewData["RefreshToken"]</c>, <c>@(Model.Session.AccessToken)</c>, <c>@Html.Raw(Model.ClientSecret)</c>.
/// The last member (or the string key) must be a credential's name (<see cref="CredentialNames"/>): a bare <c>Token</c> is
/// not enough (a view renders its anti-forgery token on purpose), a licence key is shown by design (an admin page), and a method call (<c>@Html.AntiForgeryToken()</c>) is
/// not a member. Razor comments (<c>@* … *@</c>) and escaped at signs (<c>@@</c>) are skipped. Pure: text in, spans out.
/// </summary>
public static class RazorViews
{
    private static readonly string[] Roots = { "Model", "ViewBag", "ViewData", "TempData" };

    /// <summary>True for the files Razor renders.</summary>
    public static bool IsView(string path) =>
        path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every credential-named value the view renders, in order.</summary>
    public static void FindRenderedCredentials(string text, List<RenderedValue> results)
    {
        var i = 0;
        while (i < text.Length)
        {
            var at = text.IndexOf('@', i);
            if (at < 0 || at + 1 >= text.Length)
            {
                return;
            }

            var next = text[at + 1];
            if (next == '*')
            {
                var end = text.IndexOf("*@", at + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return;
                }

                i = end + 2;
                continue;
            }

            if (next == '@')
            {
                i = at + 2;
                continue;
            }

            // user@example.com: an at sign inside a word is text.
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                i = at + 1;
                continue;
            }

            var start = at + 1;
            if (next == '(')
            {
                start = SkipSpaces(text, at + 2);
            }

            // @Html.Raw(Model.ApiKey): the raw value is the rendered one.
            const string raw = "Html.Raw(";
            if (string.CompareOrdinal(text, start, raw, 0, raw.Length) == 0)
            {
                start = SkipSpaces(text, start + raw.Length);
            }

            var length = MemberChain(text, start, out var lastName);
            if (length > 0 && lastName is not null && CredentialNames.Classify(lastName) == CredentialNameKind.Credential && !CredentialSinkNames.NamesLicence(lastName))
            {
                results.Add(new RenderedValue(start, length, text.Substring(start, length)));
            }

            i = Math.Max(at + 1, start + length);
        }
    }

    /// <summary>
    /// The length of <c>Root(.Member|["key"])+</c> at <paramref name="start"/> (0 when there is none, or when it ends in a call),
    /// and the name of its last member or key.
    /// </summary>
    private static int MemberChain(string text, int start, out string? lastName)
    {
        lastName = null;
        string? root = null;
        foreach (var candidate in Roots)
        {
            if (string.CompareOrdinal(text, start, candidate, 0, candidate.Length) == 0
                && (start + candidate.Length == text.Length || !IsIdentifierPart(text[start + candidate.Length])))
            {
                root = candidate;
                break;
            }
        }

        if (root is null)
        {
            return 0;
        }

        var i = start + root.Length;
        var members = 0;
        while (i < text.Length)
        {
            if (text[i] == '.' && i + 1 < text.Length && IsIdentifierStart(text[i + 1]))
            {
                var nameStart = i + 1;
                i = nameStart;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                lastName = text.Substring(nameStart, i - nameStart);
                members++;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '"')
            {
                var close = text.IndexOf('"', i + 2);
                if (close < 0 || close + 1 >= text.Length || text[close + 1] != ']')
                {
                    break;
                }

                lastName = text.Substring(i + 2, close - i - 2);
                i = close + 2;
                members++;
            }
            else
            {
                break;
            }
        }

        // Model.GetToken(): a call's result, not a member the view shows as it is.
        if (members == 0 || (i < text.Length && text[i] == '('))
        {
            lastName = null;
            return 0;
        }

        return i - start;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
