using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class EntropyTests
{
    [Theory]
    [InlineData("aaaa", 0.0)]
    [InlineData("ab", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("aabb", 1.0)]
    [InlineData("0123456789abcdef", 4.0)]
    [InlineData("aaab", 0.8112781244591328)]
    [InlineData("", 0.0)]
    [InlineData("ééab", 1.5)]
    public void Shannon_entropy_in_bits_per_character(string text, double expected)
    {
        Assert.Equal(expected, Entropy.ShannonBits(text), 9);
    }

    [Fact]
    public void An_ignored_character_is_left_out_of_the_count()
    {
        Assert.Equal(2.0, Entropy.ShannonBits("ab-cd", 0, 5, ignored: '-'), 9);
        Assert.Equal(0.0, Entropy.ShannonBits("----", 0, 4, ignored: '-'), 9);
        Assert.Equal(1.0, Entropy.ShannonBits("xaby", 1, 2), 9);
    }

    [Theory]
    [InlineData(32, 16, 3.611)]
    [InlineData(40, 64, 4.780)]
    [InlineData(24, 94, 4.352)]
    [InlineData(24, 80, 4.313)]
    [InlineData(1, 64, 0.0)]
    public void Expected_entropy_of_a_random_string_matches_the_binomial_model(int length, int symbols, double expected)
    {
        Assert.Equal(expected, Entropy.ExpectedRandomBits(length, symbols), 3);
    }

    [Theory]
    [InlineData("0123456789abcdefABCDEF", SecretAlphabet.Hex)]
    [InlineData("q7Zk2Lm9Xw4Rt8Vb3Nc6Jh1Pd5Sf0Gy", SecretAlphabet.Base64)]
    [InlineData("q7Zk2Lm9-Xw4Rt8Vb3_Nc6Jh1Pd5Sf0G+y/==", SecretAlphabet.Base64)]
    [InlineData("q7Zk2Lm9!Xw4Rt8V@b3Nc6", SecretAlphabet.Mixed)]
    [InlineData("has space", SecretAlphabet.None)]
    [InlineData("naïve", SecretAlphabet.None)]
    [InlineData("", SecretAlphabet.None)]
    public void Alphabets(string text, SecretAlphabet expected)
    {
        Assert.Equal(expected, Entropy.ClassifyAlphabet(text, 0, text.Length));
    }

    [Fact]
    public void The_built_in_threshold_grows_with_length_and_alphabet()
    {
        Assert.True(Entropy.Threshold(20, SecretAlphabet.Base64) < Entropy.Threshold(40, SecretAlphabet.Base64));
        Assert.True(Entropy.Threshold(32, SecretAlphabet.Hex) < Entropy.Threshold(32, SecretAlphabet.Base64));
        Assert.True(Entropy.Threshold(32, SecretAlphabet.Base64) < Entropy.Threshold(32, SecretAlphabet.Mixed));
        Assert.Equal(Entropy.ExpectedRandomBits(40, 64) - Entropy.Tolerance, Entropy.Threshold(40, SecretAlphabet.Base64), 9);
        Assert.Equal(Entropy.Threshold(256, SecretAlphabet.Base64), Entropy.Threshold(5000, SecretAlphabet.Base64), 9);
        Assert.Equal(double.PositiveInfinity, Entropy.Threshold(40, SecretAlphabet.None));
    }

    [Fact]
    public void A_configured_threshold_is_fixed_and_two_thirds_of_it_for_hex()
    {
        Assert.Equal(4.5, Entropy.Threshold(20, SecretAlphabet.Base64, 4.5), 9);
        Assert.Equal(4.5, Entropy.Threshold(200, SecretAlphabet.Mixed, 4.5), 9);
        Assert.Equal(3.0, Entropy.Threshold(64, SecretAlphabet.Hex, 4.5), 9);
    }

    [Theory]
    [InlineData(16, FakeSecrets.Hex, 32)]
    [InlineData(17, FakeSecrets.Hex, 40)]
    [InlineData(18, FakeSecrets.Alnum, 24)]
    [InlineData(19, FakeSecrets.Alnum, 32)]
    [InlineData(20, FakeSecrets.Base64Url, 40)]
    [InlineData(21, FakeSecrets.Alnum + "!#%&*+-./:=?@^_~", 24)]
    public void Almost_every_random_value_is_high_entropy(int seed, string alphabet, int length)
    {
        // 1,000 random values: the tolerance lets about 99 in 100 through (the remaining ones lack a digit or a letter case).
        var random = new Random(seed);
        var flagged = 0;
        for (var i = 0; i < 1000; i++)
        {
            var value = FakeSecrets.Body(random.Next(), length, alphabet);
            if (Entropy.TryFindHighEntropySecret(value, "clientSecret", null, out _))
            {
                flagged++;
            }
        }

        Assert.InRange(flagged, 950, 1000);
    }

    [Theory]
    [InlineData("my-integration-client-secret")]
    [InlineData("correct-horse-battery-staple")]
    [InlineData("ThisIsMyApplicationSecretValue")]
    [InlineData("SuperSecretAdobeSignAppSecret2024")]
    [InlineData("commercetools-connect-prod-secret-01")]
    [InlineData("Venafi-TLS-Protect-Cloud-Integration-1")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("12345678901234567890123456")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("Password=Summer2024;Server=localhost")]
    [InlineData("short1A")]
    public void Typed_values_are_not_high_entropy(string value)
    {
        Assert.False(Entropy.TryFindHighEntropySecret(value, "clientSecret", null, out _));
    }

    [Theory]
    [InlineData("seti_1Pgag7B7WZ01zgkWSgwGdb8Z_secret_QXg2AQLdBxJwtY51IkwvUaBVsnCqPSp", false)]
    [InlineData("pi_3Kq9Lm2Xz71VbR4tYw_secret_Zx81kLm2Qp07Rt3Vw8Kd6Nf", false)]
    [InlineData("sk_3Kq9Lm2Xz71VbR4tYw_secret_Zx81kLm2Qp07Rt3Vw8Kd6Nf", true)]
    public void A_stripe_intent_client_secret_is_made_for_the_browser(string value, bool secret) =>
        Assert.Equal(secret, Entropy.TryFindHighEntropySecret(value, "client_secret", null, out _));

    [Fact]
    public void The_candidate_is_the_longest_word_of_the_value()
    {
        var token = FakeSecrets.Body(40, 40, FakeSecrets.Base64Url);

        Assert.True(Entropy.TryFindHighEntropySecret("Bearer " + token, "authorization", null, out var match));
        Assert.Equal(new SecretMatch(Entropy.HighEntropySecret, 7, 40), match);
    }

    [Fact]
    public void A_random_GUID_is_judged_by_its_hex_digits()
    {
        // Venafi TLS Protect Cloud API keys are GUIDs: given to a credential name, a random one is a secret.
        var guid = FakeSecrets.Guid(41);

        Assert.True(Entropy.TryFindHighEntropySecret(guid, "apiKey", null, out var match));
        Assert.Equal(new SecretMatch(Entropy.HighEntropySecret, 0, 36), match);
        Assert.True(Entropy.TryFindHighEntropySecret("{" + guid + "}", "apiKey", null, out _));
    }

    [Fact]
    public void A_hex_digest_is_a_secret_only_when_its_name_does_not_say_digest()
    {
        var sha256 = Convert.ToHexString(FakeSecrets.Bytes(42, 32)).ToLowerInvariant();
        var sha1 = Convert.ToHexString(FakeSecrets.Bytes(43, 20));

        Assert.False(Entropy.TryFindHighEntropySecret(sha256, "ClientSecretSha256", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret(sha1, "ApiKeyThumbprint", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret(sha256, "secret_checksum", null, out _));
        Assert.True(Entropy.TryFindHighEntropySecret(sha1, "ClientSecret", null, out _));
    }

    [Fact]
    public void Not_secrets_whatever_their_entropy()
    {
        var blob = Convert.ToBase64String(FakeSecrets.Bytes(44, 300));

        Assert.True(Entropy.TryFindHighEntropySecret(blob, "apiKey", null, out _), "the blob itself is random: the exclusions below are what stop it");
        Assert.False(Entropy.TryFindHighEntropySecret("data:image/png;base64," + blob, "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("iVBORw0KGgoAAAANSUhEUgAA" + blob, "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("/9j/4AAQSkZJRgABAQ" + blob, "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + blob, "signingKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + blob + " ci@certkit", "deployKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("-----BEGIN CERTIFICATE-----\n" + blob + "\n-----END CERTIFICATE-----", "credential", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("FAKE" + blob.Substring(0, 40), "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("test_" + blob.Substring(0, 40), "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("${" + blob.Substring(0, 40) + "}", "apiKey", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "accountKey", null, out _));
    }

    [Fact]
    public void A_configured_threshold_moves_the_line()
    {
        const string typed = "Adobe-Sign-Integration-Secret-2024";
        var random = FakeSecrets.Body(45, 32);

        Assert.False(Entropy.TryFindHighEntropySecret(typed, "clientSecret", null, out _));
        Assert.True(Entropy.TryFindHighEntropySecret(typed, "clientSecret", 3.0, out _));
        Assert.True(Entropy.TryFindHighEntropySecret(random, "clientSecret", null, out _));
        Assert.False(Entropy.TryFindHighEntropySecret(random, "clientSecret", 5.5, out _));
    }

    [Fact]
    public void NonSecrets_helpers()
    {
        Assert.True(NonSecrets.IsGuid("3f2504e0-4f89-11d3-9a0c-0305e82c3301", 0, 36));
        Assert.True(NonSecrets.IsGuid("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", 0, 38));
        Assert.False(NonSecrets.IsGuid("3f2504e0-4f89-11d3-9a0c-0305e82c330", 0, 35));
        Assert.False(NonSecrets.IsGuid("3f2504e0_4f89-11d3-9a0c-0305e82c3301", 0, 36));
        Assert.True(NonSecrets.IsHexDigestShape("d41d8cd98f00b204e9800998ecf8427e", 0, 32));
        Assert.False(NonSecrets.IsHexDigestShape("d41d8cd98f00b204e9800998ecf8427", 0, 31));
        Assert.True(NonSecrets.IsMarkedFake("AKIAIOSFODNN7EXAMPLE", 0, 20));
        Assert.False(NonSecrets.IsMarkedFake("AKIAIOSFODNN7EXAMPL", 0, 19));
        Assert.True(NonSecrets.LooksSynthetic("xxxxxxxxxxxxxxxxxxxx", 0, 20));
        Assert.True(NonSecrets.LooksSynthetic("abcdefghijklmnopqrstuvwxyz", 0, 26));
        Assert.False(NonSecrets.LooksSynthetic("q7Zk2Lm9Xw4Rt8Vb3Nc6Jh1Pd5Sf0Gy", 0, 31));
        Assert.True(NonSecrets.IsTemplateVariable("{{ctp_client_secret}}", 0, 21));
        Assert.True(NonSecrets.IsTemplateVariable("%ADOBE_SIGN_SECRET%", 0, 19));
        Assert.True(NonSecrets.IsTemplateVariable("$(VenafiApiKey)", 0, 15));
        Assert.True(NonSecrets.IsTemplateVariable("<your-api-key>", 0, 14));
        Assert.False(NonSecrets.IsTemplateVariable("q7Zk2Lm9Xw4R", 0, 12));
    }
}
