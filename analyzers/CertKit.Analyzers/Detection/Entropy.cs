using System;

namespace CertKit.Analyzers.Detection;

/// <summary>The smallest alphabet a value is drawn from; it sets how much entropy a random value of that length reaches.</summary>
public enum SecretAlphabet
{
    /// <summary>Not a candidate: whitespace, control or non-ASCII characters.</summary>
    None,

    /// <summary><c>[0-9a-fA-F]</c>: 4 bits per character at most.</summary>
    Hex,

    /// <summary><c>[A-Za-z0-9+/=_-]</c>: 6 bits per character at most.</summary>
    Base64,

    /// <summary>Printable ASCII with symbols: about 6.3 bits per character for the ~80 symbols generators use.</summary>
    Mixed,
}

/// <summary>
/// Shannon entropy of a value and the threshold above which a value given to a credential looks generated (a real
/// secret) rather than typed (a word, a phrase, a placeholder).
/// </summary>
/// <remarks>
/// A random string of length n over k symbols does not reach log2(k) bits per character: with few characters most
/// symbols never appear. The built-in threshold is therefore the exact expected entropy of a random string of the same
/// length and alphabet, less <see cref="Tolerance"/>: random values pass about 99 times in 100, English and camelCase
/// words fall well below. <c>certkit.entropy_threshold</c> replaces it with a fixed number of bits per character for
/// base64 and mixed values and two thirds of it for hex (4 bits against 6; the convention of detect-secrets: 4.5 and 3.0).
/// </remarks>
public static class Entropy
{
    /// <summary>Values shorter than this are never judged by entropy: too short to tell generated from typed.</summary>
    public const int MinimumLength = 20;

    /// <summary>Bits per character below the expected entropy of a random value that still count as random.</summary>
    public const double Tolerance = 0.35;

    public const string HighEntropySecret = "a high-entropy secret";

    // The expected entropy is computed up to this length; longer values use this length's threshold (a little lower, so safe).
    private const int MaxModelledLength = 256;

    private static readonly double Log2 = Math.Log(2);

    /// <summary>Shannon entropy in bits per character; 0 for an empty range.</summary>
    public static double ShannonBits(string text, int start, int length) => ShannonBits(text, start, length, ignored: null);

    /// <summary>Shannon entropy of the characters other than <paramref name="ignored"/> (a GUID's dashes).</summary>
    public static double ShannonBits(string text, int start, int length, char? ignored)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (start < 0 || length < 0 || start > text.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        if (length == 0)
        {
            return 0;
        }

        Span<int> ascii = stackalloc int[128];
        System.Collections.Generic.Dictionary<char, int>? others = null;
        var counted = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c == ignored)
            {
                continue;
            }

            counted++;
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                // Rare (candidates are ASCII): count the other characters exactly rather than bucket them together.
                others ??= new System.Collections.Generic.Dictionary<char, int>();
                others.TryGetValue(c, out var seen);
                others[c] = seen + 1;
            }
        }

        // H = log2(n) - (1/n) * sum(c * ln c) / ln 2
        var sum = 0.0;
        foreach (var count in ascii)
        {
            if (count > 1)
            {
                sum += count * Math.Log(count);
            }
        }

        if (others is not null)
        {
            foreach (var count in others.Values)
            {
                if (count > 1)
                {
                    sum += count * Math.Log(count);
                }
            }
        }

        return counted == 0 ? 0 : (Math.Log(counted) - (sum / counted)) / Log2;
    }

    public static double ShannonBits(string text) => ShannonBits(text, 0, text?.Length ?? 0);

    /// <summary>The smallest of hex, base64 and printable ASCII that holds every character.</summary>
    public static SecretAlphabet ClassifyAlphabet(string text, int start, int length)
    {
        var hex = true;
        var base64 = true;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c <= ' ' || c > '~')
            {
                return SecretAlphabet.None;
            }

            if (hex && !NonSecrets.IsHexDigit(c))
            {
                hex = false;
            }

            if (base64 && !(NonSecrets.IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'))
            {
                base64 = false;
            }
        }

        return length == 0 ? SecretAlphabet.None : hex ? SecretAlphabet.Hex : base64 ? SecretAlphabet.Base64 : SecretAlphabet.Mixed;
    }

    /// <summary>
    /// Bits per character a value of this length and alphabet must reach to count as generated.
    /// <paramref name="configured"/> (<c>certkit.entropy_threshold</c>) replaces the length-aware built-in.
    /// </summary>
    public static double Threshold(int length, SecretAlphabet alphabet, double? configured = null)
    {
        if (configured is double fixedThreshold)
        {
            return alphabet == SecretAlphabet.Hex ? fixedThreshold * 2 / 3 : fixedThreshold;
        }

        var symbols = alphabet switch
        {
            SecretAlphabet.Hex => 16,
            SecretAlphabet.Base64 => 64,
            // Password generators draw from letters, digits and a subset of the 32 symbols: about 80, not all 94.
            SecretAlphabet.Mixed => 80,
            _ => 0,
        };
        return symbols == 0 ? double.PositiveInfinity : ExpectedRandomBits(Math.Min(length, MaxModelledLength), symbols) - Tolerance;
    }

    /// <summary>
    /// The exact expected Shannon entropy (bits per character) of <paramref name="length"/> characters drawn uniformly
    /// from <paramref name="symbols"/> symbols: each symbol's count is Binomial(n, 1/k), so
    /// E[H] = -k * sum over j of P(count = j) * (j/n) * log2(j/n).
    /// </summary>
    public static double ExpectedRandomBits(int length, int symbols)
    {
        if (length <= 1 || symbols <= 1)
        {
            return 0;
        }

        var p = 1.0 / symbols;
        var ratio = p / (1 - p);
        var probability = Math.Pow(1 - p, length); // P(count = 0)
        var sum = 0.0;
        for (var j = 1; j <= length; j++)
        {
            probability *= ratio * (length - j + 1) / j;
            var share = (double)j / length;
            sum += probability * share * Math.Log(share);
        }

        return -symbols * sum / Log2;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, given to something named as a credential, holds a generated secret, and where.
    /// The candidate is the value, or its longest whitespace-separated word (<c>Bearer &lt;token&gt;</c>); a GUID is judged
    /// by its 32 hex digits (Venafi API keys are GUIDs). Not secrets: fixtures marked fake, typed-looking values, template
    /// variables, data blobs, public keys and certificates, and digests whose name says so (<paramref name="name"/>).
    /// </summary>
    public static bool TryFindHighEntropySecret(string value, string? name, double? configuredThreshold, out SecretMatch match)
    {
        match = default;
        if (value is null || value.Length < MinimumLength)
        {
            return false;
        }

        LongestWord(value, out var start, out var length);
        if (length < MinimumLength)
        {
            return false;
        }

        // The measure first (one pass, no allocation): most long literals are messages, URLs and queries and stop here.
        double bits;
        SecretAlphabet alphabet;
        int judgedLength;
        if (NonSecrets.IsGuid(value, start, length))
        {
            bits = ShannonBits(value, start, length, ignored: '-');
            alphabet = SecretAlphabet.Hex;
            judgedLength = 32;
            if (value[start] == '{')
            {
                bits = ShannonBits(value, start + 1, length - 2, ignored: '-');
            }
        }
        else
        {
            alphabet = ClassifyAlphabet(value, start, length);
            if (alphabet == SecretAlphabet.None || !HasCharacterMix(value, start, length, alphabet))
            {
                return false;
            }

            bits = ShannonBits(value, start, length);
            judgedLength = length;
        }

        if (bits < Threshold(judgedLength, alphabet, configuredThreshold))
        {
            return false;
        }

        // Then what is random but no secret.
        if (NonSecrets.LooksSynthetic(value, start, length)
            || NonSecrets.IsMarkedFake(value, start, length)
            || NonSecrets.IsTemplateVariable(value, start, length)
            || NonSecrets.IsDataBlob(value, start, length)
            || NonSecrets.IsPublishedValue(value, start, length)
            || NonSecrets.IsIntentClientSecret(value, start, length)
            || (NonSecrets.IsHexDigestShape(value, start, length) && NonSecrets.IsDigestName(name))
            || NonSecrets.IsPublicKeyOrCertificate(value, 0, value.Length))
        {
            return false;
        }

        match = new SecretMatch(HighEntropySecret, start, length);
        return true;
    }

    // Generated values mix classes: hex has digits and letters; base64 has digits and letters of both cases (or a
    // symbol); mixed has letters and digits or both cases. "ThisIsMyApplicationSecretValue" has no digit;
    // "1234567890123456789012" has no letter.
    private static bool HasCharacterMix(string text, int start, int length, SecretAlphabet alphabet)
    {
        bool digit = false, lower = false, upper = false, symbol = false;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else if (c >= 'a' && c <= 'z')
            {
                lower = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                upper = true;
            }
            else
            {
                symbol = true;
            }
        }

        return alphabet switch
        {
            SecretAlphabet.Hex => digit && (lower || upper),
            SecretAlphabet.Base64 => digit && (lower || upper) && ((lower && upper) || symbol),
            _ => (lower || upper) && (digit || (lower && upper)),
        };
    }

    private static void LongestWord(string value, out int start, out int length)
    {
        start = 0;
        length = 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            if (i - wordStart > length)
            {
                start = wordStart;
                length = i - wordStart;
            }
        }
    }
}
