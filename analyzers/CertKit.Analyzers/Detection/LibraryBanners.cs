using System;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// A third-party library's banner at the top of a script: the comment a library's authors put before its code to name it,
/// its version and its licence (<c>/*! Chart.js … Version: 1.0.2 … Released under the MIT license */</c>,
/// <c>//! moment.js //! version : 2.5.1 //! license : MIT</c>, <c>@license</c>, NuGet's "BEGIN LICENSE TEXT"). A site that
/// copies a library unminified into its own folders (<c>Content/assets/widgets/</c>, <c>Scripts/</c>) keeps the banner, so
/// the file is vendored whatever its folder is called. An application's own licence header (<c>Copyright 2024 Acme.
/// Licensed under the Apache License, Version 2.0</c>, an SPDX line) names no version of the file and is not a banner.
/// Pure: the start of a file's text in, a reason or null out.
/// </summary>
public static class LibraryBanners
{
    // A banner is at the top; a library's licence text rarely runs longer than this.
    private const int MaximumBannerLength = 4096;

    /// <summary>Why the text starts with a third-party library's banner ("library banner (v2.5.1, MIT licence)"), or null.</summary>
    public static string? ReasonOf(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var banner = LeadingComments(text, out var preserved);
        if (banner.Length == 0)
        {
            return null;
        }

        // Microsoft's NuGet packages of jQuery, Bootstrap, Modernizr and Respond put this before the library's own banner.
        if (banner.IndexOf("NUGET: BEGIN LICENSE TEXT", StringComparison.Ordinal) >= 0)
        {
            return "a NuGet package's script (licence banner)";
        }

        if (banner.IndexOf("@license", StringComparison.Ordinal) >= 0)
        {
            return "library banner (@license)";
        }

        var version = SoftwareVersionIn(banner);
        if (version is null)
        {
            return null;
        }

        // A version alone is a changelog note; with a licence, a copyright, a kept (/*!) banner or an author's page it is a release.
        if (MentionsLicence(banner))
        {
            return "library banner (" + version + ", licence)";
        }

        if (Contains(banner, "copyright") || banner.IndexOf('©') >= 0 || Contains(banner, "(c)"))
        {
            return "library banner (" + version + ", copyright)";
        }

        if (preserved)
        {
            return "library banner (" + version + ", a banner minifiers keep)";
        }

        return (Contains(banner, "author") || Contains(banner, "made by") || Contains(banner, "written by") || Contains(banner, "created by"))
               && banner.IndexOf("://", StringComparison.Ordinal) >= 0
            ? "library banner (" + version + ", author's page)"
            : null;
    }

    /// <summary>The comments before the first code of the file (a BOM, blank lines and stray semicolons skipped), joined.</summary>
    private static string LeadingComments(string text, out bool preserved)
    {
        preserved = false;
        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length && builder.Length < MaximumBannerLength)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF' || text[i] == ';'))
            {
                i++;
            }

            if (i + 1 >= text.Length || text[i] != '/')
            {
                break;
            }

            int end;
            if (text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = close < 0 ? text.Length : close + 2;
            }
            else if (text[i + 1] == '/')
            {
                var newline = text.IndexOf('\n', i);
                end = newline < 0 ? text.Length : newline;
            }
            else
            {
                break;
            }

            // /*! and //! ask minifiers to keep the comment: what a published library does with its banner.
            preserved |= i + 2 < text.Length && text[i + 2] == '!';
            builder.Append(text, i, Math.Min(end - i, MaximumBannerLength)).Append('\n');
            i = end;
        }

        return builder.ToString();
    }

    /// <summary>The first release number in the banner (<c>1.0.2</c>, <c>v2.0.1</c>, a template's <c>{{ version }}</c>) that is not a licence's own version.</summary>
    private static string? SoftwareVersionIn(string banner)
    {
        for (var i = 0; i < banner.Length; i++)
        {
            if (!char.IsDigit(banner[i]) || !StartsNumber(banner, i))
            {
                continue;
            }

            var start = i;
            var dots = 0;
            while (i < banner.Length && (char.IsDigit(banner[i]) || (banner[i] == '.' && i + 1 < banner.Length && char.IsDigit(banner[i + 1]))))
            {
                dots += banner[i] == '.' ? 1 : 0;
                i++;
            }

            if (dots > 0 && (i == banner.Length || !char.IsLetter(banner[i])) && !IsLicenceVersion(banner, start, i))
            {
                return banner.Substring(start, i - start);
            }
        }

        return banner.IndexOf("{{ version }}", StringComparison.OrdinalIgnoreCase) >= 0 ? "{{ version }}" : null;
    }

    // 1.0.2 and v1.0.2 start a number; a2.0, 1.2.3's inner digits and an identifier's digits do not.
    private static bool StartsNumber(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }

        var previous = text[at - 1];
        if (previous is 'v' or 'V')
        {
            return at == 1 || !char.IsLetterOrDigit(text[at - 2]);
        }

        return !char.IsLetterOrDigit(previous) && previous != '.';
    }

    // "Apache License, Version 2.0", "Attribution-ShareAlike 4.0 International", "CC BY-ND 3.0", "GPL 2.0 or later".
    private static bool IsLicenceVersion(string banner, int start, int end)
    {
        var lineStart = banner.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var from = Math.Max(lineStart, start - 30);
        var before = banner.Substring(from, start - from);
        foreach (var word in LicenceVersionWords)
        {
            if (Contains(before, word))
            {
                return true;
            }
        }

        var after = banner.Substring(end, Math.Min(30, banner.Length - end)).TrimStart(' ', ',', '\t');
        return after.StartsWith("of the licen", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("licen", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("international", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("unported", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("or later", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] LicenceVersionWords = { "licen", "gpl", "creative commons", "attribution", "cc by", "cc-by", "apache", "mpl", "epl" };

    private static bool MentionsLicence(string banner) =>
        Contains(banner, "licen") || Contains(banner, "released under") || Contains(banner, "free software")
        || ContainsWord(banner, "MIT") || ContainsWord(banner, "GPL") || ContainsWord(banner, "BSD");

    private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
