using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Detection;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK1003HardcodedSecretContentAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

/// <summary>
/// CK1003 on Venafi TLS Protect Cloud, commercetools and Adobe Sign client code. Tokens are composed at run time
/// (see <see cref="FakeSecrets"/>) and interpolated into the analysed source, so no token sits whole in this file.
/// </summary>
public class CK1003HardcodedSecretContentTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        """;

    // Random values in the shapes the three vendors issue: commercetools and Adobe Sign secrets, a Venafi API key (a GUID).
    private static readonly string CommercetoolsSecret = FakeSecrets.Body(101, 32, FakeSecrets.Base64Url);
    private static readonly string AdobeClientSecret = FakeSecrets.Body(102, 32);
    private static readonly string AdobeRefreshToken = "3AAABLblqZhB" + FakeSecrets.Body(103, 60, FakeSecrets.Base64Url);
    private static readonly string VenafiApiKey = FakeSecrets.Guid(104);
    private static readonly string ServicePassword = FakeSecrets.Body(105, 24, FakeSecrets.Alnum + "!#%&*+-./:=?@^_~");

    public static TheoryData<string, string, string> Flagged()
    {
        var data = new TheoryData<string, string, string>();

        // Venafi TLS Protect Cloud
        data.Add("Venafi API key (a GUID) in a constant", $$"""
            public static class VenafiDefaults
            {
                public const string ApiKey = {|#0:"{{VenafiApiKey}}"|};
            }
            """, Entropy.HighEntropySecret);
        data.Add("Venafi API key in the tppl-api-key header", $$"""
            public sealed class VenafiClient
            {
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.venafi.cloud") };

                public VenafiClient() => _http.DefaultRequestHeaders.Add("tppl-api-key", {|#0:"{{VenafiApiKey}}"|});
            }
            """, Entropy.HighEntropySecret);
        data.Add("Venafi API key on one request, TryAddWithoutValidation", $$"""
            public sealed class VenafiCertificates
            {
                public HttpRequestMessage List()
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, "https://api.venafi.cloud/outagedetection/v1/certificates");
                    request.Headers.TryAddWithoutValidation("tppl-api-key", {|#0:"{{VenafiApiKey}}"|});
                    return request;
                }
            }
            """, Entropy.HighEntropySecret);
        data.Add("GitHub personal access token for the release feed", $$"""
            public static class ReleaseFeed
            {
                private const string GitHubToken = {|#0:"{{FakeSecrets.GitHub('p')}}"|};
            }
            """, SecretPatterns.GitHubPersonalAccessToken);
        data.Add("GitHub OAuth token in a local", $$"""
            public static class Repos
            {
                public static void Clone()
                {
                    var oauth = {|#0:"{{FakeSecrets.GitHub('o')}}"|};
                    _ = oauth;
                }
            }
            """, SecretPatterns.GitHubOAuthToken);
        data.Add("GitHub server-to-server token inside an interpolated clone URL", $$"""
            public static class Mirror
            {
                public static string CloneUrl(string repo) => $"https://x-access-token:{|#0:{{FakeSecrets.GitHub('s')}}|}@github.com/{repo}.git";
            }
            """, SecretPatterns.GitHubServerToServerToken);
        data.Add("GitHub refresh token in an object initialiser", $$"""
            public sealed class GitHubSession { public string Value { get; set; } = ""; }
            public static class Sessions
            {
                public static GitHubSession Create() => new GitHubSession { Value = {|#0:"{{FakeSecrets.GitHub('r')}}"|} };
            }
            """, SecretPatterns.GitHubRefreshToken);
        data.Add("GitHub fine-grained token in a raw string literal", $$""""
            public static class Ci
            {
                public const string Token = {|#0:"""{{FakeSecrets.GitHubFineGrained}}"""|};
            }
            """", SecretPatterns.GitHubFineGrainedToken);
        data.Add("GitHub user-to-server token in a verbatim string", $$"""
            public static class App
            {
                public static readonly string UserToken = {|#0:@"{{FakeSecrets.GitHub('u')}}"|};
            }
            """, SecretPatterns.GitHubUserToServerToken);

        // commercetools client credentials
        data.Add("commercetools client secret in an options initialiser", $$"""
            public sealed class CommercetoolsOptions { public string ClientId { get; set; } = ""; public string ClientSecret { get; set; } = ""; }
            public static class Setup
            {
                public static CommercetoolsOptions Options() => new CommercetoolsOptions { ClientId = "certkit-connector", ClientSecret = {|#0:"{{CommercetoolsSecret}}"|} };
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret in a KeyValuePair form field", $$"""
            public static class TokenRequest
            {
                public static FormUrlEncodedContent Body() => new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "client_credentials"),
                    new KeyValuePair<string, string>("client_secret", {|#0:"{{CommercetoolsSecret}}"|}),
                });
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret through a dictionary indexer", $$"""
            public static class TokenForm
            {
                public static Dictionary<string, string> Fields()
                {
                    var form = new Dictionary<string, string>();
                    form["client_secret"] = {|#0:"{{CommercetoolsSecret}}"|};
                    return form;
                }
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret in a collection initialiser", $$"""
            public static class TokenFields
            {
                public static readonly Dictionary<string, string> Fields = new() { { "client_id", "certkit-connector" }, { "client_secret", {|#0:"{{CommercetoolsSecret}}"|} } };
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret in an anonymous object", $$"""
            public static class Payload
            {
                public static object Create() => new { client_id = "certkit-connector", client_secret = {|#0:"{{CommercetoolsSecret}}"|} };
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret as a named argument", $$"""
            public static class Auth
            {
                public static Task<string> RequestToken(string clientId, string clientSecret) => Task.FromResult(clientId + clientSecret);
                public static Task<string> Run() => RequestToken(clientId: "certkit-connector", clientSecret: {|#0:"{{CommercetoolsSecret}}"|});
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret as a positional argument", $$"""
            public static class Auth
            {
                public static Task<string> RequestToken(string clientId, string clientSecret) => Task.FromResult(clientId + clientSecret);
                public static Task<string> Run() => RequestToken("certkit-connector", {|#0:"{{CommercetoolsSecret}}"|});
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret returned from a getter", $$"""
            public sealed class Settings
            {
                public string ClientSecret { get { return {|#0:"{{CommercetoolsSecret}}"|}; } }
            }
            """, Entropy.HighEntropySecret);
        data.Add("commercetools client secret as an expression-bodied property", $$"""
            public sealed class Settings
            {
                public string ClientSecret => {|#0:"{{CommercetoolsSecret}}"|};
            }
            """, Entropy.HighEntropySecret);

        // Adobe Sign REST v6, OAuth
        data.Add("Adobe Sign access token (a JWT) in a Bearer header value", $$"""
            public static class AdobeSign
            {
                public static void Authorize(HttpClient http) =>
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#0:"{{FakeSecrets.Jwt()}}"|});
            }
            """, SecretPatterns.SignedJwt);
        data.Add("Adobe Sign JWT inside a header literal: reported on the token", $$"""
            public static class AdobeSign
            {
                public const string Authorization = "Bearer {|#0:{{FakeSecrets.Jwt("RS256")}}|}";
            }
            """, SecretPatterns.SignedJwt);
        data.Add("Adobe Sign refresh token in a static field", $$"""
            public static class AdobeSignTokens
            {
                private static readonly string RefreshToken = {|#0:"{{AdobeRefreshToken}}"|};
            }
            """, Entropy.HighEntropySecret);
        data.Add("Adobe Sign client secret compared with ==", $$"""
            public static class Callback
            {
                public static bool IsOurs(string clientSecret) => clientSecret == {|#0:"{{AdobeClientSecret}}"|};
            }
            """, Entropy.HighEntropySecret);
        data.Add("service account password in NetworkCredential", $$"""
            public static class Proxy
            {
                public static ICredentials Credentials() => new NetworkCredential("svc-adobe-sign", {|#0:"{{ServicePassword}}"|});
            }
            """, Entropy.HighEntropySecret);

        // Cloud and SaaS tokens the integrations talk to
        data.Add("AWS access key id as a UTF-8 literal", $$"""
            public static class Storage
            {
                public static ReadOnlySpan<byte> KeyId => {|#0:"{{FakeSecrets.AwsAccessKeyId}}"u8|};
            }
            """, SecretPatterns.AwsAccessKeyId);
        data.Add("AWS temporary key id", $$"""
            public static class Sts
            {
                public const string SessionKeyId = {|#0:"{{FakeSecrets.AwsTemporaryKeyId}}"|};
            }
            """, SecretPatterns.AwsTemporaryAccessKeyId);
        data.Add("Slack bot token passed to a notifier", $$"""
            public static class Notify
            {
                public static void Send(string channel, string bearer) { }
                public static void Renewed() => Send("#cert-renewals", {|#0:"{{FakeSecrets.SlackBot}}"|});
            }
            """, SecretPatterns.SlackToken);
        data.Add("Stripe live secret key", $$"""
            public sealed class Billing
            {
                private readonly string _key = {|#0:"{{FakeSecrets.Stripe("sk")}}"|};
            }
            """, SecretPatterns.StripeSecretKey);
        data.Add("Stripe live restricted key in a switch case", $$"""
            public static class Keys
            {
                public static int Kind(string value) => value switch { {|#0:"{{FakeSecrets.Stripe("rk")}}"|} => 1, _ => 0 };
            }
            """, SecretPatterns.StripeRestrictedKey);
        data.Add("Stripe live publishable key", $$"""
            public static class Checkout
            {
                public const string Publishable = {|#0:"{{FakeSecrets.Stripe("pk")}}"|};
            }
            """, SecretPatterns.StripePublishableKey);
        data.Add("Google API key in a query string: reported on the key", $$"""
            public static class Geo
            {
                public const string Geocode = "https://maps.googleapis.com/maps/api/geocode/json?key={|#0:{{FakeSecrets.GoogleApiKey}}|}&address=";
            }
            """, SecretPatterns.GoogleApiKey);
        data.Add("Azure storage connection string: reported on the account key", $$"""
            public static class Archive
            {
                public const string ConnectionString = "DefaultEndpointsProtocol=https;AccountName=certkitarchive;AccountKey={|#0:{{FakeSecrets.AzureAccountKey}}|};EndpointSuffix=core.windows.net";
            }
            """, SecretPatterns.AzureStorageAccountKey);
        data.Add("Azure connection string in a verbatim literal: reported on the key", $$"""
            public static class Archive
            {
                public const string ConnectionString = @"AccountName=certkitarchive;AccountKey={|#0:{{FakeSecrets.AzureAccountKey}}|};EndpointSuffix=core.windows.net";
            }
            """, SecretPatterns.AzureStorageAccountKey);
        data.Add("Slack token in a single-line raw literal: reported on the token", $$""""
            public static class Notify
            {
                public const string Payload = """{"token":"{|#0:{{FakeSecrets.SlackBot}}|}","channel":"#certs"}""";
            }
            """", SecretPatterns.SlackToken);
        data.Add("Google API key in a UTF-8 literal: reported on the key", $$"""
            public static class Geo
            {
                public static ReadOnlySpan<byte> Query => "key={|#0:{{FakeSecrets.GoogleApiKey}}|}"u8;
            }
            """, SecretPatterns.GoogleApiKey);
        data.Add("escaped literal: reported on the whole literal", $$"""
            public static class Archive
            {
                public const string ConnectionString = {|#0:"AccountName=\"certkit\";AccountKey={{FakeSecrets.AzureAccountKey}}"|};
            }
            """, SecretPatterns.AzureStorageAccountKey);
        data.Add("Service Bus connection string: reported on the shared access key", $$"""
            public static class Events
            {
                public const string Bus = "Endpoint=sb://certkit.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={|#0:{{FakeSecrets.ServiceBusKey}}|}";
            }
            """, SecretPatterns.AzureSharedAccessKey);
        data.Add("SendGrid key for renewal mail", $$"""
            public static class Mail
            {
                public static readonly string Key = {|#0:"{{FakeSecrets.SendGrid}}"|};
            }
            """, SecretPatterns.SendGridApiKey);
        data.Add("private key in a verbatim multi-line literal", $$"""
            public static class Signing
            {
                public const string Pem = {|#0:@"{{FakeSecrets.PrivateKeyPem()}}"|};
            }
            """, SecretPatterns.PrivateKey);
        data.Add("private key with escaped newlines: reported on the literal", $$"""
            public static class Signing
            {
                public const string Pem = {|#0:"{{FakeSecrets.PrivateKeyPem("PRIVATE KEY", "\\n")}}"|};
            }
            """, SecretPatterns.PrivateKey);
        data.Add("private key in a multi-line raw literal", $$""""
            public static class Signing
            {
                public const string Pem = {|#0:"""
                    {{FakeSecrets.PrivateKeyPem("EC PRIVATE KEY", "\n        ")}}
                    """|};
            }
            """", SecretPatterns.PrivateKey);
        data.Add("private key written one line per literal: reported on the concatenation", $$"""
            public static class Signing
            {
                public const string Pem = {|#0:{{PemAsConcatenation()}}|};
            }
            """, SecretPatterns.PrivateKey);
        data.Add("token split in two literals: reported on the concatenation", $$"""
            public static class Split
            {
                public const string Token = {|#0:"{{FakeSecrets.GitHub('p').Substring(0, 12)}}" + "{{FakeSecrets.GitHub('p').Substring(12)}}"|};
            }
            """, SecretPatterns.GitHubPersonalAccessToken);
        data.Add("client secret literal next to a variable: entropy judged on the literal", $$"""
            public static class Secrets
            {
                public static string ClientSecret(string region) => region + {|#0:"{{CommercetoolsSecret}}"|};
            }
            """, Entropy.HighEntropySecret);
        data.Add("client secret split in parenthesised literals: reported on the concatenation", $$"""
            public static class Secrets
            {
                public const string ClientSecret = {|#0:"{{CommercetoolsSecret.Substring(0, 10)}}" + ("{{CommercetoolsSecret.Substring(10, 10)}}" + "{{CommercetoolsSecret.Substring(20)}}")|};
            }
            """, Entropy.HighEntropySecret);
        data.Add("token literal next to a variable in a concatenation", $$"""
            public static class Header
            {
                public static string Value(string prefix) => prefix + {|#0:"{{FakeSecrets.GitHub('p')}}"|};
            }
            """, SecretPatterns.GitHubPersonalAccessToken);
        return data;
    }

    [Theory]
    [MemberData(nameof(Flagged))]
    public async Task Flagged_cases(string description, string code, string kind)
    {
        Assert.False(string.IsNullOrEmpty(description));
        await Verify.VerifyAsync(Usings + code, new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(kind));
    }

    public static TheoryData<string, string> NotFlagged()
    {
        var blob = Convert.ToBase64String(FakeSecrets.Bytes(110, 240));
        var sha256 = Convert.ToHexString(FakeSecrets.Bytes(111, 32)).ToLowerInvariant();
        var thumbprint = Convert.ToHexString(FakeSecrets.Bytes(112, 20));
        var data = new TheoryData<string, string>();
        data.Add("Venafi tenant id: a GUID used as an identifier", $$"""
            public static class Venafi { public const string TenantId = "{{FakeSecrets.Guid(120)}}"; }
            """);
        data.Add("Venafi application id passed to new Guid", $$"""
            public static class Venafi { public static readonly Guid ApplicationId = new Guid("{{FakeSecrets.Guid(121)}}"); }
            """);
        data.Add("GUID in an attribute", $$"""
            [System.Runtime.InteropServices.Guid("{{FakeSecrets.Guid(122)}}")]
            public sealed class ComVisibleClient { }
            """);
        data.Add("Venafi issuing template id", $$"""
            public sealed class Request { public string CertificateIssuingTemplateId { get; set; } = "{{FakeSecrets.Guid(123)}}"; }
            """);
        data.Add("SHA-256 of the connector package", $$"""
            public static class Package { public const string ExpectedSha256 = "{{sha256}}"; }
            """);
        data.Add("hex digest whose name says digest", $$"""
            public static class Verify { public const string ClientSecretSha256 = "{{sha256}}"; }
            """);
        data.Add("certificate thumbprint", $$"""
            public static class Pinning { public const string VenafiCertificateThumbprint = "{{thumbprint}}"; }
            """);
        data.Add("logo as a data URI", $$"""
            public static class Branding { public const string LogoDataUri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{{blob}}"; }
            """);
        data.Add("base64 PNG under a credential-looking name", $$"""
            public static class Branding { public const string AuthLogoPng = "iVBORw0KGgoAAAANSUhEUgAA{{blob}}"; }
            """);
        data.Add("random base64 blob in a non-credential context", $$"""
            public static class Templates { public const string AgreementTemplate = "{{blob}}"; }
            """);
        data.Add("public key PEM for webhook signature checks", $$"""
            public static class AdobeWebhooks { public const string SigningPublicKey = "{{FakeSecrets.PrivateKeyPem("PUBLIC KEY", "\\n")}}"; }
            """);
        data.Add("Venafi root CA certificate", $$"""
            public static class Trust { public const string VenafiRootCa = @"{{FakeSecrets.PrivateKeyPem("CERTIFICATE")}}"; }
            """);
        data.Add("ssh public key under a credential name", $$"""
            public static class Deploy { public const string SigningKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{{Convert.ToBase64String(FakeSecrets.Bytes(113, 32))}} ci@certkit"; }
            """);
        data.Add("DER public key under a credential name", $$"""
            public static class Jwks { public const string SigningKey = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA{{blob}}"; }
            """);
        data.Add("AWS documentation example key id", """
            public static class AwsSample { public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE"; }
            """);
        data.Add("AWS documentation example secret", """
            public static class AwsSample { public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"; }
            """);
        data.Add("GitHub token fixture marked fake", """
            public static class Fixtures { public const string GitHubToken = "ghp_FakeTokenForCertKitUnitTests00000001"; }
            """);
        data.Add("client secret marked dummy", """
            public static class LocalDev { public const string ClientSecret = "dummy-client-secret-for-local-dev"; }
            """);
        data.Add("API key marked test", $$"""
            public static class LocalDev { public const string ApiKey = "test_{{FakeSecrets.Body(114, 28)}}"; }
            """);
        data.Add("typed GitHub placeholder", """
            public static class Docs { public const string GitHubToken = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; }
            """);
        data.Add("template variable", """
            public static class Deploy { public const string ClientSecret = "${COMMERCETOOLS_CLIENT_SECRET}"; }
            """);
        data.Add("words, not a generated secret", """
            public static class Naming { public const string ClientSecret = "my-commercetools-client-secret"; }
            """);
        data.Add("sequential hex under a secret name", """
            public static class Naming { public const string ClientSecret = "0123456789abcdef0123456789abcdef"; }
            """);
        data.Add("value read from configuration", """
            public sealed class Options
            {
                public Options(IConfiguration configuration) => ClientSecret = configuration["Commercetools:ClientSecret"] ?? "";
                public string ClientSecret { get; }
            }
            """);
        data.Add("value read from the environment", """
            public static class Env { public static string? RefreshToken() => Environment.GetEnvironmentVariable("ADOBE_SIGN_REFRESH_TOKEN_FOR_CERTKIT"); }
            """);
        data.Add("PEM header constant of a key parser", """
            public static class PemReader { public const string PrivateKeyHeader = "-----BEGIN RSA PRIVATE KEY-----"; }
            """);
        data.Add("unsigned JWT (alg none)", $$"""
            public static class Jwt { public const string Anonymous = "{{FakeSecrets.Jwt("none")}}"; }
            """);
        data.Add("jwt.io sample token", """
            public static class Jwt { public const string Sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"; }
            """);
        data.Add("Azurite development storage", """
            public static class LocalStorage { public const string ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"; }
            """);
        data.Add("Stripe test-mode key", $$"""
            public static class Billing { public const string SecretKey = "sk_test_{{FakeSecrets.Body(115, 24)}}"; }
            """);
        data.Add("random value with an identifier name", $$"""
            public static class Tracing { public const string CorrelationId = "{{FakeSecrets.Body(116, 32)}}"; }
            """);
        data.Add("random value under a name about a credential", $$"""
            public static class Cache { public const string RefreshTokenCacheKey = "{{FakeSecrets.Body(117, 32)}}"; }
            """);
        data.Add("secret-scanner pattern", """
            public static class Scanner { public static readonly System.Text.RegularExpressions.Regex GitHub = new("ghp_[A-Za-z0-9]{36}"); }
            """);
        data.Add("short password (CK1002's, not CK1003's)", """
            public static class Db { public const string Password = "S3cr3t!Pw"; }
            """);
        data.Add("random agreement id passed next to a CancellationToken token", $$"""
            public static class Agreements
            {
                public static Task Send(string agreementId, System.Threading.CancellationToken token) => Task.CompletedTask;
                public static Task Run() => Send("{{FakeSecrets.Body(118, 32)}}", default);
            }
            """);
        return data;
    }

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public async Task Not_flagged_cases(string description, string code)
    {
        Assert.False(string.IsNullOrEmpty(description));
        await Verify.VerifyAsync(Usings + code);
    }

    [Fact]
    public async Task One_diagnostic_per_literal_even_with_two_tokens()
    {
        var code = Usings + $$"""
            public static class Both
            {
                public const string Pair = {|#0:"{{FakeSecrets.GitHub('p')}}\n{{FakeSecrets.AwsAccessKeyId}}"|};
            }
            """;

        await Verify.VerifyAsync(code, new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(SecretPatterns.GitHubPersonalAccessToken));
    }

    [Fact]
    public async Task A_generated_chain_of_thousands_of_operands_is_walked_without_recursion()
    {
        var operands = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => i == 2500 ? "{|#0:\"" + FakeSecrets.GitHub('p') + "\"|}" : "\"line " + i + "\\n\""));
        var code = Usings + "public static class Generated { public static readonly string Text = " + operands + "; }";

        await Verify.VerifyAsync(code, new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(SecretPatterns.GitHubPersonalAccessToken));
    }

    [Fact]
    public async Task A_token_left_in_a_comment_is_found_at_the_token()
    {
        var token = FakeSecrets.GitHub('p');
        var code = Usings + "public static class Client\n{\n" +
            "    // var token = \"{|#0:" + token + "|}\"; // the old one, do not use\n" +
            "    /* a key for later: {|#1:" + FakeSecrets.AwsAccessKeyId + "|} */\n" +
            "    /// <example>new Client(\"{|#2:" + token + "|}\")</example>\n" +
            "    public static string Name => \"client\"; // a plain comment with no secret, long enough to be read\n" +
            "}\n";

        await Verify.VerifyAsync(
            code,
            new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(SecretPatterns.GitHubPersonalAccessToken),
            new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(1).WithArguments(SecretPatterns.AwsAccessKeyId),
            new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(2).WithArguments(SecretPatterns.GitHubPersonalAccessToken));
    }

    [Fact]
    public async Task A_token_in_a_comment_after_a_string_that_holds_a_comment_opener_is_found()
    {
        // A comment opener inside a string must not hide the real comment that follows it, on its line or below (a search
        // of comments narrowed by the openers' text was tried and measured; this pins what any such narrowing must keep).
        var token = FakeSecrets.GitHub('p');
        var code = Usings + "public static class Paths\n{\n" +
            "    public const string Glob = \"/*\"; // {|#0:" + token + "|}\n" +
            "    public const string Root = \"//\"; /* {|#1:" + FakeSecrets.AwsAccessKeyId + "|}\n" +
            "       still the comment */ public const string Any = \"*/\";\n" +
            "    public const string Plain = \"" + token.Substring(0, 4) + "\";\n" +
            "}\n";

        await Verify.VerifyAsync(
            code,
            new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(SecretPatterns.GitHubPersonalAccessToken),
            new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(1).WithArguments(SecretPatterns.AwsAccessKeyId));
    }

    [Fact]
    public async Task The_message_names_the_kind()
    {
        var code = Usings + $$"""
            public static class Tokens { public const string Ci = {|#0:"{{FakeSecrets.GitHub('p')}}"|}; }
            """;

        await Verify.VerifyAsync(code, new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithMessage(
            "This value looks like a GitHub personal access token; remove it from source and rotate it"));
    }

    [Fact]
    public async Task A_higher_entropy_threshold_silences_entropy_findings_but_not_formats()
    {
        var code = Usings + $$"""
            public sealed class Settings
            {
                public string ClientSecret => "{{CommercetoolsSecret}}";
                public string Token => {|#0:"{{FakeSecrets.GitHub('p')}}"|};
            }
            """;

        await Verify.VerifyAsync(code, "certkit.entropy_threshold = 6.5", new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(SecretPatterns.GitHubPersonalAccessToken));
    }

    [Fact]
    public async Task A_lower_entropy_threshold_flags_typed_secrets()
    {
        var code = Usings + """
            public sealed class Settings
            {
                public string ClientSecret => {|#0:"Adobe-Sign-Integration-Secret-2024"|};
            }
            """;

        await Verify.VerifyAsync(code.Replace("{|#0:", "").Replace("|}", ""));
        await Verify.VerifyAsync(code, "certkit.entropy_threshold = 3.0", new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(Entropy.HighEntropySecret));
    }

    [Fact]
    public async Task Extra_credential_keywords_make_a_context()
    {
        var value = FakeSecrets.Body(130, 32);
        var code = Usings + $$"""
            public static class Licensing { public const string LicenseCode = {|#0:"{{value}}"|}; }
            """;

        await Verify.VerifyAsync(code.Replace("{|#0:", "").Replace("|}", ""));
        await Verify.VerifyAsync(code, "certkit.credential_keywords = license", new DiagnosticResult(Descriptors.HardcodedSecretContent).WithLocation(0).WithArguments(Entropy.HighEntropySecret));
    }

    [Fact]
    public async Task A_real_token_in_a_test_project_is_still_a_leak()
    {
        // Content-based detection runs on test projects by default: a committed token is leaked wherever it sits.
        var code = Usings + $$"""
            public static class Tokens { public const string Ci = {|CK1003:"{{FakeSecrets.GitHub('p')}}"|}; }
            """;
        var test = AnalyzerVerifier<CK1003HardcodedSecretContentAnalyzer>.CreateTest(code, editorConfig: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_test_project_that_opts_out_is_not_analysed()
    {
        var code = Usings + $$"""
            public static class Tokens { public const string Ci = "{{FakeSecrets.GitHub('p')}}"; }
            """;
        var test = AnalyzerVerifier<CK1003HardcodedSecretContentAnalyzer>.CreateTest(code, editorConfig: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\ncertkit.analyze_test_projects = false\n"));
        await test.RunAsync();
    }

    public static TheoryData<int, string> BrokenCode() => new()
    {
        // Half-typed code: compiler errors everywhere; CK1003 must still not throw, and still report what it can.
        { 0, Usings + "public static class A { const string Token = {|CK1003:\"" + FakeSecrets.GitHub('p') + "\"|} }" },
        { 1, Usings + "public static class A { void M(HttpClient h) { h.DefaultRequestHeaders.Add(\"tppl-api-key\", " },
        { 2, Usings + "public static class A { void M(HttpClient h) { h.DefaultRequestHeaders.Add(, \"" + VenafiApiKey + "\"); } }" }, // no header name, no overload: no context
        { 3, Usings + "public static class A { object M() => new { client_secret = {|CK1003:\"" + CommercetoolsSecret + "\"|}, " },
        { 4, Usings + "public static class A { string M() => RequestToken(clientSecret: {|CK1003:\"" + CommercetoolsSecret + "\"|} }" },
        { 5, Usings + "public static class A { string M() => Unknown(\"x\", {|CK1003:\"" + FakeSecrets.AwsAccessKeyId + "\"|}); }" },
        { 6, Usings + "public static class A { string M() => \"" + FakeSecrets.Body(131, 40) + "\" + ; }" },
        { 7, Usings + "public static class A { string M() => $\"Bearer {|CK1003:" + FakeSecrets.Jwt() + "|} {" },
        { 8, Usings + "public static class A { const string Key = \"\"\"" },
        { 9, Usings + "public static class A { string ClientSecret => " },
        { 10, Usings + "public static class A { string ClientSecret { get { return {|CK1003:\"" + CommercetoolsSecret + "\"|} } }" },
        { 11, Usings + "public static class A { void M() { var x = (string)(\"" + FakeSecrets.Body(132, 20) + "\" + (\"\"" },
        { 12, Usings + "class { [Guid(\"" + FakeSecrets.Guid(133) + "\")] " },
        { 13, Usings + "public static class A { const string Token = {|CK1003:\"" + FakeSecrets.GitHub('p') + "|}\n}" },
        { 14, Usings + "public static class A { string M() => $@\"{x}{|CK1003:" + FakeSecrets.GitHub('p') + "|}" },
        { 15, Usings + "public static class A { static readonly string ClientSecret = {|CK1003:\"" + CommercetoolsSecret + "\"|} + }" },
    };

    [Theory]
    [MemberData(nameof(BrokenCode))]
    public async Task Broken_code_does_not_throw(int number, string code)
    {
        Assert.True(number >= 0);
        await Verify.VerifyBrokenCodeAsync(code);
    }

    private static string PemAsConcatenation()
    {
        var lines = FakeSecrets.PrivateKeyPem().Split('\n');
        return string.Join(" +\n        ", lines.Select((line, i) => "\"" + line + (i < lines.Length - 1 ? "\\n" : "") + "\""));
    }
}
