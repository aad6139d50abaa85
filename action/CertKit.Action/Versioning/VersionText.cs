using NuGet.Versioning;

namespace CertKit.Action.Versioning;

/// <summary>Parsing and printing versions with NuGet.Versioning (SemVer 2.0, 4-part versions, NuGet's pre-release ordering).</summary>
public static class VersionText
{
    /// <summary>Compares version and pre-release labels as NuGet does; build metadata is ignored.</summary>
    public static readonly IVersionComparer Comparer = VersionComparer.VersionRelease;

    /// <summary>Parses a version, accepting a leading <c>v</c> as people type it (<c>v1.2.3</c>); null when it is not a version.</summary>
    public static NuGetVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 1 && (trimmed[0] == 'v' || trimmed[0] == 'V') && char.IsDigit(trimmed[1]))
        {
            trimmed = trimmed[1..];
        }

        return NuGetVersion.TryParse(trimmed, out var version) ? version : null;
    }

    /// <summary>Parses a version or fails with a message naming where it came from.</summary>
    public static NuGetVersion Parse(string text, string origin) =>
        TryParse(text) ?? throw new CertKitException(
            $"{origin} '{text}' is not a version (expected SemVer like 1.4.2, 2.0.0-rc.1 or a 4-part version like 1.2.3.4)");

    /// <summary>The version as printed everywhere: normalized, without build metadata (it takes no part in a decision).</summary>
    public static string Format(NuGetVersion version) => version.ToNormalizedString();
}
