using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>Maps a span of a literal's value back to source, so a diagnostic underlines the URL or the secret, not the whole string.</summary>
public static class LiteralLocations
{
    /// <summary>
    /// The source location of <c>value[start..start+length]</c> inside <paramref name="token"/>. When escapes make the
    /// value differ from the source text, falls back to the first occurrence of the fragment, then to the whole token.
    /// </summary>
    public static Location Locate(SyntaxToken token, string value, int start, int length)
    {
        var text = token.Text;
        var tokenStart = token.SpanStart;
        var valueOffset = text.IndexOf(value, StringComparison.Ordinal);
        if (valueOffset >= 0 && value.Length > 0)
        {
            return Location.Create(token.SyntaxTree!, new TextSpan(tokenStart + valueOffset + start, length));
        }

        var fragment = value.Substring(start, length);
        var fragmentOffset = fragment.Length > 0 ? text.IndexOf(fragment, StringComparison.Ordinal) : -1;
        return fragmentOffset >= 0
            ? Location.Create(token.SyntaxTree!, new TextSpan(tokenStart + fragmentOffset, length))
            : token.GetLocation();
    }
}
