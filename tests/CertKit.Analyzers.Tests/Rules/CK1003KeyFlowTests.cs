using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Rules;

using Verify = AnalyzerVerifier<CK1003HardcodedSecretContentAnalyzer>;

/// <summary>
/// CK1003 by flow: a string, UTF-8 or byte-array literal that reaches a cryptographic key or IV (SymmetricAlgorithm.Key/IV,
/// CreateEncryptor/CreateDecryptor, HMAC keys, AesGcm) is reported at the literal, with the sink as the additional location.
/// Keys read from configuration, a vault or generated at run time are clean. Every key here is fake.
/// </summary>
public class CK1003KeyFlowTests
{
    private static string Cipher(string members) => CK1002CredentialFlowTests.Usings + $$"""
        namespace Partner.Integration
        {
            public class PayloadCipher
            {
                private readonly IConfiguration _configuration;

                public PayloadCipher(IConfiguration configuration) => _configuration = configuration;

        {{members}}
            }
        }
        """;

    public static TheoryData<string, string> Flagged() => new()
    {
        {
            """        public Aes Create() { var data = {|#0:"k3y-F0r-Payl0ads"|}; var aes = Aes.Create(); {|#1:aes.Key = Encoding.UTF8.GetBytes(data)|}; return aes; }""",
            "SymmetricAlgorithm.Key"
        },
        {
            """        public Aes Create() { var aes = Aes.Create(); {|#1:aes.IV = {|#0:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|}|}; return aes; }""",
            "SymmetricAlgorithm.IV"
        },
        {
            """        public ICryptoTransform Encryptor(byte[] iv) { var data = {|#0:"k3y-F0r-Payl0ads"|}; using var aes = Aes.Create(); return aes.CreateEncryptor({|#1:Encoding.UTF8.GetBytes(data)|}, iv); }""",
            "the 'rgbKey' parameter of SymmetricAlgorithm.CreateEncryptor"
        },
        {
            """        public ICryptoTransform Decryptor(byte[] key) { var iv = {|#0:"0123456789abcdef"u8|}.ToArray(); using var aes = Aes.Create(); return aes.CreateDecryptor(key, {|#1:iv|}); }""",
            "the 'rgbIV' parameter of SymmetricAlgorithm.CreateDecryptor"
        },
        {
            """        public byte[] Sign(byte[] payload) { using var hmac = new HMACSHA256({|#1:Convert.FromBase64String({|#0:"c2lnbmluZy1rZXktZm9yLXdlYmhvb2tz"|})|}); return hmac.ComputeHash(payload); }""",
            "the 'key' parameter of HMACSHA256"
        },
        {
            """        public byte[] Sign(byte[] payload) { using var hmac = new HMACSHA256(); {|#1:hmac.Key = Encoding.ASCII.GetBytes({|#0:"webhook-signing"|})|}; return hmac.ComputeHash(payload); }""",
            "HMACSHA256.Key"
        },
        // across methods and fields
        {
            """        private static readonly byte[] KeyBytes = {|#0:new byte[] { 0x21, 0x4a, 0x7f, 0x10, 0x33, 0x5c, 0x6d, 0x0e }|};  public ICryptoTransform Encryptor(byte[] iv) { using var aes = Aes.Create(); return aes.CreateEncryptor({|#1:KeyBytes|}, iv); }""",
            "the 'rgbKey' parameter of SymmetricAlgorithm.CreateEncryptor"
        },
        {
            """        private static string KeyText() => {|#0:"k3y-F0r-Payl0ads"|};  public void Run() => Encrypt(Encoding.UTF8.GetBytes(KeyText()));  private static ICryptoTransform Encrypt(byte[] data) { using var aes = Aes.Create(); return aes.CreateEncryptor({|#1:data|}, new byte[16]); }""",
            "the 'rgbKey' parameter of SymmetricAlgorithm.CreateEncryptor (through the 'data' parameter of PayloadCipher.Encrypt)"
        },
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public Task Literal_reaching_a_key_is_reported_at_the_literal(string members, string sink) =>
        Verify.VerifyAsync(Cipher(members), Flow(sink));

    public static TheoryData<string> Clean() => new()
    {
        """        public Aes Create() { var aes = Aes.Create(); aes.Key = Convert.FromBase64String(_configuration["Payload:Key"]!); return aes; }""",
        """        public Aes Create() { var aes = Aes.Create(); aes.IV = RandomNumberGenerator.GetBytes(16); return aes; }""",
        """        public ICryptoTransform Encryptor(byte[] iv) { var data = Environment.GetEnvironmentVariable("PAYLOAD_KEY")!; using var aes = Aes.Create(); return aes.CreateEncryptor(Encoding.UTF8.GetBytes(data), iv); }""",
        """        public ICryptoTransform Decryptor() { using var aes = Aes.Create(); aes.GenerateKey(); aes.GenerateIV(); return aes.CreateDecryptor(aes.Key, aes.IV); }""",
        """        public byte[] Sign(byte[] payload) { using var hmac = new HMACSHA256(Convert.FromBase64String(_configuration["Webhook:SigningKey"]!)); return hmac.ComputeHash(payload); }""",
        """        private byte[] KeyBytes() => Convert.FromBase64String(_configuration["Payload:Key"]!);  public void Run() => Encrypt(KeyBytes());  private static ICryptoTransform Encrypt(byte[] data) { using var aes = Aes.Create(); return aes.CreateEncryptor(data, new byte[16]); }""",
        // a dictionary's key, a cache key: not cryptography
        """        public System.Collections.Generic.Dictionary<string, string> Map() => new() { { "k3y-F0r-Payl0ads", "value" } };""",
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public Task Key_from_configuration_or_generated_is_clean(string members) =>
        Verify.VerifyAsync(Cipher(members));

    [Fact]
    public async Task Key_literal_in_one_file_reaching_a_cipher_in_another_is_reported()
    {
        var test = Verify.CreateTest(Cipher("""        public ICryptoTransform Encryptor(byte[] iv) { using var aes = Aes.Create(); return aes.CreateEncryptor({|#1:KeyMaterial.Bytes|}, iv); }"""), editorConfig: null);
        test.TestState.Sources.Add(("/0/KeyMaterial.cs", """
            namespace Partner.Integration
            {
                internal static class KeyMaterial
                {
                    public static byte[] Bytes => System.Text.Encoding.UTF8.GetBytes({|#0:"k3y-F0r-Payl0ads"|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Flow("the 'rgbKey' parameter of SymmetricAlgorithm.CreateEncryptor"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Test_keys_reaching_a_cipher_in_a_test_file_are_test_data()
    {
        // stripe-dotnet's EventUtilityTest: "correct_secret", "whsec_test_secret" given to HMACSHA256 through the SDK.
        var test = Verify.CreateTest(Cipher("""        public static byte[] Sign(string secret, byte[] payload) { using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret)); return hmac.ComputeHash(payload); }"""), editorConfig: null);
        test.TestState.Sources.Add(("/0/tests/Partner.Tests/SignatureTests.cs", """
            namespace Partner.Tests
            {
                public class SignatureTests
                {
                    public static readonly string WebhookSecret = "whsec_test_secret";

                    public void Valid() => Partner.Integration.PayloadCipher.Sign("correct_secret", new byte[] { 1 });

                    public void Configured() => Partner.Integration.PayloadCipher.Sign(WebhookSecret, new byte[] { 1 });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_same_key_reaching_a_cipher_from_application_code_is_reported()
    {
        var test = Verify.CreateTest(Cipher("""        public static byte[] Sign(string secret, byte[] payload) { using var hmac = new HMACSHA256({|#1:Encoding.UTF8.GetBytes(secret)|}); return hmac.ComputeHash(payload); }"""), editorConfig: null);
        test.TestState.Sources.Add(("/0/Startup.cs", """
            namespace Partner.Integration
            {
                public class Startup
                {
                    public void Valid() => PayloadCipher.Sign({|#0:"correct_secret"|}, new byte[] { 1 });
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Flow("the 'key' parameter of HMACSHA256 (through the 'secret' parameter of PayloadCipher.Sign)"));
        await test.RunAsync();
    }

    [Fact]
    public Task Live_token_as_a_case_label_is_reported() =>
        Verify.VerifyAsync(Cipher("""
                    public bool IsLive(string apiKey)
                    {
                        switch (apiKey)
                        {
                            case {|CK1003:"sk_live_9fQ2xW7mLk3ZpR8vT4nY6bHc"|}:
                                return true;
                            default:
                                return false;
                        }
                    }

                    public bool IsLiveArm(string apiKey) => apiKey switch
                    {
                        {|CK1003:"sk_live_4eR7tY1uI0oP3aS6dF9gH2jK"|} => true,
                        _ => false,
                    };
            """));

    private static DiagnosticResult Flow(string sink) =>
        new DiagnosticResult(Descriptors.HardcodedKeyFlow).WithLocation(0).WithLocation(1).WithArguments(sink);
}
