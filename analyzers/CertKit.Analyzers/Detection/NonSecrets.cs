using System;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// Values that have the shape of a secret but are not one: fixtures marked fake, generated-looking placeholders,
/// public keys and certificates, images and data blobs, published development keys, digests.
/// Used by <see cref="SecretPatterns"/> and <see cref="Entropy"/>; pure, allocation-free.
/// </summary>
/// <remarks>
/// The fake markers here are the ones a secret fixture carries inside its value (<c>AKIAIOSFODNN7EXAMPLE</c>);
/// general placeholders (<c>changeme</c>, <c>${VAR}</c>) are CK1002's and live in its placeholder list.
/// </remarks>
public static class NonSecrets
{
    // Words a test fixture puts inside a fake secret. Checked case-insensitively.
    private static readonly string[] FakeMarkers = { "fake", "dummy", "example", "test", "sample" };

    // Above this length a marker must stand as a word: a 1,700-character private key body contains "test" by chance about once in 250 keys.
    private const int LongValue = 256;

    // Keys Microsoft and jwt.io publish for everyone to use: the Azurite/Storage Emulator account key and the jwt.io sample signature.
    private static readonly string[] PublishedValues =
    {
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    };

    // Base64 openings of things that are not secrets: images, documents, and DER public keys (SubjectPublicKeyInfo).
    private static readonly string[] NonSecretBase64Prefixes =
    {
        "iVBORw0KGgo",   // PNG
        "/9j/",          // JPEG
        "R0lGOD",        // GIF
        "UklGR",         // RIFF (WebP)
        "Qk0",           // BMP
        "AAABAA",        // ICO
        "JVBERi0",       // PDF
        "PHN2Zy",        // <svg
        "PD94bW",        // <?xml
        "UEsDB",         // ZIP (docx, xlsx)
        "MIIBIjANBgkqhkiG9w0BAQEFAAOC", // RSA 2048 public key
        "MIICIjANBgkqhkiG9w0BAQEFAAOC", // RSA 4096 public key
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", // EC P-256 public key
        "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE",     // EC P-384 public key
        "MCowBQYDK2VwAyEA",                     // Ed25519 public key
    };

    // Public key and certificate material: never a secret.
    private static readonly string[] PublicMaterialMarkers =
    {
        "BEGIN CERTIFICATE", "BEGIN PUBLIC KEY", "BEGIN RSA PUBLIC KEY", "BEGIN SSH2 PUBLIC KEY", "BEGIN PGP PUBLIC KEY",
        "BEGIN X509 CRL", "BEGIN CERTIFICATE REQUEST", "BEGIN NEW CERTIFICATE REQUEST", "BEGIN TRUSTED CERTIFICATE",
    };

    private static readonly string[] SshPublicKeyPrefixes =
    {
        "ssh-rsa ", "ssh-dss ", "ssh-ed25519 ", "ecdsa-sha2-nistp256 ", "ecdsa-sha2-nistp384 ", "ecdsa-sha2-nistp521 ",
        "sk-ssh-ed25519@openssh.com ", "sk-ecdsa-sha2-nistp256@openssh.com ",
    };

    // Words in a name that say the value is a digest of something, not the thing.
    private static readonly string[] DigestNameWords = { "sha", "md5", "hash", "digest", "checksum", "thumbprint", "fingerprint", "crc" };

    /// <summary>True when the value carries a fixture marker (<c>FAKE</c>, <c>dummy</c>, <c>EXAMPLE</c>, <c>test</c>, <c>sample</c>).</summary>
    public static bool IsMarkedFake(string text, int start, int length)
    {
        var wordsOnly = length > LongValue;
        var end = start + length;
        foreach (var marker in FakeMarkers)
        {
            var last = end - marker.Length;
            for (var i = start; i <= last; i++)
            {
                if (ToLowerAscii(text[i]) != marker[0] || !EqualsIgnoreCaseAscii(text, i, marker))
                {
                    continue;
                }

                if (!wordsOnly || ((i == start || !IsAsciiLetter(text[i - 1])) && (i + marker.Length == end || !IsAsciiLetter(text[i + marker.Length]))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True for values that look typed rather than generated: few distinct characters (<c>xxxxxxxx</c>, <c>00000000</c>)
    /// or mostly repeats and runs (<c>1234567890abcdef</c>, <c>aaaabbbb</c>).
    /// </summary>
    public static bool LooksSynthetic(string text, int start, int length)
    {
        if (length < 8)
        {
            return true;
        }

        ulong seenLow = 0, seenHigh = 0;
        var distinct = 0;
        var repeatsOrRuns = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                ref var bits = ref (c < 64 ? ref seenLow : ref seenHigh);
                var bit = 1UL << (c & 63);
                if ((bits & bit) == 0)
                {
                    bits |= bit;
                    distinct++;
                }
            }

            if (i > start)
            {
                var step = c - text[i - 1];
                if (step == 0 || step == 1)
                {
                    repeatsOrRuns++;
                }
            }
        }

        return distinct < Math.Min(8, length / 3) || repeatsOrRuns * 10 >= (length - 1) * 4;
    }

    /// <summary>The Azurite development account key and the jwt.io sample signature: published, so not secrets.</summary>
    public static bool IsPublishedValue(string text, int start, int length)
    {
        foreach (var value in PublishedValues)
        {
            if (value.Length == length && string.CompareOrdinal(text, start, value, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A Stripe PaymentIntent or SetupIntent client secret (<c>pi_…_secret_…</c>, <c>seti_…_secret_…</c>): made for the
    /// customer's browser, one per payment, in every recorded API fixture; not a key of the account.
    /// </summary>
    public static bool IsIntentClientSecret(string text, int start, int length)
    {
        var prefix = StartsWith(text, start, length, "pi_") ? 3 : StartsWith(text, start, length, "seti_") ? 5 : 0;
        if (prefix == 0)
        {
            return false;
        }

        var marker = IndexOf(text, start + prefix, length - prefix, "_secret_");
        if (marker < 0)
        {
            return false;
        }

        for (var i = start + prefix; i < start + length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A public key, a certificate or an SSH public key, in PEM, OpenSSH or base64 DER form.</summary>
    public static bool IsPublicKeyOrCertificate(string text, int start, int length)
    {
        foreach (var marker in PublicMaterialMarkers)
        {
            if (IndexOf(text, start, length, marker) >= 0)
            {
                return true;
            }
        }

        foreach (var prefix in SshPublicKeyPrefixes)
        {
            if (StartsWith(text, start, length, prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>data:</c> URI, or base64 that opens like an image, a document or a DER public key.</summary>
    public static bool IsDataBlob(string text, int start, int length)
    {
        if (StartsWith(text, start, length, "data:"))
        {
            return true;
        }

        foreach (var prefix in NonSecretBase64Prefixes)
        {
            if (StartsWith(text, start, length, prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value wrapped as a template variable: <c>${X}</c>, <c>{{x}}</c>, <c>%X%</c>, <c>$(X)</c>, <c>&lt;x&gt;</c>, <c>#{x}#</c>.</summary>
    public static bool IsTemplateVariable(string text, int start, int length)
    {
        if (length < 3)
        {
            return false;
        }

        var first = text[start];
        var last = text[start + length - 1];
        return (first == '$' && text[start + 1] == '{' && last == '}')
            || (first == '$' && text[start + 1] == '(' && last == ')')
            || (first == '{' && text[start + 1] == '{' && last == '}')
            || (first == '#' && text[start + 1] == '{' && last == '#')
            || (first == '%' && last == '%')
            || (first == '<' && last == '>');
    }

    /// <summary>Pure hex of an MD5, SHA-1, SHA-256, SHA-384 or SHA-512 length.</summary>
    public static bool IsHexDigestShape(string text, int start, int length)
    {
        if (length != 32 && length != 40 && length != 64 && length != 96 && length != 128)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (!IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name that says its value is a digest (<c>ClientSecretSha256</c>, <c>PayloadChecksum</c>, <c>CertThumbprint</c>).</summary>
    public static bool IsDigestName(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return false;
        }

        foreach (var word in DigestNameWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>8-4-4-4-12 hex digits, with or without braces.</summary>
    public static bool IsGuid(string text, int start, int length)
    {
        if (length == 38 && text[start] == '{' && text[start + 37] == '}')
        {
            start++;
            length = 36;
        }

        if (length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var c = text[start + i];
            var dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    internal static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static char ToLowerAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

    private static bool EqualsIgnoreCaseAscii(string text, int index, string lowerValue)
    {
        for (var j = 0; j < lowerValue.Length; j++)
        {
            if (ToLowerAscii(text[index + j]) != lowerValue[j])
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(string text, int start, int length, string prefix) =>
        length >= prefix.Length && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0;

    private static int IndexOf(string text, int start, int length, string value) =>
        length >= value.Length ? text.IndexOf(value, start, length, StringComparison.Ordinal) : -1;
}
