using System;

namespace CertKit.Analyzers.Detection;

/// <summary>A regional Adobe Sign host found in a text.</summary>
public readonly struct ShardHostMatch
{
    public ShardHostMatch(int start, int length, string host)
    {
        Start = start;
        Length = length;
        Host = host;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>The host, lower-case: <c>api.na1.adobesign.com</c>.</summary>
    public string Host { get; }
}

/// <summary>
/// Finds Adobe Sign regional shard hosts (<c>api.na1.adobesign.com</c>, <c>secure.eu1.echosign.com</c>, <c>api.au1.adobesign.com</c>,
/// Acrobat Sign for Government's <c>secure.na1.adobesign.us</c> …): a host label, a shard (two letters and a number), then
/// <c>adobesign.com</c>, the legacy <c>echosign.com</c>, or <c>adobesign.us</c>. An account lives on one shard, which OAuth
/// returns as <c>api_access_point</c>/<c>web_access_point</c>; a hardcoded shard breaks every customer on another one. The
/// shard-less entry points (<c>secure.echosign.com</c>, <c>api.adobesign.com</c>) are not shards.
/// Pure and allocation-free until a match: one ordinal search for "sign." per candidate.
/// </summary>
public static class AdobeSignShardHosts
{
    private const string Anchor = "sign.";

    /// <summary>Cheap pre-filter: false means the text holds no Adobe Sign host at all.</summary>
    public static bool MayContain(string text) =>
        text != null && text.Length >= 19
        && (text.IndexOf("sign.com", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("sign.us", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The first shard host at or after <paramref name="startIndex"/>.</summary>
    public static bool TryFind(string text, int startIndex, out ShardHostMatch match)
    {
        match = default;
        if (text == null)
        {
            return false;
        }

        var index = startIndex;
        while (index < text.Length)
        {
            var anchor = text.IndexOf(Anchor, index, StringComparison.OrdinalIgnoreCase);
            if (anchor < 0)
            {
                return false;
            }

            index = anchor + Anchor.Length;
            if (TryMatchAt(text, anchor, out match))
            {
                return true;
            }
        }

        return false;
    }

    // text[anchor..] is "sign.com" or "sign.us": check "adobe"/"echo" before it (echosign has no .us), ".<shard>." before
    // that, and a host label first.
    private static bool TryMatchAt(string text, int anchor, out ShardHostMatch match)
    {
        match = default;
        var tld = anchor + Anchor.Length;
        var us = StartsWith(text, tld, "us");
        if (!us && !StartsWith(text, tld, "com"))
        {
            return false;
        }

        var end = tld + (us ? 2 : 3);
        if (end < text.Length && IsHostChar(text[end]) && text[end] != '.')
        {
            return false; // "sign.company", "sign.used"
        }

        int domainStart;
        if (EndsWith(text, anchor, "adobe"))
        {
            domainStart = anchor - 5;
        }
        else if (!us && EndsWith(text, anchor, "echo"))
        {
            domainStart = anchor - 4;
        }
        else
        {
            return false;
        }

        // ".na1." : a dot, two letters, one or more digits, a dot.
        var dot = domainStart - 1;
        if (dot < 0 || text[dot] != '.')
        {
            return false;
        }

        var shardEnd = dot;
        var shardStart = shardEnd;
        while (shardStart > 0 && char.IsDigit(text[shardStart - 1]))
        {
            shardStart--;
        }

        if (shardStart == shardEnd || shardStart < 3 || !IsAsciiLetter(text[shardStart - 1]) || !IsAsciiLetter(text[shardStart - 2]) || text[shardStart - 3] != '.')
        {
            return false;
        }

        var labelEnd = shardStart - 3;
        var labelStart = labelEnd;
        while (labelStart > 0 && IsHostChar(text[labelStart - 1]))
        {
            labelStart--; // the whole host: x.api.na1.adobesign.com
        }

        if (labelStart == labelEnd || text[labelStart] == '.')
        {
            return false; // no host label before the shard
        }

        match = new ShardHostMatch(labelStart, end - labelStart, text.Substring(labelStart, end - labelStart).ToLowerInvariant());
        return true;
    }

    private static bool StartsWith(string text, int start, string value) =>
        start + value.Length <= text.Length && string.Compare(text, start, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool EndsWith(string text, int end, string value) =>
        end >= value.Length && string.Compare(text, end - value.Length, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsLabelChar(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';

    private static bool IsHostChar(char c) => IsLabelChar(c) || c == '.';
}
