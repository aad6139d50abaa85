using System.Text;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class SecretPatternsTests
{
    public static TheoryData<string, string> EveryFormat() => new()
    {
        { FakeSecrets.GitHub('p'), SecretPatterns.GitHubPersonalAccessToken },
        { FakeSecrets.GitHub('o'), SecretPatterns.GitHubOAuthToken },
        { FakeSecrets.GitHub('u'), SecretPatterns.GitHubUserToServerToken },
        { FakeSecrets.GitHub('s'), SecretPatterns.GitHubServerToServerToken },
        { FakeSecrets.GitHub('r'), SecretPatterns.GitHubRefreshToken },
        { FakeSecrets.GitHubFineGrained, SecretPatterns.GitHubFineGrainedToken },
        { FakeSecrets.AwsAccessKeyId, SecretPatterns.AwsAccessKeyId },
        { FakeSecrets.AwsTemporaryKeyId, SecretPatterns.AwsTemporaryAccessKeyId },
        { FakeSecrets.SlackBot, SecretPatterns.SlackToken },
        { FakeSecrets.Stripe("sk"), SecretPatterns.StripeSecretKey },
        { FakeSecrets.Stripe("rk"), SecretPatterns.StripeRestrictedKey },
        { FakeSecrets.Stripe("pk"), SecretPatterns.StripePublishableKey },
        { FakeSecrets.GoogleApiKey, SecretPatterns.GoogleApiKey },
        { FakeSecrets.SendGrid, SecretPatterns.SendGridApiKey },
        { FakeSecrets.PrivateKeyPem(), SecretPatterns.PrivateKey },
        { FakeSecrets.PrivateKeyPem("PRIVATE KEY"), SecretPatterns.PrivateKey },
        { FakeSecrets.PrivateKeyPem("EC PRIVATE KEY"), SecretPatterns.PrivateKey },
        { FakeSecrets.PrivateKeyPem("OPENSSH PRIVATE KEY"), SecretPatterns.PrivateKey },
        { FakeSecrets.PrivateKeyPem("ENCRYPTED PRIVATE KEY"), SecretPatterns.PrivateKey },
        { FakeSecrets.PrivateKeyPem("PGP PRIVATE KEY BLOCK"), SecretPatterns.PrivateKey },
        { FakeSecrets.Jwt("HS256"), SecretPatterns.SignedJwt },
        { FakeSecrets.Jwt("RS256"), SecretPatterns.SignedJwt },
    };

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void A_token_alone_is_one_match_covering_it(string token, string kind)
    {
        var matches = FindAll(token);

        Assert.Equal(new[] { new SecretMatch(kind, 0, token.Length) }, matches);
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void A_token_inside_text_is_found_at_its_offset(string token, string kind)
    {
        var text = "export CERTKIT_VALUE=\"" + token + "\" # set by the deployment\n";

        var matches = FindAll(text);

        Assert.Equal(new[] { new SecretMatch(kind, 22, token.Length) }, matches);
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void TryFindFirst_agrees_with_Find(string token, string kind)
    {
        Assert.True(SecretPatterns.TryFindFirst("key: " + token, out var match));
        Assert.Equal(new SecretMatch(kind, 5, token.Length), match);
    }

    [Fact]
    public void An_Azure_connection_string_matches_the_account_key_only()
    {
        var text = FakeSecrets.AzureStorageConnectionString;
        var key = FakeSecrets.AzureAccountKey;

        var matches = FindAll(text);

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.AzureStorageAccountKey, text.IndexOf(key, StringComparison.Ordinal), key.Length) }, matches);
    }

    [Fact]
    public void A_Service_Bus_connection_string_matches_the_shared_access_key()
    {
        var key = FakeSecrets.ServiceBusKey;
        var text = "Endpoint=sb://certkit-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;Shared" + "AccessKey=" + key;

        var matches = FindAll(text);

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.AzureSharedAccessKey, text.Length - key.Length, key.Length) }, matches);
    }

    [Fact]
    public void A_PEM_key_written_with_escaped_newlines_in_JSON_is_found_whole()
    {
        var pem = FakeSecrets.PrivateKeyPem("PRIVATE KEY", "\\n");
        var json = "{ \"signingKey\": \"" + pem + "\" }";

        var matches = FindAll(json);

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.PrivateKey, json.IndexOf("-----BEGIN", StringComparison.Ordinal), pem.Length) }, matches);
    }

    [Fact]
    public void A_legacy_encrypted_PEM_with_headers_is_a_private_key()
    {
        var pem = FakeSecrets.PrivateKeyPem().Replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n");

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.PrivateKey, 0, pem.Length) }, FindAll(pem));
    }

    [Fact]
    public void A_PEM_key_without_its_END_line_ends_at_its_last_base64_character()
    {
        var pem = FakeSecrets.PrivateKeyPem();
        var truncated = pem.Substring(0, pem.IndexOf("-----END", StringComparison.Ordinal)).TrimEnd('\n');

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.PrivateKey, 0, truncated.Length) }, FindAll(truncated + "\n\"\n}"));
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----")]
    [InlineData("if (line.StartsWith(\"-----BEGIN PRIVATE KEY-----\")) { inKey = true; }")]
    public void A_PEM_header_without_a_body_is_not_a_key(string text)
    {
        Assert.Empty(FindAll(text));
    }

    [Theory]
    [InlineData("PUBLIC KEY")]
    [InlineData("RSA PUBLIC KEY")]
    [InlineData("CERTIFICATE")]
    [InlineData("CERTIFICATE REQUEST")]
    [InlineData("PGP PUBLIC KEY BLOCK")]
    public void Public_keys_and_certificates_are_not_secrets(string label)
    {
        Assert.Empty(FindAll(FakeSecrets.PrivateKeyPem(label)));
    }

    [Fact]
    public void An_ssh_public_key_is_not_a_secret()
    {
        var key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + Convert.ToBase64String(FakeSecrets.Bytes(20, 256)) + " deploy@certkit-ci";

        Assert.Empty(FindAll(key));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("NONE")]
    public void An_unsigned_JWT_is_not_a_secret(string alg)
    {
        Assert.Empty(FindAll(FakeSecrets.Jwt(alg)));
    }

    [Fact]
    public void A_JWT_needs_a_JSON_header_with_an_algorithm()
    {
        var noAlgorithm = FakeSecrets.Base64UrlEncode("{\"typ\":\"JWT\",\"kid\":\"certkit-1\"}") + ".eyJzdWIiOiJ4In0." + FakeSecrets.Body(30, 43, FakeSecrets.Base64Url);
        var notJson = "eyJ" + FakeSecrets.Body(31, 20) + ".eyJzdWIiOiJ4In0." + FakeSecrets.Body(32, 43, FakeSecrets.Base64Url);
        var shortSignature = FakeSecrets.Jwt().Substring(0, FakeSecrets.Jwt().LastIndexOf('.') + 10);
        var fiveParts = FakeSecrets.Jwt() + "." + FakeSecrets.Body(33, 22, FakeSecrets.Base64Url) + "." + FakeSecrets.Body(34, 22, FakeSecrets.Base64Url);

        Assert.Empty(FindAll(noAlgorithm));
        Assert.Empty(FindAll(notJson));
        Assert.Empty(FindAll(shortSignature));
        Assert.Empty(FindAll(fiveParts));
    }

    [Fact]
    public void Published_sample_values_are_not_secrets()
    {
        // The jwt.io sample token and the Azurite development storage connection string.
        var jwtIo = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        var azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

        Assert.Empty(FindAll(jwtIo));
        Assert.Empty(FindAll(azurite));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]                        // AWS documentation
    [InlineData("ghp_FakeTokenForCertKitUnitTests00000001")]  // marked fake
    [InlineData("xoxb-123456789012-123456789012-dummyDummyDummyDummy00")]
    [InlineData("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]  // typed placeholder
    [InlineData("AKIA0000000000000000")]
    [InlineData("AKIA1234567890ABCDEF")]                        // a run, not a key
    public void Fixtures_marked_fake_and_typed_placeholders_are_not_secrets(string text)
    {
        Assert.Empty(FindAll(text));
    }

    [Fact]
    public void A_fake_marker_inside_a_long_private_key_body_must_stand_as_a_word()
    {
        // By chance a real key body contains "test" or "Fake" inside a run of base64 letters: still a key.
        var pem = FakeSecrets.PrivateKeyPem();
        var inWord = pem.Replace("-----\n", "-----\nQxTestZ");
        var asWord = pem.Replace("-----\n", "-----\nFAKE/");

        Assert.Single(FindAll(inWord));
        Assert.Empty(FindAll(asWord));
    }

    [Fact]
    public void Tokens_glued_to_other_word_characters_are_not_matched()
    {
        var github = FakeSecrets.GitHub('p');
        var aws = FakeSecrets.AwsAccessKeyId;

        Assert.Empty(FindAll("x" + github));
        Assert.Empty(FindAll(github + "Z"));
        Assert.Empty(FindAll(github.Substring(0, github.Length - 1)));
        Assert.Empty(FindAll("B" + aws));
        Assert.Empty(FindAll(aws + "7"));
        Assert.Empty(FindAll("sk" + "_test_" + FakeSecrets.Body(9, 24)));
        Assert.Empty(FindAll("new Regex(\"ghp_[A-Za-z0-9]{36}\")"));
    }

    [Fact]
    public void Config_files_yield_their_secrets_at_their_offsets()
    {
        // What certkit scan hands over: appsettings.json, a commercetools connect.yaml and a .env file.
        var slack = FakeSecrets.SlackBot;
        var sendGrid = FakeSecrets.SendGrid;
        var github = FakeSecrets.GitHub('p');
        var text = $$"""
            {
              "Venafi": { "BaseUrl": "https://api.venafi.cloud", "ApiKey": "" },
              "Notifications": { "SlackToken": "{{slack}}" },
              "Mail": { "SendGridKey": "{{sendGrid}}" }
            }
            deployAs:
              - name: service
                configuration:
                  securedConfiguration:
                    - key: CTP_CLIENT_SECRET
                      description: commercetools client secret
            GITHUB_TOKEN={{github}}
            AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
            """;

        Assert.Equal(
            new[]
            {
                new SecretMatch(SecretPatterns.SlackToken, text.IndexOf(slack, StringComparison.Ordinal), slack.Length),
                new SecretMatch(SecretPatterns.SendGridApiKey, text.IndexOf(sendGrid, StringComparison.Ordinal), sendGrid.Length),
                new SecretMatch(SecretPatterns.GitHubPersonalAccessToken, text.IndexOf(github, StringComparison.Ordinal), github.Length),
            },
            FindAll(text));
    }

    [Fact]
    public void Find_looks_only_inside_the_given_range_and_treats_its_edges_as_boundaries()
    {
        var token = FakeSecrets.GitHub('p');
        var text = "before " + token + " after " + FakeSecrets.AwsAccessKeyId;
        var results = new List<SecretMatch>();

        SecretPatterns.Find(text, 7, token.Length, results);

        Assert.Equal(new[] { new SecretMatch(SecretPatterns.GitHubPersonalAccessToken, 7, token.Length) }, results);
        Assert.Throws<ArgumentOutOfRangeException>(() => SecretPatterns.Find(text, 5, text.Length, results));
    }

    [Fact]
    public void A_large_mixed_text_without_secrets_yields_nothing_and_planted_secrets_are_found_exactly()
    {
        var clean = MixedText(seed: 7, approximateLength: 4_000_000);
        Assert.Empty(FindAll(clean));

        var planted = new[]
        {
            FakeSecrets.GitHub('p'), FakeSecrets.GitHubFineGrained, FakeSecrets.AwsAccessKeyId, FakeSecrets.SlackBot,
            FakeSecrets.Stripe("sk"), FakeSecrets.GoogleApiKey, FakeSecrets.SendGrid, FakeSecrets.PrivateKeyPem(), FakeSecrets.Jwt(),
        };
        var builder = new StringBuilder();
        var expected = new List<SecretMatch>();
        var lines = clean.Split('\n');
        var step = lines.Length / (planted.Length + 1);
        var next = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (next < planted.Length && i == (next + 1) * step)
            {
                builder.Append("    secret: ");
                expected.Add(new SecretMatch(KindOf(planted[next]), builder.Length, planted[next].Length));
                builder.Append(planted[next]).Append('\n');
                next++;
            }

            builder.Append(lines[i]).Append('\n');
        }

        Assert.Equal(expected, FindAll(builder.ToString()));
    }

    private static string KindOf(string token)
    {
        Assert.True(SecretPatterns.TryFindFirst(token, out var match));
        return match.Kind;
    }

    private static List<SecretMatch> FindAll(string text)
    {
        var results = new List<SecretMatch>();
        SecretPatterns.Find(text, 0, text.Length, results);
        return results;
    }

    /// <summary>
    /// Realistic non-secret text: C# integration code, JSON and YAML config, prose, GUIDs, digests, base64 images,
    /// public keys and certificates, URLs, identifiers with underscores and capitals — everything the anchors see.
    /// </summary>
    internal static string MixedText(int seed, int approximateLength)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(approximateLength + 4096);
        string[] templates =
        {
            "    var response = await _httpClient.GetAsync($\"{_options.BaseUrl}/outagedetection/v1/certificates?limit={pageSize}\", cancellationToken);\n",
            "    request.Headers.Add(\"tppl-api-key\", _configuration[\"Venafi:ApiKey\"]);\n",
            "    private const string ACCESS_TOKEN_ENV = \"ADOBE_SIGN_ACCESS_TOKEN\"; // AccessToken is read at run time\n",
            "  \"Commercetools\": { \"ProjectKey\": \"certkit-prod\", \"AuthUrl\": \"https://auth.europe-west1.gcp.commercetools.com\", \"Scopes\": \"manage_orders:certkit-prod\" },\n",
            "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /service\n    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region\n",
            "The Agreement API returns AGREEMENT_ID values; see https://secure.na1.adobesign.com/public/docs/restapi/v6 for the OAuth flow (AUTHORIZATION_CODE grant).\n",
            "    _logger.LogInformation(\"Issued certificate {CertificateId} for zone {ZoneId}\", certificate.Id, zone.Id);\n",
            "    throw new InvalidOperationException(\"The BEGIN and END markers of the PEM block do not match: expected ---- CERTIFICATE ----.\");\n",
            "SELECT ID, ACCOUNT_NAME, AKA_NAME, IS_ACTIVE FROM APP_ACCOUNTS WHERE ASIA_REGION = 1 AND AKIRA_FLAG = 0 -- JOIN ACCESS_GROUPS\n",
            "x-request-id: xoxo-party, max_size=100, gh_pages_branch=gh-pages, sk_lifetime=30, pk_line_count=4, rk_live=false\n",
            "    public sealed record CertificateRequest(string CommonName, IReadOnlyList<string> SubjectAltNames, string ApplicationId, string TemplateId);\n",
            "  <PackageReference Include=\"Microsoft.Extensions.Http.Polly\" Version=\"8.0.0\" /> <!-- AIzaBoundary? no: just XML -->\n",
            "SG.settings.json and SG.Startup.cs are project files; Jaeger JSON: {\"traceID\":\"eyJ-is-not-a-token\"}\n",
        };

        while (builder.Length < approximateLength)
        {
            switch (random.Next(8))
            {
                case 0:
                    builder.Append("  \"").Append("correlationId").Append("\": \"").Append(new Guid(FakeSecrets.Bytes(random.Next(), 16))).Append("\",\n");
                    break;
                case 1:
                    builder.Append("sha256: ").Append(Convert.ToHexString(FakeSecrets.Bytes(random.Next(), 32)).ToLowerInvariant()).Append('\n');
                    break;
                case 2:
                    builder.Append("logo: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA").Append(Convert.ToBase64String(FakeSecrets.Bytes(random.Next(), 300))).Append('\n');
                    break;
                case 3:
                    builder.Append("-----BEGIN CERTIFICATE-----\n").Append(Convert.ToBase64String(FakeSecrets.Bytes(random.Next(), 400), Base64FormattingOptions.InsertLineBreaks)).Append("\n-----END CERTIFICATE-----\n");
                    break;
                case 4:
                    builder.Append("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI").Append(Convert.ToBase64String(FakeSecrets.Bytes(random.Next(), 32))).Append(" ops@certkit\n");
                    break;
                default:
                    builder.Append(templates[random.Next(templates.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }
}
