using System;
using System.Collections.Immutable;

namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>
/// Whether a JS/TS name holds a value that must not leave the process as it is: a credential or token (by
/// <see cref="SensitiveNames"/>, the C# rules' verdicts; JS has no types, so a bare <c>token</c> counts as text) or payment
/// card data (<c>cardNumber</c>, <c>cvc</c>, <c>cardLast4</c>: PCI DSS keeps them out of logs).
/// </summary>
public static class SensitiveValueNames
{
    public static bool IsSensitive(string name, ImmutableArray<string> extraKeywords)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (name[0] == '#')
        {
            name = name.Substring(1);
        }

        var kind = SensitiveNames.Classify(name, textValue: true, extraKeywords);
        if (kind == SensitiveNameKind.Secret || kind == SensitiveNameKind.ConnectionString)
        {
            return true;
        }

        return kind != SensitiveNameKind.Protected && IsPaymentCardData(name);
    }

    /// <summary>True for card numbers, security codes and their last digits: <c>cardNumber</c>, <c>card_number</c>, <c>cvv</c>, <c>cvc2</c>, <c>pan</c>, <c>cardLast4</c>, <c>lastFourDigits</c>.</summary>
    public static bool IsPaymentCardData(string name)
    {
        var words = IdentifierWords.Split(name);
        var joined = string.Concat(words);
        if (joined.IndexOf("cardnumber", StringComparison.Ordinal) >= 0 || joined.IndexOf("last4", StringComparison.Ordinal) >= 0
            || joined.IndexOf("lastfour", StringComparison.Ordinal) >= 0 || joined.IndexOf("cardholdername", StringComparison.Ordinal) >= 0)
        {
            return !AboutWordFollows(words);
        }

        foreach (var word in words)
        {
            if (word == "cvv" || word == "cvc" || word == "cvv2" || word == "cvc2" || word == "pan" || word == "securitycode")
            {
                return !AboutWordFollows(words);
            }
        }

        return false;
    }

    // cardNumberLength, cvcRequired: a fact about the value, not the value.
    private static bool AboutWordFollows(System.Collections.Generic.List<string> words)
    {
        var last = words[words.Count - 1];
        return last == "length" || last == "required" || last == "valid" || last == "invalid" || last == "missing" || last == "field" || last == "label" || last == "error";
    }
}
