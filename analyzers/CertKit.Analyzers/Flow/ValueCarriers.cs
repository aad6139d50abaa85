using System;
using System.Collections.Generic;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// The methods that carry a value from their input into their result, in one place for both directions of the flow engine.
/// Backward from a sink ("is a secret in this value?") every transformation that keeps the secret inside the result counts:
/// building text around it, encoding it, changing its case. Forward from a literal ("does this literal reach the sink as
/// the credential?") only those that keep the literal itself: its bytes, its characters, trimmed; anything that builds
/// other text from it is no longer the literal the value judgement reads.
/// </summary>
internal static class ValueCarriers
{
    /// <summary>Instance methods of text, arrays, spans and builders whose result holds the instance (and, for Append/Insert, the argument).</summary>
    public static readonly HashSet<string> SecretKeepingInstanceMethods = new(StringComparer.Ordinal)
    {
        "ToString", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToUpperInvariant", "ToLower", "ToLowerInvariant", "Normalize",
        "Replace", "PadLeft", "PadRight", "AsSpan", "AsMemory", "ToCharArray", "ToArray", "Clone", "GetString", "GetBytes",
        "GetChars", "Insert", "Append", "AppendLine", "AppendFormat",
    };

    /// <summary>Static <c>string</c> methods whose result holds their arguments.</summary>
    public static readonly HashSet<string> SecretKeepingStringMethods = new(StringComparer.Ordinal)
    {
        "Concat", "Format", "Join", "Copy", "Create",
    };

    /// <summary><c>Convert</c> methods whose result is their argument in another encoding.</summary>
    public static readonly HashSet<string> SecretKeepingConvertMethods = new(StringComparer.Ordinal)
    {
        "ToBase64String", "ToBase64CharArray", "FromBase64String", "FromBase64CharArray", "ToHexString", "ToHexStringLower", "FromHexString",
    };

    /// <summary>Instance methods of text, arrays and spans whose result is the literal itself (same characters or bytes).</summary>
    public static readonly HashSet<string> LiteralKeepingInstanceMethods = new(StringComparer.Ordinal)
    {
        "ToString", "Trim", "TrimStart", "TrimEnd", "ToCharArray", "ToArray", "AsSpan", "AsMemory", "Clone", "Normalize",
    };

    /// <summary><c>Convert</c> methods that decode a literal written in source as Base64 or hex into the key bytes.</summary>
    public static readonly HashSet<string> LiteralKeepingConvertMethods = new(StringComparer.Ordinal)
    {
        "FromBase64String", "FromHexString",
    };
}
