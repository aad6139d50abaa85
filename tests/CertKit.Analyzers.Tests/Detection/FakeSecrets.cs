using System.Text;

namespace CertKit.Analyzers.Tests.Detection;

/// <summary>
/// Synthetic secrets in real formats, composed at run time from a seeded generator so that no token sits whole in the
/// source (secret scanners and push protection read source, not test runs). None of them was ever issued by anyone.
/// </summary>
internal static class FakeSecrets
{
    public const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string UpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public const string Base64Url = Alnum + "-_";
    public const string Digits = "0123456789";
    public const string Hex = "0123456789abcdef";

    public static string Body(int seed, int length, string alphabet = Alnum)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public static string GitHub(char type, int seed = 1) => "gh" + type + "_" + Body(seed, 36);

    public static string GitHubFineGrained => "github" + "_pat_" + Body(2, 22) + "_" + Body(3, 59);

    public static string AwsAccessKeyId => "AK" + "IA" + Body(4, 16, UpperDigits);

    public static string AwsTemporaryKeyId => "AS" + "IA" + Body(5, 16, UpperDigits);

    public static string SlackBot => "xo" + "xb-" + "7" + Body(6, 11, Digits) + "-" + "4" + Body(7, 12, Digits) + "-" + Body(8, 24);

    public static string Stripe(string type) => type + "_li" + "ve_" + Body(9, 24);

    public static string GoogleApiKey => "AI" + "za" + "Sy" + Body(10, 33, Base64Url);

    public static string AzureAccountKey => Convert.ToBase64String(Bytes(11, 64));

    public static string AzureStorageConnectionString =>
        "DefaultEndpointsProtocol=https;AccountName=certkitintegration;Account" + "Key=" + AzureAccountKey + ";EndpointSuffix=core.windows.net";

    public static string ServiceBusKey => Convert.ToBase64String(Bytes(12, 32));

    public static string SendGrid => "S" + "G." + Body(13, 22, Base64Url) + "." + Body(14, 43, Base64Url);

    public static string Guid(int seed) => new Guid(Bytes(seed, 16)).ToString();

    public static string PrivateKeyPem(string label = "RSA PRIVATE KEY", string newline = "\n")
    {
        var body = Convert.ToBase64String(Bytes(15, 600));
        var builder = new StringBuilder("-----BEGIN " + label + "-----" + newline);
        for (var i = 0; i < body.Length; i += 64)
        {
            builder.Append(body, i, Math.Min(64, body.Length - i)).Append(newline);
        }

        return builder.Append("-----END " + label + "-----").ToString();
    }

    /// <summary>A JWT signed with <paramref name="alg"/> (the signature is random bytes: nothing verifies it).</summary>
    public static string Jwt(string alg = "HS256", int seed = 16) =>
        Base64UrlEncode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "."
        + Base64UrlEncode("{\"sub\":\"certkit-synthetic\",\"iss\":\"https://secure.na1.adobesign.com\",\"iat\":1700000000}") + "."
        + Body(seed, 43, Base64Url);

    public static string Base64UrlEncode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Bytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
