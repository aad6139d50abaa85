using System.Text.RegularExpressions;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// Keys a provider documents as public, client-side values (shipped to the browser, safe to publish), which a credential
/// name classifier would take for secrets: decided by the key's documented meaning or the value's shape, never by a
/// word alone. A repository adds its own in <c>certkit.yml</c> (<c>publicKeys: [KEY]</c>).
/// </summary>
internal static partial class PublicClientKeys
{
    /// <summary>Key name (upper case, words joined by '_') → the provider's documented meaning.</summary>
    private static readonly (string Suffix, string Meaning)[] DocumentedNames =
    [
        ("ADYEN_CLIENT_KEY", "Adyen's client key: public, used by Drop-in/Components in the browser"),
        ("ADYEN_ORIGIN_KEY", "Adyen's origin key: public, used by Components in the browser"),
        ("PUBLISHABLE_KEY", "a publishable key (Stripe and others): public, used in the browser"),
        ("RECAPTCHA_SITE_KEY", "reCAPTCHA's site key: public, embedded in the page"),
        ("SITE_KEY", "a site key (reCAPTCHA, hCaptcha, Turnstile): public, embedded in the page"),
    ];

    // Stripe publishable keys; Adyen client keys (test_/live_ + 32 upper-case letters and digits).
    [GeneratedRegex(@"^(?:pk_(?:live|test)_[0-9A-Za-z]{10,}|(?:test|live)_[A-Z0-9]{32})$")]
    private static partial Regex PublicValueShape();

    /// <summary>Why <paramref name="key"/> (with its default, if any) is a public client-side key, or null when it is not one.</summary>
    public static string? Why(string key, string? value, IReadOnlyCollection<string> allowList)
    {
        if (allowList.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return "listed in certkit.yml publicKeys";
        }

        var normalized = key.Replace('-', '_').Replace('.', '_').ToUpperInvariant();
        foreach (var (suffix, meaning) in DocumentedNames)
        {
            if (normalized == suffix || normalized.EndsWith("_" + suffix, StringComparison.Ordinal))
            {
                // A documented name with a secret-shaped value of another kind (sk_live_…) is still judged by its value.
                return value is null || !value.StartsWith("sk_", StringComparison.Ordinal) ? meaning : null;
            }
        }

        return value is not null && PublicValueShape().IsMatch(value.Trim()) ? "its value has the shape of a public client-side key (pk_live_…, Adyen test_/live_ client key)" : null;
    }
}
