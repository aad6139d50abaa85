using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class ValueShapesTests
{
    [Theory]
    [InlineData("true", "MARIADB_RANDOM_ROOT_PASSWORD")]
    [InlineData("yes", "allowEmptyPassword")]
    [InlineData("Off", "UsePassword")]
    [InlineData("SSH Passphrase", "HintPassphrase")]
    [InlineData("a Stripe live secret key", "StripeSecretKey")]
    [InlineData("Enter the service account password:", "Password")]
    [InlineData("Hardcoded credential", "HardcodedCredentialTitle")]
    [InlineData("ACME_DEV_CLIENTSECRET", "DevClientSecretVariable")]
    [InlineData("PRIVATEBLOB", "PrivateKeyBlob")]
    [InlineData("CK1002", "HardcodedCredential")]
    [InlineData("DB_PASSWORD_2", "PasswordVariable")]
    [InlineData("Certification.Secrets", "SecretsCategory")]
    [InlineData("password_hash_b64", "ClientHashedPassword")]
    [InlineData("Auth:ClientSecret", "ClientSecret")]
    [InlineData("Venafi__ApiKey", "ApiKey")]
    [InlineData("/run/secrets/db-password", "PasswordFile")]
    [InlineData("ClientSecretCredential", "Credential")]
    [InlineData("hardcodedPassword", "Password")]
    [InlineData("privateblob", "PrivateKeyBlob")]
    [InlineData("secret-key", "ClientSecretKey")]
    [InlineData("1.0", "OAuthVersion")]
    [InlineData("ak_123", "ApiKey")]
    [InlineData("wrong_key_456", "ApiKey")]
    [InlineData("BW-GHAPP-ID,BW-GHAPP-KEY", "secrets")]
    [InlineData("DD-API-KEY, K6-CLIENT-ID, K6-AUTH-USER-PASSWORD-HASH", "AZURE_KEY_VAULT_SECRETS")]
    [InlineData("2.0.1", "AuthVersion")]
    [InlineData("-p", "--password")]
    [InlineData("--api-key", "ApiKey")]
    [InlineData("string", "Password")]
    [InlineData("SecureString", "ClientSecret")]
    [InlineData("byte[]", "Password")]
    public void Names_or_descriptions_are_recognised_by_shape(string value, string name)
    {
        Assert.True(ValueShapes.NamesOrDescribes(value, name));
    }

    [Theory]
    [InlineData("Pr0d#Sync24")]
    [InlineData("Winter#2031")]
    [InlineData("p@55w0rd")]
    [InlineData("hunter2")]
    [InlineData("TestOnlyP@ss123")]
    [InlineData("Sample2024!")]
    [InlineData("AKIA2E0A8F3B244C9986")]
    [InlineData("sk_live_9fQ2xW7mLk3ZpR8vT4nY6bHc")]
    [InlineData("Zx81-kLm2-Qp07")]
    [InlineData("correct-horse-battery-staple")]
    [InlineData("q8Fz2LmR7vXc9PwT")]
    [InlineData("3AAABLblqZhC8xYz")]
    [InlineData("Pr0d_Sync")]
    [InlineData("Admin_2024")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.abc")]
    [InlineData("aB")]
    [InlineData("1234")]
    [InlineData("-Xk29fQ!")]
    [InlineData("1..2")]
    [InlineData("123_abc")]
    [InlineData("Admin_2024_x")]
    [InlineData("admin_2024!")]
    [InlineData("X7K9-QW2R-ZT5M")]
    [InlineData("Zx81,kLm2")]
    [InlineData("")]
    public void Secrets_do_not_have_those_shapes(string value)
    {
        Assert.False(ValueShapes.NamesOrDescribes(value, "ClientSecret"));
    }

    [Theory]
    [InlineData("ct-connect-ordergroove-subscription", "MY_SUBSCRIPTION_KEY", true)]
    [InlineData("payment-connector-subscription-information", "CT_PRODUCT_TYPE_SUBSCRIPTION_KEY", true)]
    [InlineData("correct-horse-battery-staple", "ADMIN_PASSWORD", false)]
    [InlineData("correct-horse-battery-staple", "BATTERY_PASSWORD", true)]
    [InlineData("prod-api-key-2031", "API_KEY", false)]
    [InlineData("Payment-Connector-Subscription", "SUBSCRIPTION_KEY", false)]
    [InlineData("connector-subscription", "SUBSCRIPTION_KEY", false)]
    [InlineData("fft-ctc-orders", "ORDER_SUBSCRIPTION_KEY", true)]
    [InlineData("x9f2-subscription-q7", "SUBSCRIPTION_KEY", false)]
    public void A_resource_key_is_lower_case_words_that_repeat_a_word_of_its_name(string value, string name, bool resourceKey) =>
        Assert.Equal(resourceKey, ValueShapes.IsResourceKey(value, name));

    [Theory]
    [InlineData("iLoveYou")]
    [InlineData("XMLHttpKey")]
    [InlineData("Secret12Key")]
    public void A_type_like_name_is_letters_in_real_words(string value)
    {
        Assert.False(ValueShapes.IsTypeLikeName(value));
    }

    [Theory]
    [InlineData("theme-music", true)]
    [InlineData("-trailer", true)]
    [InlineData(".trailer", true)]
    [InlineData("_trailer", true)]
    [InlineData("Behind-The-Scenes", true)]
    [InlineData("DELETED_SCENES", true)]
    [InlineData("featurettes", true)]
    [InlineData("ab", false)]
    [InlineData("3AAABLblqZhC8xYz", false)]
    [InlineData("trailer2", false)]
    [InlineData("qZhCxYzLbl", false)]
    [InlineData("xoxb-slack-TOKENvalue", false)]
    [InlineData("", false)]
    public void Words_are_letters_in_lower_upper_or_capitalised_runs_between_separators(string value, bool words) =>
        Assert.Equal(words, ValueShapes.IsWords(value));
}
